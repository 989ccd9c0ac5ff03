"""Each fault kind through the in-process transport, with raw httpx."""

from __future__ import annotations

from typing import List

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, make_requests

from anthropic.emulator import Emulator, Fault, Faults, ManualClock


def create(http: httpx.Client) -> httpx.Response:
    return http.post(BATCHES, json={"requests": make_requests(2)})


@pytest.mark.parametrize(
    ("status", "type", "message"),
    [
        (
            429,
            "rate_limit_error",
            "Number of concurrent batches exceeds your rate limit. Please try again later.",
        ),
        (500, "api_error", "Internal server error"),
        (503, "api_error", "Service temporarily unavailable"),
        (529, "overloaded_error", "Overloaded"),
    ],
)
def test_error_status_fault_fires_n_times_then_stops(
    emu: Emulator, http: httpx.Client, status: int, type: str, message: str
) -> None:
    rule = emu.faults.add(Fault.error(status, route="create", times=2, retry_after=3))
    for _ in range(2):
        r = create(http)
        assert r.status_code == status
        assert r.headers["retry-after"] == "3"
        assert r.headers["request-id"].startswith("req_")
        assert r.json() == {
            "type": "error",
            "error": {"type": type, "message": message},
            "request_id": r.headers["request-id"],
        }
    assert emu.batch_count == 0  # error faults fire before processing
    assert http.get(BATCHES).status_code == 200  # other routes untouched
    assert create(http).status_code == 200
    assert rule.fired == 2
    assert emu.count("create") == 3
    assert [e.status for e in emu.requests_log if e.route == "create"] == [status, status, 200]
    assert [e.fault for e in emu.requests_log if e.route == "create"] == ["error", "error", None]


def test_fractional_retry_after_also_sends_ms(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.error(429, retry_after=0.25))
    r = http.get(BATCHES)
    assert (r.headers["retry-after"], r.headers["retry-after-ms"]) == ("1", "250")


def test_drop_before_processing_raises_connect_error_and_leaves_state(
    emu: Emulator, http: httpx.Client
) -> None:
    emu.faults.add(Fault.drop(route="create", times=1))
    with pytest.raises(httpx.ConnectError):
        create(http)
    assert emu.batch_count == 0
    assert emu.requests_log[-1].status is None
    assert emu.requests_log[-1].fault == "drop_before"
    assert create(http).status_code == 200
    assert emu.batch_count == 1


def test_drop_after_processing_creates_but_loses_the_response(
    emu: Emulator, http: httpx.Client
) -> None:
    emu.faults.add(Fault.drop(route="create", after_processing=True, times=1))
    with pytest.raises(httpx.RemoteProtocolError):
        create(http)
    assert emu.batch_count == 1  # the batch really exists
    assert emu.count("create") == 1
    assert emu.requests_log[-1].status == 200
    listed = http.get(BATCHES).json()["data"]
    assert len(listed) == 1


def test_delay_beyond_read_timeout_is_a_read_timeout(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.delay(5.0, route="list"))
    with pytest.raises(httpx.ReadTimeout):
        http.get(BATCHES, timeout=httpx.Timeout(1.0))
    # Within the timeout it answers (in-process delays are virtual: no real sleep).
    assert http.get(BATCHES, timeout=httpx.Timeout(10.0)).status_code == 200
    assert http.get(BATCHES, timeout=None).status_code == 200
    assert [e.fault for e in emu.requests_log] == ["delay", "delay", "delay"]


def test_delay_on_create_still_creates(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.delay(30.0, route="create", times=1))
    with pytest.raises(httpx.ReadTimeout):
        http.post(BATCHES, json={"requests": make_requests(1)}, timeout=5.0)
    assert emu.batch_count == 1


def test_cut_stream_yields_part_of_the_body_then_fails(emu: Emulator, http: httpx.Client) -> None:
    batch_id = create(http).json()["id"]
    emu.advance(60)
    full = http.get(f"{BATCHES}/{batch_id}/results").content
    emu.faults.add(Fault.cut_stream(after_bytes=50, times=1))
    received = b""
    with (
        pytest.raises(httpx.RemoteProtocolError),
        http.stream("GET", f"{BATCHES}/{batch_id}/results") as r,
    ):
        assert r.status_code == 200
        for chunk in r.iter_raw():
            received += chunk
    assert received == full[:50]
    assert b"\n" not in received  # cut mid-line
    assert http.get(f"{BATCHES}/{batch_id}/results").content == full


def test_not_found_right_after_create(emu: Emulator, http: httpx.Client) -> None:
    rule = emu.faults.add(Fault.not_found_after_create(seconds=2.0))
    batch_id = create(http).json()["id"]
    assert rule.fired == 0  # create itself is not affected
    r = http.get(f"{BATCHES}/{batch_id}")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "not_found_error"
    emu.advance(1.999)
    assert http.get(f"{BATCHES}/{batch_id}").status_code == 404
    emu.advance(0.001)
    assert http.get(f"{BATCHES}/{batch_id}").status_code == 200
    assert http.get(f"{BATCHES}/msgbatch_missing").json()["error"]["message"] == (
        "No message batch found with id 'msgbatch_missing'."
    )
    assert rule.fired == 2


def fire_pattern(seed: int) -> List[int]:
    emu = Emulator(
        clock=ManualClock(), faults=Faults([Fault.error(500, probability=0.5)], seed=seed)
    )
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
        return [c.get(BATCHES).status_code for _ in range(40)]


def test_probability_is_seeded_and_reproducible() -> None:
    first = fire_pattern(11)
    assert first == fire_pattern(11)
    assert first != fire_pattern(12)
    assert 5 < first.count(500) < 35


def test_emulator_seed_seeds_its_faults() -> None:
    def pattern() -> List[int]:
        emu = Emulator(clock=ManualClock(), seed=5, faults=[Fault.error(503, probability=0.3)])
        with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
            return [c.get(BATCHES).status_code for _ in range(30)]

    assert pattern() == pattern()


def test_rules_can_target_several_routes_and_be_cleared(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.error(529, route=["list", "retrieve"]))
    assert http.get(BATCHES).status_code == 529
    assert http.get(f"{BATCHES}/msgbatch_x").status_code == 529
    assert create(http).status_code == 200
    assert len(emu.faults) == 1
    emu.faults.clear()
    assert http.get(BATCHES).status_code == 200
    assert emu.counts == {"list": 2, "retrieve": 1, "create": 1}


def test_first_matching_rule_wins_and_exhausted_rules_step_aside(
    emu: Emulator, http: httpx.Client
) -> None:
    emu.faults.add(Fault.error(429, times=1))
    emu.faults.add(Fault.error(500, times=1))
    assert [http.get(BATCHES).status_code for _ in range(3)] == [429, 500, 200]


def test_bad_rules_are_rejected() -> None:
    with pytest.raises(ValueError, match="route"):
        Fault.error(500, route="nope")
    with pytest.raises(ValueError, match="probability"):
        Fault.error(500, probability=1.5)
