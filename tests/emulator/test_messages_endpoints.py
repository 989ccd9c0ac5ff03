"""The emulator's /v1/messages (plain and SSE), /v1/messages/count_tokens and /v1/models,
through the SDK in-process, over raw HTTP and over the real loopback server."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import httpx
import pytest
from emulator_helpers import HEADERS

import anthropic
from anthropic._core.sse import SSEDecoder
from anthropic.emulator import Emulator, Fault, ManualClock

PARAMS: Dict[str, Any] = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 256,
    "messages": [{"role": "user", "content": "What is the capital of France, in one word?"}],
}
TOOL_PARAMS: Dict[str, Any] = {
    **PARAMS,
    "tools": [
        {
            "name": "get_weather",
            "description": "Weather for a place",
            "input_schema": {
                "type": "object",
                "properties": {"location": {"type": "string"}, "unit": {"type": "string"}},
                "required": ["location", "unit"],
            },
        }
    ],
    "tool_choice": {"type": "tool", "name": "get_weather"},
    "thinking": {"type": "enabled", "budget_tokens": 1024},
    "max_tokens": 2048,
}


@pytest.fixture
def emu() -> Emulator:
    return Emulator(clock=ManualClock(), processing_time=60, seed=3)


def test_create_returns_the_responders_message(emu: Emulator) -> None:
    with emu.client() as client:
        message = client.messages.create(**PARAMS)
    assert message.content[0].type == "text"
    assert message.content[0].text.startswith("Emulated reply to: What is the capital")
    assert message.stop_reason == "end_turn"
    assert message.usage.service_tier == "standard"
    assert message._request_id is not None


def test_the_stream_rebuilds_the_same_message(emu: Emulator) -> None:
    with emu.client() as client:
        plain = client.messages.create(**TOOL_PARAMS)
        with client.messages.stream(**TOOL_PARAMS) as stream:
            streamed = stream.get_final_message()
    assert [b.type for b in streamed.content] == ["thinking", "tool_use"]

    # ids and signatures are derived per request; everything else is the same reply
    def shape(blocks: Any) -> Any:
        drop = {"id", "signature"}
        return [{k: v for k, v in b.to_dict().items() if k not in drop} for b in blocks]

    assert shape(streamed.content) == shape(plain.content)
    assert streamed.content[1].input == {"location": "example", "unit": "example"}
    assert (streamed.stop_reason, streamed.usage.output_tokens) == (
        plain.stop_reason,
        plain.usage.output_tokens,
    )


def _raw_events(emu: Emulator, body: Dict[str, Any]) -> List[Any]:
    with httpx.Client(
        transport=emu.transport(), base_url="http://emulator.local", headers=HEADERS
    ) as http:
        response = http.post("/v1/messages", json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    return SSEDecoder().feed(response.content)


def test_the_sse_stream_has_pings_pieces_and_usage_in_message_delta(emu: Emulator) -> None:
    long = {**PARAMS, "messages": [{"role": "user", "content": "x" * 200}], "stream": True}
    events = _raw_events(emu, long)
    names = [e.event for e in events]
    assert names[:2] == ["message_start", "ping"]
    assert names.count("ping") >= 2
    assert names.count("content_block_delta") > 3  # text arrives in several pieces
    assert names[-2:] == ["message_delta", "message_stop"]
    delta = json.loads(events[-2].data)
    assert delta["usage"]["output_tokens"] > 0
    assert delta["delta"]["stop_reason"] == "end_turn"
    for event in events:
        assert json.loads(event.data)["type"] == event.event


def test_invalid_params_are_a_400_with_the_batch_errored_message(emu: Emulator) -> None:
    bad = {**PARAMS, "temperature": 2}
    with emu.client() as client:
        batch = client.messages.batches.create(requests=[{"custom_id": "a", "params": bad}])
        emu.advance(60)
        (line,) = list(client.messages.batches.results(batch.id))
        assert line.result.type == "errored"
        batch_message = line.result.error.error.message
        with pytest.raises(anthropic.BadRequestError) as info:
            client.messages.create(**bad)
        with pytest.raises(anthropic.BadRequestError) as streamed:
            client.messages.create(**bad, stream=True)
    assert info.value.message == batch_message == streamed.value.message
    assert "temperature" in batch_message


def test_count_tokens_is_deterministic_and_monotone(emu: Emulator) -> None:
    with emu.client() as client:

        def count(text: str) -> int:
            messages = [{"role": "user", "content": text}]
            return client.messages.count_tokens(
                model=PARAMS["model"], messages=messages
            ).input_tokens

        sizes = [count("a" * n) for n in (0, 10, 100, 1000, 10_000)]
        assert sizes == sorted(sizes) and sizes[-1] > sizes[0]
        assert count("hello there") == count("hello there")
        # the same estimate the reply reports as usage
        message = client.messages.create(**PARAMS)
        assert message.usage.input_tokens == count(PARAMS["messages"][0]["content"])
    with httpx.Client(
        transport=emu.transport(), base_url="http://emulator.local", headers=HEADERS
    ) as http:
        bad = http.post("/v1/messages/count_tokens", json={"model": "", "messages": []})
        assert bad.status_code == 400
        assert bad.json()["error"]["message"].startswith("model:")


def test_models_list_pages_and_retrieve(emu: Emulator) -> None:
    with emu.client() as client:
        every = list(client.models.list(limit=2))
        assert len(every) == 6 and every[0].id == "claude-opus-4-1-20250805"
        assert len({m.id for m in every}) == 6
        model = client.models.retrieve("claude-sonnet-4-0")
        assert model.id == "claude-sonnet-4-20250514"
        with pytest.raises(anthropic.NotFoundError):
            client.models.retrieve("no-such-model")


def test_a_stream_cut_mid_event_raises_in_the_sdk(emu: Emulator) -> None:
    rule = emu.faults.add(Fault.cut_stream(300, route="messages"))
    with emu.client() as client:
        stream = client.messages.create(**PARAMS, stream=True)
        seen = []
        with pytest.raises(anthropic.APIConnectionError):
            for event in stream:
                seen.append(event.type)
    assert rule.fired == 1
    assert seen == ["message_start"] or seen == []


def test_an_error_event_mid_stream_raises_the_typed_error(emu: Emulator) -> None:
    emu.faults.add(Fault.error_event(529, times=1))
    with emu.client(max_retries=0) as client:
        seen = []
        with pytest.raises(anthropic.OverloadedError) as info:
            for event in client.messages.create(**PARAMS, stream=True):
                seen.append(event.type)
        assert seen == ["message_start"]
        assert info.value.status_code == 529
        # the next request is served normally
        assert client.messages.create(**PARAMS).stop_reason == "end_turn"


@pytest.mark.anyio
async def test_async_client_streams_from_the_emulator(emu: Emulator) -> None:
    async with emu.async_client() as client:
        async with client.messages.stream(**PARAMS) as stream:
            text = await stream.get_final_text()
        assert text.startswith("Emulated reply to:")
        page = await client.models.list()
        assert page.data[0].type == "model"


def test_streaming_over_the_loopback_server(emu: Emulator) -> None:
    pytest.importorskip("uvicorn")
    with (
        emu.serve() as server,
        anthropic.Anthropic(api_key="test-key", base_url=server.base_url) as client,
    ):
        with client.messages.stream(**PARAMS) as stream:
            texts = list(stream.text_stream)
        assert "".join(texts).startswith("Emulated reply to:")
        assert len(texts) > 1


def test_a_cut_stream_over_the_loopback_server_raises(emu: Emulator) -> None:
    pytest.importorskip("uvicorn")
    emu.faults.add(Fault.cut_stream(250, route="messages", times=1))
    with (
        emu.serve() as server,
        anthropic.Anthropic(api_key="test-key", base_url=server.base_url, max_retries=0) as client,
    ):
        with pytest.raises(anthropic.APIConnectionError), client.messages.stream(**PARAMS) as cut:
            cut.until_done()
        # the next stream is whole
        with client.messages.stream(**PARAMS) as stream:
            assert stream.get_final_message().stop_reason == "end_turn"
