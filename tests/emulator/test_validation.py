"""Auth, create-body validation (fails the create) and params validation (errored results)."""

from __future__ import annotations

import json
from typing import Any, Dict

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, make_requests, results_of

from anthropic.emulator import Emulator, ManualClock


def error_of(r: httpx.Response) -> Dict[str, Any]:
    body = r.json()
    assert body["type"] == "error"
    assert body["request_id"] == r.headers["request-id"]
    return dict(body["error"])


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"anthropic-version": "2023-06-01"}, "x-api-key header is required"),
        ({"x-api-key": "", "anthropic-version": "2023-06-01"}, "x-api-key header is required"),
        ({"x-api-key": "wrong", "anthropic-version": "2023-06-01"}, "invalid x-api-key"),
        ({"authorization": "Bearer wrong", "anthropic-version": "2023-06-01"}, "invalid x-api-key"),
    ],
)
def test_configured_key_is_enforced(
    clock: ManualClock, headers: Dict[str, str], message: str
) -> None:
    emu = Emulator(clock=clock, api_key="sk-right")
    with httpx.Client(transport=emu.transport(), base_url="http://e") as c:
        r = c.get(BATCHES, headers=headers)
    assert r.status_code == 401
    assert error_of(r) == {"type": "authentication_error", "message": message}


@pytest.mark.parametrize(
    "headers",
    [
        {"x-api-key": "sk-right", "anthropic-version": "2023-06-01"},
        {"Authorization": "Bearer sk-right", "anthropic-version": "2023-06-01"},
    ],
)
def test_right_key_in_either_header_is_accepted(
    clock: ManualClock, headers: Dict[str, str]
) -> None:
    emu = Emulator(clock=clock, api_key="sk-right")
    with httpx.Client(transport=emu.transport(), base_url="http://e") as c:
        assert c.get(BATCHES, headers=headers).status_code == 200


def test_any_key_is_accepted_when_none_is_configured(http: httpx.Client) -> None:
    assert http.get(BATCHES, headers={"x-api-key": "whatever"}).status_code == 200


def test_anthropic_version_header_is_required(emu: Emulator) -> None:
    with httpx.Client(transport=emu.transport(), base_url="http://e") as c:
        r = c.get(BATCHES, headers={"x-api-key": "k"})
    assert r.status_code == 400
    assert error_of(r) == {
        "type": "invalid_request_error",
        "message": "anthropic-version: header is required",
    }


PATTERN = "String should match pattern '^[a-zA-Z0-9_-]{1,64}$'"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", None),
        (b"[]", "body: Input should be a valid dictionary"),
        (b"{}", "requests: Field required"),
        (b'{"requests": {}}', "requests: Input should be a valid list"),
        (b'{"requests": []}', "requests: List should have at least 1 item after validation, not 0"),
        (b'{"requests": [1]}', "requests.0: Input should be a valid dictionary"),
        (b'{"requests": [{"params": {}}]}', "requests.0.custom_id: Field required"),
        (
            b'{"requests": [{"custom_id": 5, "params": {}}]}',
            "requests.0.custom_id: Input should be a valid string",
        ),
        (b'{"requests": [{"custom_id": "a"}]}', "requests.0.params: Field required"),
        (
            b'{"requests": [{"custom_id": "a", "params": []}]}',
            "requests.0.params: Input should be a valid dictionary",
        ),
    ],
)
def test_malformed_create_bodies_are_400(http: httpx.Client, body: bytes, message: Any) -> None:
    r = http.post(BATCHES, content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400
    error = error_of(r)
    assert error["type"] == "invalid_request_error"
    if message is None:
        assert error["message"].startswith("There was an error parsing the body of your request")
    else:
        assert error["message"] == message


@pytest.mark.parametrize("bad", ["", "a" * 65, "has space", "dot.ted", "ünï", "new\nline", "x\n"])
def test_bad_custom_id_names_its_path(http: httpx.Client, bad: str) -> None:
    requests = make_requests(5)
    requests[3] = {**requests[3], "custom_id": bad}
    r = http.post(BATCHES, json={"requests": requests})
    assert r.status_code == 400
    assert error_of(r) == {
        "type": "invalid_request_error",
        "message": f"requests.3.custom_id: {PATTERN}",
    }


def test_longest_custom_id_is_fine(http: httpx.Client) -> None:
    requests = [{"custom_id": "a-Z_9" * 12 + "abcd", "params": make_requests(1)[0]["params"]}]
    assert http.post(BATCHES, json={"requests": requests}).status_code == 200


def test_duplicate_custom_id_names_its_path(http: httpx.Client, emu: Emulator) -> None:
    requests = make_requests(3)
    requests[2] = {**requests[2], "custom_id": "req-0"}
    r = http.post(BATCHES, json={"requests": requests})
    assert r.status_code == 400
    assert error_of(r)["message"].startswith("requests.2.custom_id: Duplicate custom_id 'req-0'")
    assert emu.batch_count == 0


def test_more_than_100k_requests_is_413(http: httpx.Client, emu: Emulator) -> None:
    one = '{"custom_id":"x","params":{}},'
    body = ('{"requests":[' + one * 100_001).rstrip(",") + "]}"
    r = http.post(BATCHES, content=body.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert error_of(r)["type"] == "request_too_large"
    assert emu.batch_count == 0


def test_body_over_256_mb_is_413_before_parsing(emu: Emulator) -> None:
    # Through the handler directly: no need to push 256 MB through httpx.
    reply = emu.handle(
        "POST",
        BATCHES,
        headers=HEADERS,
        body=b" " * (256 * 1024 * 1024 + 1),
    )
    assert reply.status == 413
    assert json.loads(reply.body)["error"] == {
        "type": "request_too_large",
        "message": "Request exceeds the maximum allowed number of bytes.",
    }


BAD_PARAMS = [
    ({"model": None}, "model: Field required"),
    ({"max_tokens": None}, "max_tokens: Field required"),
    ({"max_tokens": 0}, "max_tokens: Input should be greater than or equal to 1"),
    ({"max_tokens": "10"}, "max_tokens: Input should be a valid integer"),
    ({"messages": None}, "messages: Field required"),
    ({"messages": []}, "messages: at least one message is required"),
    (
        {"messages": [{"role": "system", "content": "x"}]},
        "messages.0.role: Input should be 'user' or 'assistant'",
    ),
    ({"messages": [{"role": "user"}]}, "messages.0.content: Field required"),
    ({"stream": True}, "stream: streaming is not supported in Message Batches requests"),
    ({"temperature": 2}, "temperature: Input should be a number between 0 and 1"),
    (
        {"tool_choice": {"type": "tool", "name": "x"}},
        "tool_choice: tool_choice.type 'tool' requires at least one tool in tools",
    ),
    (
        {"thinking": {"type": "enabled", "budget_tokens": 100}},
        "thinking.budget_tokens: Input should be an integer >= 1024",
    ),
]


@pytest.mark.parametrize(("change", "message"), BAD_PARAMS)
def test_bad_params_become_errored_results_not_a_failed_create(
    emu: Emulator, http: httpx.Client, change: Dict[str, Any], message: str
) -> None:
    requests = make_requests(2)
    params = {k: v for k, v in {**requests[1]["params"], **change}.items() if v is not None}
    requests[1] = {"custom_id": "bad", "params": params}
    r = http.post(BATCHES, json={"requests": requests})
    assert r.status_code == 200
    batch_id = r.json()["id"]
    emu.advance(60)
    counts = http.get(f"{BATCHES}/{batch_id}").json()["request_counts"]
    assert counts == {"processing": 0, "succeeded": 1, "errored": 1, "canceled": 0, "expired": 0}
    lines = results_of(http.get(f"{BATCHES}/{batch_id}/results"))
    errored = lines[1]["result"]
    assert lines[1]["custom_id"] == "bad"
    assert errored["type"] == "errored"
    assert errored["error"]["error"] == {"type": "invalid_request_error", "message": message}
    assert errored["error"]["request_id"].startswith("req_")


@pytest.mark.parametrize(
    ("method", "path", "status", "type"),
    [
        ("GET", "/v1/nothing", 404, "not_found_error"),
        ("GET", "/v1/messages/batchesX", 404, "not_found_error"),
        ("GET", f"{BATCHES}/a/b/c", 404, "not_found_error"),
        ("PUT", BATCHES, 405, "invalid_request_error"),
        ("POST", f"{BATCHES}/msgbatch_x", 405, "invalid_request_error"),
        ("GET", f"{BATCHES}/msgbatch_x/cancel", 405, "invalid_request_error"),
    ],
)
def test_unknown_routes_and_methods(
    emu: Emulator, http: httpx.Client, method: str, path: str, status: int, type: str
) -> None:
    r = http.request(method, path)
    assert r.status_code == status
    assert error_of(r)["type"] == type
    assert emu.requests_log[-1].route == "unknown"
