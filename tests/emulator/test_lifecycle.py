"""Every endpoint and lifecycle path, through the in-process transport, manual clock."""

from __future__ import annotations

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, make_requests, results_of

from anthropic.emulator import Emulator, ManualClock

T0 = "2024-09-24T18:37:24.100435Z"


def create(http: httpx.Client, n: int = 3, **params: object) -> str:
    r = http.post(BATCHES, json={"requests": make_requests(n, **params)})
    assert r.status_code == 200, r.text
    return str(r.json()["id"])


def test_create_answers_in_progress_with_every_request_processing(http: httpx.Client) -> None:
    r = http.post(BATCHES, json={"requests": make_requests(3)})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["request-id"].startswith("req_")
    body = r.json()
    assert body["id"].startswith("msgbatch_") and len(body["id"]) == 33
    assert body["processing_status"] == "in_progress"
    assert body["request_counts"] == {
        "processing": 3,
        "succeeded": 0,
        "errored": 0,
        "canceled": 0,
        "expired": 0,
    }
    assert body["created_at"] == T0
    assert body["expires_at"] == "2024-09-25T18:37:24.100435Z"
    assert body["ended_at"] is None and body["results_url"] is None
    assert body["archived_at"] is None and body["cancel_initiated_at"] is None


def test_in_progress_until_processing_time_then_ended(emu: Emulator, http: httpx.Client) -> None:
    batch_id = create(http)
    emu.advance(59.999)
    mid = http.get(f"{BATCHES}/{batch_id}").json()
    assert mid["processing_status"] == "in_progress"
    assert mid["request_counts"]["processing"] == 3
    emu.advance(0.001)
    done = http.get(f"{BATCHES}/{batch_id}").json()
    assert done["processing_status"] == "ended"
    assert done["request_counts"] == {
        "processing": 0,
        "succeeded": 3,
        "errored": 0,
        "canceled": 0,
        "expired": 0,
    }
    assert done["ended_at"] == "2024-09-24T18:38:24.100435Z"
    assert done["results_url"] == f"http://emulator.local{BATCHES}/{batch_id}/results"


def test_results_url_uses_the_host_the_request_came_to(emu: Emulator) -> None:
    emu.processing_time = 0
    with httpx.Client(
        transport=emu.transport(), base_url="https://other.test:8443", headers=HEADERS
    ) as c:
        batch_id = c.post(BATCHES, json={"requests": make_requests(1)}).json()["id"]
        url = c.get(f"{BATCHES}/{batch_id}").json()["results_url"]
    assert url == f"https://other.test:8443{BATCHES}/{batch_id}/results"


def test_processing_time_zero_ends_on_the_first_read(clock: ManualClock) -> None:
    emu = Emulator(clock=clock)
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
        created = c.post(BATCHES, json={"requests": make_requests(2)}).json()
        assert created["processing_status"] == "in_progress"
        again = c.get(f"{BATCHES}/{created['id']}").json()
    assert again["processing_status"] == "ended"
    assert again["request_counts"]["succeeded"] == 2


def test_results_stream_as_jsonl_after_end(emu: Emulator, http: httpx.Client) -> None:
    batch_id = create(http, 3)
    early = http.get(f"{BATCHES}/{batch_id}/results")
    assert early.status_code == 400
    assert early.json()["error"]["type"] == "invalid_request_error"
    emu.advance(60)
    r = http.get(f"{BATCHES}/{batch_id}/results")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/x-jsonl"
    assert r.text.endswith("\n")
    lines = results_of(r)
    assert [line["custom_id"] for line in lines] == ["req-0", "req-1", "req-2"]
    assert {line["result"]["type"] for line in lines} == {"succeeded"}


def test_cancel_goes_canceling_then_ended_with_unfinished_canceled(clock: ManualClock) -> None:
    emu = Emulator(clock=clock, processing_time=100, cancel_time=10)
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
        batch_id = c.post(BATCHES, json={"requests": make_requests(4)}).json()["id"]
        emu.advance(50)  # requests finish at 25, 50, 75, 100: two are done
        canceling = c.post(f"{BATCHES}/{batch_id}/cancel").json()
        assert canceling["processing_status"] == "canceling"
        assert canceling["cancel_initiated_at"] == "2024-09-24T18:38:14.100435Z"
        assert canceling["request_counts"]["processing"] == 4
        emu.advance(9)
        assert c.get(f"{BATCHES}/{batch_id}").json()["processing_status"] == "canceling"
        # cancel again while canceling: a no-op
        assert c.post(f"{BATCHES}/{batch_id}/cancel").json()["processing_status"] == "canceling"
        emu.advance(1)
        ended = c.get(f"{BATCHES}/{batch_id}").json()
        assert ended["processing_status"] == "ended"
        assert ended["ended_at"] == "2024-09-24T18:38:24.100435Z"
        assert ended["request_counts"] == {
            "processing": 0,
            "succeeded": 2,
            "errored": 0,
            "canceled": 2,
            "expired": 0,
        }
        lines = results_of(c.get(f"{BATCHES}/{batch_id}/results"))
    assert [(x["custom_id"], x["result"]["type"]) for x in lines] == [
        ("req-0", "succeeded"),
        ("req-1", "succeeded"),
        ("req-2", "canceled"),
        ("req-3", "canceled"),
    ]
    assert lines[2] == {"custom_id": "req-2", "result": {"type": "canceled"}}


def test_cancel_of_an_ended_batch_returns_it_unchanged(emu: Emulator, http: httpx.Client) -> None:
    batch_id = create(http)
    emu.advance(60)
    r = http.post(f"{BATCHES}/{batch_id}/cancel")
    assert r.status_code == 200
    assert r.json()["processing_status"] == "ended"
    assert r.json()["cancel_initiated_at"] is None


def test_unfinished_requests_expire_24h_after_creation(clock: ManualClock) -> None:
    emu = Emulator(clock=clock, processing_time=48 * 3600)
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
        batch_id = c.post(BATCHES, json={"requests": make_requests(4)}).json()["id"]
        emu.advance(24 * 3600 - 1)
        assert c.get(f"{BATCHES}/{batch_id}").json()["processing_status"] == "in_progress"
        emu.advance(1)
        body = c.get(f"{BATCHES}/{batch_id}").json()
        lines = results_of(c.get(f"{BATCHES}/{batch_id}/results"))
    assert body["processing_status"] == "ended"
    assert body["ended_at"] == body["expires_at"] == "2024-09-25T18:37:24.100435Z"
    # finish times 12 h, 24 h, 36 h, 48 h: two made it.
    assert body["request_counts"] == {
        "processing": 0,
        "succeeded": 2,
        "errored": 0,
        "canceled": 0,
        "expired": 2,
    }
    assert [x["result"]["type"] for x in lines] == ["succeeded", "succeeded", "expired", "expired"]


def test_archived_after_29_days_and_results_are_gone(emu: Emulator, http: httpx.Client) -> None:
    batch_id = create(http)
    emu.advance(29 * 86400 - 1)
    assert http.get(f"{BATCHES}/{batch_id}").json()["archived_at"] is None
    assert http.get(f"{BATCHES}/{batch_id}/results").status_code == 200
    emu.advance(1)
    body = http.get(f"{BATCHES}/{batch_id}").json()
    assert body["archived_at"] == "2024-10-23T18:37:24.100435Z"
    assert body["processing_status"] == "ended"
    gone = http.get(f"{BATCHES}/{batch_id}/results")
    assert gone.status_code == 404
    assert gone.json()["error"]["type"] == "not_found_error"


def test_delete_only_after_ended(emu: Emulator, http: httpx.Client) -> None:
    batch_id = create(http)
    early = http.delete(f"{BATCHES}/{batch_id}")
    assert early.status_code == 400
    assert early.json()["error"]["type"] == "invalid_request_error"
    emu.advance(60)
    r = http.delete(f"{BATCHES}/{batch_id}")
    assert r.status_code == 200
    assert r.json() == {"id": batch_id, "type": "message_batch_deleted"}
    assert emu.batch_count == 0
    for method, path in [
        ("GET", f"{BATCHES}/{batch_id}"),
        ("DELETE", f"{BATCHES}/{batch_id}"),
        ("GET", f"{BATCHES}/{batch_id}/results"),
        ("POST", f"{BATCHES}/{batch_id}/cancel"),
    ]:
        missing = http.request(method, path)
        assert missing.status_code == 404
        assert missing.json()["error"] == {
            "type": "not_found_error",
            "message": f"No message batch found with id '{batch_id}'.",
        }


def test_list_newest_first_with_cursors(emu: Emulator, http: httpx.Client) -> None:
    empty = http.get(BATCHES).json()
    assert empty == {"data": [], "has_more": False, "first_id": None, "last_id": None}
    ids = []
    for _ in range(5):
        ids.append(create(http, 1))
        emu.advance(1)
    newest_first = ids[::-1]
    page = http.get(BATCHES, params={"limit": 2}).json()
    assert [b["id"] for b in page["data"]] == newest_first[:2]
    assert page["has_more"] is True
    assert (page["first_id"], page["last_id"]) == (newest_first[0], newest_first[1])
    page2 = http.get(BATCHES, params={"limit": 2, "after_id": page["last_id"]}).json()
    assert [b["id"] for b in page2["data"]] == newest_first[2:4]
    page3 = http.get(BATCHES, params={"limit": 2, "after_id": page2["last_id"]}).json()
    assert [b["id"] for b in page3["data"]] == newest_first[4:]
    assert page3["has_more"] is False
    back = http.get(BATCHES, params={"limit": 2, "before_id": page3["first_id"]}).json()
    assert [b["id"] for b in back["data"]] == newest_first[2:4]
    assert back["has_more"] is True
    top = http.get(BATCHES, params={"limit": 2, "before_id": newest_first[2]}).json()
    assert [b["id"] for b in top["data"]] == newest_first[:2]
    assert top["has_more"] is False
    assert len(http.get(BATCHES).json()["data"]) == 5  # default limit 20


def test_list_cursor_survives_deletion_of_its_batch(emu: Emulator, http: httpx.Client) -> None:
    ids = [create(http, 1) for _ in range(3)]
    emu.advance(60)
    assert http.delete(f"{BATCHES}/{ids[1]}").status_code == 200
    page = http.get(BATCHES, params={"after_id": ids[1]}).json()
    assert [b["id"] for b in page["data"]] == [ids[0]]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"limit": 0}, "limit: Input should be greater than or equal to 1"),
        ({"limit": 1001}, "limit: Input should be less than or equal to 1000"),
        ({"limit": "x"}, "limit: Input should be a valid integer"),
        ({"after_id": "nope"}, "after_id: 'nope' is not a message batch id"),
    ],
)
def test_list_rejects_bad_params(http: httpx.Client, query: dict, message: str) -> None:
    r = http.get(BATCHES, params=query)
    assert r.status_code == 400
    assert r.json()["error"] == {"type": "invalid_request_error", "message": message}


def test_list_accepts_limit_bounds(http: httpx.Client) -> None:
    create(http, 1)
    assert len(http.get(BATCHES, params={"limit": 1}).json()["data"]) == 1
    assert len(http.get(BATCHES, params={"limit": 1000}).json()["data"]) == 1


def test_ids_are_unique_and_reproducible_with_a_seed(clock: ManualClock) -> None:
    def ids(seed: int) -> list:
        emu = Emulator(clock=clock, seed=seed)
        with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
            return [
                c.post(BATCHES, json={"requests": make_requests(1)}).json()["id"] for _ in range(50)
            ]

    first = ids(7)
    assert len(set(first)) == 50
    assert ids(7) == first
    assert ids(8) != first


def test_client_on_a_manual_clock_sleeps_in_virtual_time() -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=60)
    start = clock.now()
    with emu.client() as client:
        client._sleep(42.5)
    assert clock.now() - start == 42.5


@pytest.mark.anyio
async def test_async_client_on_a_manual_clock_sleeps_in_virtual_time() -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=60)
    start = clock.now()
    async with emu.async_client() as client:
        await client._sleep(3.0)
    assert clock.now() - start == 3.0
