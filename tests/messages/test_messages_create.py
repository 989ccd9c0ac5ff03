"""``messages.create``: the request it sends, the Message or typed event stream it returns,
errors before and during a stream, and that every connection is released."""

from __future__ import annotations

import inspect
from typing import Any

import anyio
import httpx
import pytest
from messages_kit import EVENT_CHUNKS, PARAMS, SSE, STREAM, Msgs, Server, json_reply, stream_reply

import anthropic
from anthropic.types import (
    Message,
    RawContentBlockDeltaEvent,
    RawMessageStartEvent,
    TextDelta,
    UnknownContentBlockDelta,
)
from support import api_bytes, api_json

pytestmark = pytest.mark.anyio

# Leaving an httpx response body early under trio makes trio warn about httpx's own inner
# async generators (see tests/resources/test_batches_results.py); our body is closed.
HTTPX_TRIO_GC_WARNING = pytest.mark.filterwarnings(
    "ignore:Async generator 'httpx\\.:ResourceWarning"
)

EVENT_TYPES = [
    "message_start",
    *["content_block_start"] + ["content_block_delta"] * 3 + ["content_block_stop"],
    *["content_block_start"] + ["content_block_delta"] * 4 + ["content_block_stop"],
    *["content_block_start"] + ["content_block_delta"] * 6 + ["content_block_stop"],
    "message_delta",
    "message_stop",
]


async def test_create_sends_the_params_and_returns_the_message(flavor: str) -> None:
    server = Server(json_reply("message.json"))
    api = Msgs(flavor, server)
    message = await api.call("messages.create", **PARAMS, temperature=0.5, extra_body={"x": 1})
    assert isinstance(message, Message)
    assert message.to_dict() == api_json("message.json")
    assert message._request_id == "req_1"
    request = server.requests[0]
    assert (request.method, request.url.path) == ("POST", "/v1/messages")
    assert server.sent_json() == {**PARAMS, "temperature": 0.5, "x": 1}
    assert server.open_now == 0
    await api.aclose()


async def test_stream_true_yields_typed_events_and_skips_ping(flavor: str) -> None:
    server = Server(stream_reply())
    api = Msgs(flavor, server)
    stream = await api.call("messages.create", **PARAMS, stream=True)
    assert isinstance(
        stream,
        anthropic._streaming.Stream if flavor == "sync" else anthropic._streaming.AsyncStream,
    )
    events = await api.drain(stream)
    assert [e.type for e in events] == EVENT_TYPES
    assert isinstance(events[0], RawMessageStartEvent)
    assert events[0].message.usage.input_tokens == 472
    text = [e.delta for e in events if isinstance(e, RawContentBlockDeltaEvent)]
    assert [d.text for d in text if isinstance(d, TextDelta)] == [
        "Okay",
        ", let",
        "'s check",
        " the weather.",
    ]
    assert events[-2].usage.output_tokens == 89
    assert server.sent_json()["stream"] is True
    assert server.requests[0].headers["accept"] == "text/event-stream"
    assert server.open_now == 0
    await api.aclose()


async def test_any_chunking_of_the_body_gives_the_same_events(flavor: str) -> None:
    pieces = [STREAM[i : i + 7] for i in range(0, len(STREAM), 7)]
    api = Msgs(flavor, Server(stream_reply(*pieces)))
    events = await api.drain(await api.call("messages.create", **PARAMS, stream=True))
    assert [e.type for e in events] == EVENT_TYPES
    await api.aclose()


async def test_unknown_events_and_deltas_are_skipped_or_kept_without_crashing(
    flavor: str,
) -> None:
    start, rest = STREAM.split(b"\n\n", 1)
    extra = (
        b'event: brand_new_event\ndata: {"type":"brand_new_event"}\n\n'
        b": a comment\n\n"
        b"event: content_block_delta\n"
        b'data: {"type":"content_block_delta","index":1,"delta":{"type":"sparkle_delta","x":1}}'
        b"\n\n"
    )
    api = Msgs(flavor, Server(stream_reply(start + b"\n\n" + extra + rest)))
    events = await api.drain(await api.call("messages.create", **PARAMS, stream=True))
    assert [e.type for e in events].count("content_block_delta") == 14
    unknown = next(e.delta for e in events if e.type == "content_block_delta")
    assert isinstance(unknown, UnknownContentBlockDelta)
    assert unknown.type == "sparkle_delta" and unknown.to_dict()["x"] == 1
    await api.aclose()


@HTTPX_TRIO_GC_WARNING
async def test_an_error_event_raises_the_typed_error_and_closes(flavor: str) -> None:
    server = Server(stream_reply(api_bytes("messages.stream.error.sse")))
    api = Msgs(flavor, server)
    stream = await api.call("messages.create", **PARAMS, stream=True)
    seen: list[Any] = []
    with pytest.raises(anthropic.OverloadedError) as info:
        if api.is_async:
            async for event in stream:
                seen.append(event)
        else:
            for event in stream:
                seen.append(event)
    assert [e.type for e in seen] == ["message_start"]  # delivered before the error
    assert info.value.status_code == 529
    assert info.value.type == "overloaded_error"
    assert "Overloaded" in str(info.value)
    assert server.open_now == 0
    await api.aclose()


async def test_a_stream_cut_mid_event_raises_and_never_yields_half_an_event(
    flavor: str,
) -> None:
    cut = STREAM.index(b"event: message_delta") + 30
    server = Server(stream_reply(STREAM[:cut]))
    api = Msgs(flavor, server)
    stream = await api.call("messages.create", **PARAMS, stream=True)
    seen: list[Any] = []
    with pytest.raises(anthropic.APIConnectionError, match="middle of an event"):
        if api.is_async:
            async for event in stream:
                seen.append(event)
        else:
            for event in stream:
                seen.append(event)
    assert [e.type for e in seen] == EVENT_TYPES[:-2]
    assert server.open_now == 0
    await api.aclose()


async def test_a_stream_ending_before_message_stop_raises(flavor: str) -> None:
    cut = STREAM.index(b"event: message_stop")
    api = Msgs(flavor, Server(stream_reply(STREAM[:cut])))
    stream = await api.call("messages.create", **PARAMS, stream=True)
    with pytest.raises(anthropic.APIConnectionError, match="before its message_stop"):
        await api.drain(stream)
    await api.aclose()


def test_breaking_out_of_a_sync_loop_closes_the_connection() -> None:
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs("sync", server)
    stream = api.client.messages.create(**PARAMS, stream=True)
    for event in stream:
        assert event.type == "message_start"
        break
    assert server.open_now == 0
    assert server.bodies[0].reads < 5  # it stopped reading, too
    api.client.close()


@HTTPX_TRIO_GC_WARNING
async def test_leaving_the_with_block_early_closes_the_connection(flavor: str) -> None:
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs(flavor, server)
    stream = await api.call("messages.create", **PARAMS, stream=True)
    if api.is_async:
        async with stream:
            async for _ in stream:
                break
    else:
        with stream:
            for _ in stream:
                break
    assert server.open_now == 0
    await api.aclose()


@HTTPX_TRIO_GC_WARNING
@pytest.mark.parametrize("flavor", ["asyncio", "trio"])
async def test_cancelling_an_async_read_closes_the_connection(flavor: str) -> None:
    server = Server(stream_reply(EVENT_CHUNKS[0], hang=True))
    api = Msgs(flavor, server)
    stream = await api.call("messages.create", **PARAMS, stream=True)
    seen = []
    with anyio.CancelScope() as scope:
        async for event in stream:
            seen.append(event)
            scope.cancel()  # the next read (which would wait forever) is cancelled
    assert scope.cancelled_caught
    assert [e.type for e in seen] == ["message_start"]
    assert server.open_now == 0
    await api.aclose()


async def test_error_status_raises_before_any_event(flavor: str) -> None:
    body = b'{"type":"error","error":{"type":"invalid_request_error","message":"bad"}}'
    server = Server(lambda request: (400, body, {"content-type": "application/json"}))
    api = Msgs(flavor, server)
    with pytest.raises(anthropic.BadRequestError, match="bad"):
        await api.call("messages.create", **PARAMS, stream=True)
    assert server.open_now == 0
    await api.aclose()


@pytest.mark.parametrize(
    ("change", "error", "field"),
    [
        ({"model": ""}, ValueError, "model"),
        ({"max_tokens": 0}, ValueError, "max_tokens"),
        ({"max_tokens": True}, ValueError, "max_tokens"),
        ({"messages": "hi"}, TypeError, "messages"),
        ({"stream": "yes"}, TypeError, "stream"),
    ],
)
async def test_bad_params_fail_before_any_request(
    flavor: str, change: Any, error: type, field: str
) -> None:
    server = Server(json_reply("message.json"))
    api = Msgs(flavor, server)
    with pytest.raises(error, match=field):
        await api.call("messages.create", **{**PARAMS, **change})
    assert server.requests == []
    await api.aclose()


async def test_long_non_streaming_requests_must_stream(flavor: str) -> None:
    server = Server(json_reply("message.json"))
    api = Msgs(flavor, server)
    # 3600 s x 21,334 / 128,000 is just over 10 minutes; 21,333 is just under.
    with pytest.raises(ValueError, match="Streaming is required"):
        await api.call("messages.create", **{**PARAMS, "max_tokens": 21_334})
    assert server.requests == []
    await api.call("messages.create", **{**PARAMS, "max_tokens": 21_333})
    await api.call("messages.create", **{**PARAMS, "max_tokens": 64_000}, timeout=3600)
    await api.aclose()
    # a client configured with its own timeout is trusted
    other = Msgs(flavor, server, timeout=httpx.Timeout(3600.0))
    await other.call("messages.create", **{**PARAMS, "max_tokens": 64_000})
    await other.aclose()


async def test_with_raw_response_create_parses_to_the_message(flavor: str) -> None:
    api = Msgs(flavor, Server(json_reply("message.json")))
    response = await api.call("messages.with_raw_response.create", **PARAMS)
    assert response.headers["request-id"] == "req_1"
    parsed = response.parse()
    if inspect.isawaitable(parsed):  # with_raw_response's parse() is sync, like the official
        parsed = await parsed
    assert isinstance(parsed, Message)
    await api.aclose()


async def test_raw_response_of_a_stream_parses_to_a_stream(flavor: str) -> None:
    api = Msgs(flavor, Server(stream_reply()))
    response = await api.call("messages.with_raw_response.create", **PARAMS, stream=True)
    assert response.headers["content-type"] == SSE["content-type"]
    stream = response.parse()
    if inspect.isawaitable(stream):
        stream = await stream
    assert [e.type for e in await api.drain(stream)] == EVENT_TYPES
    await api.aclose()


async def test_with_streaming_response_create_leaves_the_body_unread(flavor: str) -> None:
    server = Server(stream_reply(*EVENT_CHUNKS))
    api = Msgs(flavor, server)
    manager = api.attr("messages.with_streaming_response.create")(**PARAMS, stream=True)
    if api.is_async:
        async with manager as response:
            assert server.bodies[0].reads == 0
            stream = response.parse()
            if inspect.isawaitable(stream):
                stream = await stream
            events = await api.drain(stream)
    else:
        with manager as response:
            assert server.bodies[0].reads == 0
            events = await api.drain(response.parse())
    assert [e.type for e in events] == EVENT_TYPES
    assert server.open_now == 0
    await api.aclose()


async def test_not_given_params_are_left_out(flavor: str) -> None:
    server = Server(json_reply("message.json"))
    api = Msgs(flavor, server)
    message = await api.call(
        "messages.create", **PARAMS, temperature=anthropic.NOT_GIVEN, stream=anthropic.NOT_GIVEN
    )
    assert isinstance(message, Message)
    assert server.sent_json() == PARAMS
    await api.aclose()


def test_the_body_keys_are_in_the_official_order() -> None:
    # Observed on the official SDK 0.66 with the same calls: its parameters' order, whatever
    # order they were passed in, then keys it does not list, then extra_body.
    import httpx

    from anthropic import Anthropic
    from support import api_bytes

    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        counting = "count_tokens" in request.url.path
        name = "messages.count_tokens.json" if counting else "message.json"
        return httpx.Response(200, content=api_bytes(name))

    messages: Any = [{"role": "user", "content": "hi"}]
    http = httpx.Client(transport=httpx.MockTransport(handler))
    with Anthropic(api_key="k", http_client=http) as c:
        c.messages.create(
            temperature=0.5, system="s", model="m", messages=messages, max_tokens=5, top_k=3,
            metadata={"user_id": "u"}, tools=[], top_p=0.9, extra_body={"zz": 1},
        )  # fmt: skip
        c.messages.count_tokens(tools=[], system="s", model="m", messages=messages)
    created = (
        b'{"max_tokens":5,"messages":[{"role":"user","content":"hi"}],"model":"m",'
        b'"metadata":{"user_id":"u"},"system":"s","temperature":0.5,"tools":[],"top_k":3,'
        b'"top_p":0.9,"zz":1}'
    )
    counted = b'{"messages":[{"role":"user","content":"hi"}],"model":"m","system":"s","tools":[]}'
    assert bodies == [created, counted]
