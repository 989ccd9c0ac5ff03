"""``messages.stream(...)``: the helper surface (text_stream, snapshots, final message and
text, until_done), tool input from partial JSON, and that the connection is released."""

from __future__ import annotations

from typing import Any, List

import pytest
from messages_kit import EVENT_CHUNKS, PARAMS, STREAM, Msgs, Server, stream_reply

import anthropic
from anthropic.lib.streaming import (
    ContentBlockStopEvent,
    InputJsonEvent,
    MessageStopEvent,
    TextEvent,
)
from anthropic.lib.streaming._accumulate import Accumulator
from anthropic.types import Message, ToolUseBlock

pytestmark = pytest.mark.anyio

HTTPX_TRIO_GC_WARNING = pytest.mark.filterwarnings(
    "ignore:Async generator 'httpx\\.:ResourceWarning"
)


class Session:
    """``with`` / ``async with`` over ``messages.stream`` for either flavor."""

    def __init__(self, api: Msgs, **extra: Any) -> None:
        self.api = api
        self.manager = api.client.messages.stream(**PARAMS, **extra)

    async def __aenter__(self) -> Any:
        if self.api.is_async:
            return await self.manager.__aenter__()
        return self.manager.__enter__()

    async def __aexit__(self, *exc: Any) -> None:
        if self.api.is_async:
            await self.manager.__aexit__(*exc)
        else:
            self.manager.__exit__(*exc)

    async def run(self, result: Any) -> Any:
        return await result if self.api.is_async else result


async def test_text_stream_then_final_message(flavor: str) -> None:
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs(flavor, server)
    session = Session(api)
    async with session as stream:
        texts = await api.drain(stream.text_stream)
        message = await session.run(stream.get_final_message())
        text = await session.run(stream.get_final_text())
    assert texts == ["Okay", ", let", "'s check", " the weather."]
    assert text == "Okay, let's check the weather."
    assert isinstance(message, Message)
    assert [b.type for b in message.content] == ["thinking", "text", "tool_use"]
    thinking = message.content[0]
    assert thinking.type == "thinking"
    assert thinking.thinking == "The user wants the weather; I should call the tool."
    assert thinking.signature.startswith("EqQB")
    tool = message.content[2]
    assert isinstance(tool, ToolUseBlock)
    assert tool.input == {"location": "San Francisco, CA", "unit": "fahrenheit"}
    assert message.stop_reason == "tool_use"
    assert message.usage.input_tokens == 472 and message.usage.output_tokens == 89
    assert server.sent_json()["stream"] is True
    assert server.open_now == 0
    await api.aclose()


async def test_events_include_helper_events_with_partial_json_snapshots(flavor: str) -> None:
    api = Msgs(flavor, Server(stream_reply()))
    session = Session(api)
    async with session as stream:
        events = await api.drain(stream)
        snapshot = stream.current_message_snapshot
    texts = [e for e in events if isinstance(e, TextEvent)]
    assert [t.snapshot for t in texts][-1] == "Okay, let's check the weather."
    inputs = [e.snapshot for e in events if isinstance(e, InputJsonEvent)]
    assert inputs == [
        {},
        {},
        {"location": "San Fra"},
        {"location": "San Francisco, CA"},
        {"location": "San Francisco, CA", "unit": "fah"},
        {"location": "San Francisco, CA", "unit": "fahrenheit"},
    ]
    assert snapshot.content[2].input == inputs[-1]
    await api.aclose()


async def test_stop_events_carry_the_finished_block_and_message(flavor: str) -> None:
    # As the official helper: content_block_stop arrives as a ContentBlockStopEvent with
    # the whole block, message_stop as a MessageStopEvent with the final message; both
    # are still the raw event classes (subclasses), so isinstance checks keep working.
    api = Msgs(flavor, Server(stream_reply()))
    session = Session(api)
    async with session as stream:
        events = await api.drain(stream)
        final = await session.run(stream.get_final_message())
    stops = [e for e in events if e.type == "content_block_stop"]
    assert [type(e) for e in stops] == [ContentBlockStopEvent] * 3
    assert [e.index for e in stops] == [0, 1, 2]
    assert [e.content_block.type for e in stops] == ["thinking", "text", "tool_use"]
    tool = stops[2].content_block
    assert isinstance(tool, ToolUseBlock)
    assert tool.input == {"location": "San Francisco, CA", "unit": "fahrenheit"}
    assert isinstance(stops[0], anthropic.types.RawContentBlockStopEvent)
    last = events[-1]
    assert type(last) is MessageStopEvent
    assert isinstance(last, anthropic.types.RawMessageStopEvent)
    assert last.message is final
    assert last.to_dict()["type"] == "message_stop"
    await api.aclose()


def test_a_stop_event_that_completes_nothing_is_not_passed_on() -> None:
    acc = Accumulator()
    stop_block = anthropic.types.RawContentBlockStopEvent(type="content_block_stop", index=0)
    stop_message = anthropic.types.RawMessageStopEvent(type="message_stop")
    assert acc.feed(stop_block) == [] and acc.feed(stop_message) == []  # no message yet
    message = {"id": "msg_1", "type": "message", "role": "assistant", "model": "m"}
    message.update(content=[], stop_reason=None, stop_sequence=None)
    usage = {"input_tokens": 1, "output_tokens": 1}
    start = anthropic.types.RawMessageStartEvent.model_validate(
        {"type": "message_start", "message": {**message, "usage": usage}}
    )
    acc.feed(start)
    assert acc.feed(stop_block) == []  # no block at index 0
    (event,) = acc.feed(stop_message)
    assert isinstance(event, MessageStopEvent) and event.message is acc.message


async def test_until_done_reads_everything(flavor: str) -> None:
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs(flavor, server)
    session = Session(api)
    async with session as stream:
        await session.run(stream.until_done())
        assert stream.current_message_snapshot.stop_reason == "tool_use"
    assert server.bodies[0].reads == len(EVENT_CHUNKS)
    await api.aclose()


@HTTPX_TRIO_GC_WARNING
async def test_leaving_the_block_early_closes_the_connection(flavor: str) -> None:
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs(flavor, server)
    async with Session(api) as stream:
        first = await api.drain(stream, limit=1)
        assert first[0].type == "message_start"
    assert server.open_now == 0
    await api.aclose()


async def test_the_helper_marks_its_request_as_the_official_one_does(flavor: str) -> None:
    # x-stainless-stream-helper: messages, and the body in the helper's parameter order
    # with "stream" last (create(stream=True) puts it among its own parameters).
    server = Server(stream_reply())
    api = Msgs(flavor, server)
    extra = {"temperature": 0.5, "system": "be brief", "metadata": {"user_id": "u"}}
    async with Session(api, **extra) as stream:
        await api.drain(stream)
    sent = server.requests[-1]
    assert sent.headers["x-stainless-stream-helper"] == "messages"
    assert list(server.sent_json()) == [
        "max_tokens", "messages", "model", "metadata", "system", "temperature", "stream",
    ]  # fmt: skip
    async with Session(api, extra_headers={"x-stainless-stream-helper": "mine"}) as stream:
        await api.drain(stream)
    assert server.requests[-1].headers["x-stainless-stream-helper"] == "mine"
    await api.drain(await api.call("messages.create", **PARAMS, **extra, stream=True))
    assert server.open_now == 0
    assert "x-stainless-stream-helper" not in server.requests[-1].headers
    assert list(server.sent_json())[-3:] == ["stream", "system", "temperature"]
    await api.aclose()


@HTTPX_TRIO_GC_WARNING
async def test_sent_on_entering_closed_on_leaving_with_response_and_request_id(
    flavor: str,
) -> None:
    # The managers are ``OpenOnEnter`` shells and both streams share their response
    # properties (``_closing``, ``_Snapshots``): nothing is sent before the block.
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs(flavor, server)
    session = Session(api)
    assert server.requests == []
    async with session as stream:
        assert len(server.requests) == 1
        assert stream.response.status_code == 200
        assert stream.request_id == "req_stream"
        assert server.open_now == 1
    assert server.open_now == 0
    await api.aclose()


@HTTPX_TRIO_GC_WARNING
async def test_an_error_event_raises_from_the_helpers(flavor: str) -> None:
    from support import api_bytes

    server = Server(stream_reply(api_bytes("messages.stream.error.sse")))
    api = Msgs(flavor, server)
    session = Session(api)
    with pytest.raises(anthropic.OverloadedError):
        async with session as stream:
            await session.run(stream.get_final_text())
    assert server.open_now == 0
    await api.aclose()


def test_no_snapshot_before_message_start_and_no_text_is_an_error() -> None:
    api = Msgs(
        "sync", Server(stream_reply(b'event: message_stop\ndata: {"type":"message_stop"}\n\n'))
    )
    with api.client.messages.stream(**PARAMS) as stream:
        with pytest.raises(RuntimeError, match="message_start"):
            stream.current_message_snapshot  # noqa: B018
        with pytest.raises(RuntimeError, match="message_start"):
            stream.get_final_message()
    api.client.close()


def test_accumulator_ignores_deltas_that_do_not_fit() -> None:
    import httpx

    from anthropic._streaming import MessageEventDecoder

    decoder = MessageEventDecoder(httpx.Response(200, request=httpx.Request("POST", "http://x")))
    raw = decoder.feed(STREAM)
    acc = Accumulator()
    out: List[Any] = []
    for event in raw:
        out.extend(acc.feed(event))
        if event.type == "content_block_start" and event.index == 1:
            # a delta for a block that does not exist, and one that does not fit the block
            bogus = [
                {
                    "type": "content_block_delta",
                    "index": 9,
                    "delta": {"type": "text_delta", "text": "x"},
                },
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": "x"},
                },
                {
                    "type": "content_block_delta",
                    "index": 1,
                    "delta": {"type": "input_json_delta", "partial_json": "{"},
                },
            ]
            from anthropic._models import get_adapter
            from anthropic.types import RawMessageStreamEvent

            for item in bogus:
                out.extend(acc.feed(get_adapter(RawMessageStreamEvent).validate_python(item)))
    assert acc.message is not None
    assert acc.message.content[0].type == "thinking"
    assert acc.message.content[1].text == "Okay, let's check the weather."


def test_partial_json_that_is_not_json_keeps_the_last_snapshot() -> None:
    acc = Accumulator()
    from anthropic._models import get_adapter
    from anthropic.types import RawMessageStreamEvent

    adapter = get_adapter(RawMessageStreamEvent)
    start = STREAM.split(b"\n\n")[0].split(b"data: ", 1)[1]
    acc.feed(adapter.validate_json(start))
    acc.feed(
        adapter.validate_python(
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "tool_use", "id": "t", "name": "f", "input": {}},
            }
        )
    )
    for piece in ['{"a": 1', ", ]]]"]:
        acc.feed(
            adapter.validate_python(
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "input_json_delta", "partial_json": piece},
                }
            )
        )
    assert acc.message is not None
    assert acc.message.content[0].input == {"a": 1}


def test_stream_accepts_a_batch_requests_params_as_they_are() -> None:
    server = Server(stream_reply())
    api = Msgs("sync", server)
    with api.client.messages.stream(**{**PARAMS, "stream": False}) as stream:
        stream.until_done()
    assert server.sent_json()["stream"] is True
    api.client.close()
