"""The emulator's JSON has the shapes of the golden fixtures: same keys, same JSON types,
null where they have null. Checked in-process and over real HTTP with raw httpx."""

from __future__ import annotations

from typing import Any, Dict

import httpx
from emulator_helpers import (
    BATCHES,
    HEADERS,
    load_fixture,
    load_results_fixture,
    make_requests,
    results_of,
)

from anthropic.emulator import BatchRequest, Emulator, Fault, ManualClock, ResponderError


def shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value]
    if value is None:
        return None
    return type(value).__name__


def responder(req: BatchRequest) -> str:
    if req.custom_id == "server-err":
        raise ResponderError()  # api_error, request_id null, as in the fixture
    return "The capital of France is Paris."


def new_emulator() -> Emulator:
    return Emulator(clock=ManualClock(), processing_time=100, responder=responder, seed=2)


def scenario(emu: Emulator, c: httpx.Client) -> Dict[str, Any]:
    """Drive the emulator into every state the fixtures show; return what it said."""
    out: Dict[str, Any] = {"list.empty": c.get(BATCHES).json()}
    requests = make_requests(2)
    requests.append(
        {
            "custom_id": "bad",
            "params": {"model": "m", "messages": [{"role": "user", "content": "x"}]},
        }
    )
    requests.append({"custom_id": "server-err", "params": requests[0]["params"]})
    created = c.post(BATCHES, json={"requests": requests})
    out["in_progress"] = created.json()
    ended_id = created.json()["id"]
    emu.advance(10)
    to_cancel = c.post(BATCHES, json={"requests": make_requests(2)}).json()["id"]
    emu.advance(50)
    out["canceling"] = c.post(f"{BATCHES}/{to_cancel}/cancel").json()
    emu.advance(50)
    out["ended"] = c.get(f"{BATCHES}/{ended_id}").json()
    out["list.page"] = c.get(BATCHES, params={"limit": 1}).json()
    results = results_of(c.get(f"{BATCHES}/{ended_id}/results"))
    out["results"] = {line["custom_id"]: line for line in results}
    out["results.canceled"] = results_of(c.get(f"{BATCHES}/{to_cancel}/results"))[-1]
    emu.processing_time = 48 * 3600
    expiring = c.post(BATCHES, json={"requests": make_requests(2)}).json()["id"]
    emu.advance(24 * 3600)
    out["results.expired"] = results_of(c.get(f"{BATCHES}/{expiring}/results"))[-1]
    out["deleted"] = c.delete(f"{BATCHES}/{ended_id}").json()
    errors = {
        400: c.post(BATCHES, json={"requests": []}),
        401: c.get(BATCHES, headers={"x-api-key": ""}),
        404: c.get(f"{BATCHES}/msgbatch_missing"),
        413: c.post(BATCHES, content=b'{"requests":[' + b",".join([b"{}"] * 100_001) + b"]}"),
    }
    for status in (429, 500, 529):
        emu.faults.add(Fault.error(status, times=1))
        errors[status] = c.get(BATCHES)
    for status, response in errors.items():
        assert response.status_code == status
        assert response.headers["request-id"].startswith("req_")
    out["errors"] = {status: r.json() for status, r in errors.items()}
    return out


def check_against_fixtures(said: Dict[str, Any]) -> None:
    for name in ("in_progress", "canceling", "ended", "deleted"):
        assert shape(said[name]) == shape(load_fixture(f"batch.{name}.json")), name
    assert said["in_progress"]["processing_status"] == "in_progress"
    assert said["canceling"]["processing_status"] == "canceling"
    assert said["ended"]["processing_status"] == "ended"
    assert said["list.empty"] == load_fixture("batch.list.empty.json")
    # The newest batch then is the canceled one, like page 2's only entry; page 1 has_more.
    page1, page2 = load_fixture("batch.list.page1.json"), load_fixture("batch.list.page2.json")
    assert shape(said["list.page"]) == shape({**page1, "data": page2["data"]})
    assert said["list.page"]["has_more"] is True
    golden = {line["custom_id"]: line for line in load_results_fixture()}
    assert shape(said["results"]["req-0"]) == shape(golden["capital-fr"])
    assert shape(said["results"]["bad"]) == shape(golden["bad-params-4"])
    assert shape(said["results"]["server-err"]) == shape(golden["server-err-5"])
    assert said["results.canceled"] == {
        "custom_id": "req-1",
        "result": golden["canceled-6"]["result"],
    }
    assert said["results.expired"] == {
        "custom_id": "req-1",
        "result": golden["expired-7"]["result"],
    }
    names = {
        400: "invalid_request_error",
        401: "authentication_error",
        404: "not_found_error",
        413: "request_too_large",
        429: "rate_limit_error",
        500: "api_error",
        529: "overloaded_error",
    }
    for status, type in names.items():
        body = said["errors"][status]
        golden_error = load_fixture(f"errors/{status}.{type}.json")
        assert shape(body) == shape(golden_error)
        assert body["error"]["type"] == type
    assert (
        said["errors"][404]["error"]["message"]
        == load_fixture("errors/404.not_found_error.json")["error"]["message"]
    )


def test_in_process_responses_have_the_fixture_shapes() -> None:
    emu = new_emulator()
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
        check_against_fixtures(scenario(emu, c))


def test_http_responses_have_the_fixture_shapes() -> None:
    emu = new_emulator()
    with emu.serve() as server, httpx.Client(base_url=server.base_url, headers=HEADERS) as c:
        said = scenario(emu, c)
        assert (
            said["ended"]["results_url"]
            == f"{server.base_url}{BATCHES}/{said['ended']['id']}/results"
        )
    check_against_fixtures(said)
