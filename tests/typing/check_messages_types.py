"""Type-checked only (never run by pytest): messages.create / stream / count_tokens and
models, used as user code uses them. ``.ci/run`` checks every file in tests/typing."""

from __future__ import annotations

from typing import List, Union

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic
from anthropic._streaming import AsyncStream, Stream
from anthropic.lib.streaming import MessageStream
from anthropic.types import (
    Message,
    MessageCreateParamsBase,
    MessageCreateParamsNonStreaming,
    MessageTokensCount,
    ModelInfo,
    RawMessageStreamEvent,
)
from anthropic.types.messages.batch_create_params import Request

PARAMS: MessageCreateParamsNonStreaming = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 256,
    "messages": [{"role": "user", "content": "Hi"}],
}

# A dict without "stream" can be combined with stream=... (a TypedDict that may hold
# "stream" cannot: the key could be given twice).
BASE: MessageCreateParamsBase = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 256,
    "messages": [{"role": "user", "content": "Hi"}],
}


def sync_calls(client: Anthropic, flag: bool) -> None:
    message = client.messages.create(**PARAMS)
    assert_type(message, Message)
    assert_type(client.messages.create(**BASE, stream=False), Message)
    events = client.messages.create(**BASE, stream=True)
    assert_type(events, Stream[RawMessageStreamEvent])
    for event in events:
        if event.type == "content_block_delta" and event.delta.type == "text_delta":
            assert_type(event.delta.text, str)
    either = client.messages.create(**BASE, stream=flag)
    assert_type(either, Union[Message, Stream[RawMessageStreamEvent]])
    with client.messages.stream(**BASE) as stream:
        assert_type(stream, MessageStream)
        texts: List[str] = list(stream.text_stream)
        assert_type(stream.get_final_message(), Message)
        assert_type(stream.get_final_text(), str)
        del texts
    count = client.messages.count_tokens(model="claude-sonnet-4-20250514", messages=[])
    assert_type(count, MessageTokensCount)
    for model in client.models.list(limit=10):
        assert_type(model, ModelInfo)
    assert_type(client.models.retrieve("claude-sonnet-4-20250514"), ModelInfo)
    # the same params go into a batch
    request: Request = {"custom_id": "q1", "params": PARAMS}
    client.messages.batches.create(requests=[request])


async def async_calls(client: AsyncAnthropic) -> None:
    assert_type(await client.messages.create(**PARAMS), Message)
    events = await client.messages.create(**BASE, stream=True)
    assert_type(events, AsyncStream[RawMessageStreamEvent])
    async with events:
        async for event in events:
            del event
    async with client.messages.stream(**BASE) as stream:
        assert_type(await stream.get_final_text(), str)
    async for model in client.models.list():
        assert_type(model, ModelInfo)
