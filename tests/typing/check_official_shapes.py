"""Type-only checks (mypy --strict, pyright): official-SDK code type-checks against ours."""

from __future__ import annotations

from typing import Optional

import httpx
from typing_extensions import Literal, assert_type

import anthropic
from anthropic._legacy_response import LegacyAPIResponse
from anthropic.types.messages import MessageBatch


def status_codes() -> None:
    assert_type(anthropic.NotFoundError.status_code, Literal[404])
    assert_type(anthropic.RateLimitError.status_code, Literal[429])


def raw(client: anthropic.Anthropic) -> None:
    response = client.messages.batches.with_raw_response.retrieve("msgbatch_1")
    assert_type(response, LegacyAPIResponse[MessageBatch])
    assert_type(response.parse(), MessageBatch)
    assert_type(response.parse(to=str), str)
    assert_type(response.text, str)
    assert_type(response.content, bytes)
    assert_type(response.http_response, httpx.Response)
    assert_type(response.is_closed, bool)
    with client.messages.batches.with_streaming_response.retrieve("msgbatch_1") as streamed:
        assert_type(streamed.parse(), MessageBatch)
        assert_type(streamed.text(), str)
        assert_type(streamed.http_version, str)


async def async_raw(client: anthropic.AsyncAnthropic) -> None:
    response = await client.messages.batches.with_raw_response.retrieve("msgbatch_1")
    assert_type(response.parse(), MessageBatch)  # a plain call: the body was read
    async with client.messages.batches.with_streaming_response.retrieve("msgbatch_1") as s:
        assert_type(await s.parse(), MessageBatch)
        assert_type(await s.parse(to=bytes), bytes)


def client_object(client: anthropic.Anthropic) -> None:
    client.base_url = "http://localhost:4010"
    assert_type(client.timeout, anthropic.Timeout)
    assert_type(client.auth_headers, "dict[str, str]")
    assert_type(client.user_agent, str)
    response = client.get("/v1/models", cast_to=httpx.Response, options={"headers": {"x": "1"}})
    assert_type(response, httpx.Response)


def text_editor_tools() -> None:
    from anthropic.types import ToolUnionParam

    tools: list[ToolUnionParam] = [
        {"type": "text_editor_20250429", "name": "str_replace_based_edit_tool"},
        {
            "type": "text_editor_20250728",
            "name": "str_replace_based_edit_tool",
            "max_characters": 5,
        },
    ]
    assert tools


def models_built_by_hand() -> None:
    # Users build response models themselves (fixtures, fakes in their tests); the
    # ``_request_id`` attribute every response model carries must not become an argument.
    from anthropic.types import TextBlock
    from anthropic.types.messages import MessageBatchRequestCounts

    block = TextBlock(type="text", text="hi", citations=None)
    assert_type(block._request_id, Optional[str])
    counts = MessageBatchRequestCounts(canceled=0, errored=0, expired=0, processing=1, succeeded=0)
    assert_type(counts.processing, int)


def stream_stop_events(client: anthropic.Anthropic) -> None:
    # The helper's stop events carry what they complete, as in the official SDK.
    from anthropic.lib.streaming import ContentBlockStopEvent, MessageStopEvent
    from anthropic.types import Message

    with client.messages.stream(model="m", max_tokens=1, messages=[]) as stream:
        for event in stream:
            if event.type == "content_block_stop":
                assert_type(event, ContentBlockStopEvent)
                print(event.index, event.content_block.type)
            elif event.type == "message_stop":
                assert_type(event, MessageStopEvent)
                assert_type(event.message, Message)


def client_level_views(client: anthropic.Anthropic, aclient: anthropic.AsyncAnthropic) -> None:
    from anthropic.resources.models import AsyncModelsWithRawResponse
    from anthropic.types import ModelInfo

    assert_type(client.with_raw_response.models.retrieve("m").parse(), ModelInfo)
    with client.with_streaming_response.models.retrieve("m") as streamed:
        assert_type(streamed.parse(), ModelInfo)
    assert_type(aclient.with_raw_response.models, AsyncModelsWithRawResponse)


def official_type_names() -> None:
    from anthropic.types import AnthropicBetaParam, BetaErrorResponse, MessageCountTokensToolParam

    betas: list[AnthropicBetaParam] = ["message-batches-2024-09-24", "a-newer-beta"]
    tools: list[MessageCountTokensToolParam] = [{"name": "t", "input_schema": {"type": "object"}}]
    error: Optional[BetaErrorResponse] = None
    assert betas and tools and error is None


def results_decoder_path(client: anthropic.Anthropic) -> None:
    # Official-SDK code annotates results() with the decoder at its official path.
    from anthropic._decoders.jsonl import JSONLDecoder
    from anthropic.types.messages import MessageBatchIndividualResponse

    results: JSONLDecoder[MessageBatchIndividualResponse] = client.messages.batches.results("b")
    for entry in results:
        assert_type(entry, MessageBatchIndividualResponse)
