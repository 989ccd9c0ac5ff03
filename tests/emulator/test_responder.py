"""The default responder's output, and pluggable responders."""

from __future__ import annotations

from typing import Any, Dict, List

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, load_fixture, make_requests, results_of

from anthropic.emulator import (
    BatchRequest,
    Emulator,
    ManualClock,
    ResponderError,
    default_responder,
)


def run(emu: Emulator, requests: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    with httpx.Client(transport=emu.transport(), base_url="http://e", headers=HEADERS) as c:
        batch_id = c.post(BATCHES, json={"requests": requests}).json()["id"]
        return results_of(c.get(f"{BATCHES}/{batch_id}/results"))


def test_default_message_for_the_fixture_requests(clock: ManualClock) -> None:
    lines = run(
        Emulator(clock=clock, seed=3), load_fixture("batch.create.request.json")["requests"]
    )
    plain, tool, think = (line["result"]["message"] for line in lines)
    assert plain["content"] == [
        {"type": "text", "text": "Emulated reply to: What is the capital of France?"}
    ]
    assert plain["stop_reason"] == "end_turn"
    assert plain["model"] == "claude-sonnet-4-20250514"
    assert plain["id"].startswith("msg_01") and len(plain["id"]) == 28
    assert plain["usage"] == {
        "input_tokens": 9,
        "output_tokens": 12,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
        "service_tier": "batch",
    }
    # tool_choice auto: plain text, nothing forced
    assert [b["type"] for b in tool["content"]] == ["text"]
    assert [b["type"] for b in think["content"]] == ["thinking", "text"]
    assert think["content"][0]["signature"].startswith("Eq")


def test_forced_tool_choice_gives_a_tool_use_block(clock: ManualClock) -> None:
    tools = [
        {"name": "noop", "input_schema": {"type": "object", "properties": {}}},
        {
            "name": "get_weather",
            "input_schema": {
                "type": "object",
                "properties": {
                    "city": {"type": "string"},
                    "days": {"type": "integer"},
                    "unit": {"type": "string", "enum": ["c", "f"]},
                    "optional": {"type": "string"},
                },
                "required": ["city", "days", "unit"],
            },
        },
    ]
    requests = [
        {
            "custom_id": "tool",
            "params": {
                **make_requests(1, tools=tools)[0]["params"],
                "tool_choice": {"type": "tool", "name": "get_weather"},
            },
        },
        {
            "custom_id": "any",
            "params": {
                **make_requests(1, tools=tools)[0]["params"],
                "tool_choice": {"type": "any"},
            },
        },
    ]
    forced, anyone = (line["result"]["message"] for line in run(Emulator(clock=clock), requests))
    assert forced["stop_reason"] == "tool_use"
    (block,) = forced["content"]
    assert block["type"] == "tool_use" and block["name"] == "get_weather"
    assert block["input"] == {"city": "example", "days": 1, "unit": "c"}
    assert block["id"].startswith("toolu_01")
    assert anyone["content"][0]["name"] == "noop"
    assert anyone["content"][0]["input"] == {}


def test_max_tokens_cuts_the_text(clock: ManualClock) -> None:
    (line,) = run(Emulator(clock=clock), make_requests(1, max_tokens=2))
    message = line["result"]["message"]
    assert message["stop_reason"] == "max_tokens"
    assert message["content"][0]["text"] == "Emulated"
    assert message["usage"]["output_tokens"] == 2


def test_default_responder_is_deterministic() -> None:
    request = BatchRequest("msgbatch_x", "a", 0, make_requests(1)[0]["params"])
    assert default_responder(request) == default_responder(request)
    other = BatchRequest("msgbatch_x", "b", 0, request.params)
    assert default_responder(other)["id"] != default_responder(request)["id"]


def test_custom_responder_text_dict_and_errors(clock: ManualClock) -> None:
    seen: List[BatchRequest] = []

    def responder(req: BatchRequest) -> Any:
        seen.append(req)
        if req.custom_id == "req-0":
            return "custom text"
        if req.custom_id == "req-1":
            return {"content": [{"type": "text", "text": "partial"}], "stop_reason": "max_tokens"}
        if req.custom_id == "req-2":
            raise ResponderError("overloaded here", type="overloaded_error")
        if req.custom_id == "req-3":
            raise ResponderError("bad input", type="invalid_request_error")
        raise RuntimeError("boom")

    lines = run(Emulator(clock=clock, responder=responder), make_requests(5))
    assert [r.custom_id for r in seen] == ["req-0", "req-1", "req-2", "req-3", "req-4"]
    assert [r.index for r in seen] == [0, 1, 2, 3, 4]
    first, second = lines[0]["result"]["message"], lines[1]["result"]["message"]
    assert first["content"] == [{"type": "text", "text": "custom text"}]
    assert first["role"] == "assistant" and first["type"] == "message"
    assert second["content"][0]["text"] == "partial" and second["stop_reason"] == "max_tokens"
    assert second["usage"]["service_tier"] == "batch"  # filled in from the default
    assert lines[2]["result"] == {
        "type": "errored",
        "error": {
            "type": "error",
            "error": {"type": "overloaded_error", "message": "overloaded here"},
            "request_id": None,
        },
    }
    assert lines[3]["result"]["error"]["error"]["type"] == "invalid_request_error"
    assert lines[3]["result"]["error"]["request_id"].startswith("req_")
    assert lines[4]["result"]["error"]["error"] == {
        "type": "api_error",
        "message": "Internal server error",
    }


def test_responder_is_not_called_for_invalid_params(clock: ManualClock) -> None:
    calls: List[str] = []

    def responder(req: BatchRequest) -> str:
        calls.append(req.custom_id)
        return "x"

    requests = make_requests(2)
    requests[0] = {"custom_id": "bad", "params": {"model": "m", "messages": []}}
    run(Emulator(clock=clock, responder=responder), requests)
    assert calls == ["req-1"]


@pytest.mark.parametrize("value", [42, None, {"content": {1, 2}}])
def test_unusable_responder_output_is_an_api_error(clock: ManualClock, value: Any) -> None:
    (line,) = run(Emulator(clock=clock, responder=lambda req: value), make_requests(1))
    assert line["result"]["type"] == "errored"
    assert line["result"]["error"]["error"]["type"] == "api_error"
