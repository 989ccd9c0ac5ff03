"""Type-only checks (mypy --strict, pyright strict): what users' type checkers see on
``with_raw_response`` / ``with_streaming_response`` of both batches resources.

The views declare each method once (``create = view_method(Batches.create, ...)``); these
checks pin the parameters and return types that declaration must produce. Lines that
must be errors carry ignore comments: ``tests/typing/test_typing_checks.py`` runs both
checkers with unused ignores reported, so such a line that stops being an error fails.
"""

from __future__ import annotations

from typing import Awaitable, Callable

from typing_extensions import assert_type

import anthropic
from anthropic._jsonl_stream import AsyncJSONLDecoder, JSONLDecoder
from anthropic._legacy_response import LegacyAPIResponse
from anthropic._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncResponseContextManager,
    ResponseContextManager,
)
from anthropic.pagination import AsyncPage, SyncPage
from anthropic.types import ModelInfo
from anthropic.types.beta.messages import (
    BetaDeletedMessageBatch,
    BetaMessageBatch,
    BetaMessageBatchIndividualResponse,
)
from anthropic.types.messages import (
    DeletedMessageBatch,
    MessageBatch,
    MessageBatchIndividualResponse,
)
from anthropic.types.messages.batch_create_params import Request

REQUESTS: list[Request] = []


def stable_raw(client: anthropic.Anthropic) -> None:
    raw = client.messages.batches.with_raw_response
    assert_type(raw.create(requests=REQUESTS), LegacyAPIResponse[MessageBatch])
    assert_type(raw.retrieve("b", timeout=3.0), LegacyAPIResponse[MessageBatch])
    assert_type(raw.list(limit=2), LegacyAPIResponse[SyncPage[MessageBatch]])
    assert_type(raw.cancel("b"), LegacyAPIResponse[MessageBatch])
    assert_type(raw.delete("b"), LegacyAPIResponse[DeletedMessageBatch])
    assert_type(raw.results("b"), LegacyAPIResponse[JSONLDecoder[MessageBatchIndividualResponse]])
    # The parameters are the plain method's, checked as strictly.
    raw.retrieve("b", timeout="soon")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    raw.retrieve("b", extra_headrs={})  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    raw.create(REQUESTS)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    raw.retrieve("b", betas=["x"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    fn: Callable[[str], LegacyAPIResponse[MessageBatch]] = raw.retrieve
    fn("b")


def stable_streamed(client: anthropic.Anthropic) -> None:
    streamed = client.messages.batches.with_streaming_response
    assert_type(streamed.create(requests=REQUESTS), ResponseContextManager[MessageBatch])
    assert_type(streamed.list(), ResponseContextManager[SyncPage[MessageBatch]])
    assert_type(streamed.delete("b"), ResponseContextManager[DeletedMessageBatch])
    with streamed.retrieve("b") as response:
        assert_type(response, APIResponse[MessageBatch])
        assert_type(response.parse(), MessageBatch)
    with streamed.results("b") as response:
        assert_type(response.parse(), JSONLDecoder[MessageBatchIndividualResponse])
    streamed.cancel(message_batch_id=1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


async def stable_async(client: anthropic.AsyncAnthropic) -> None:
    raw = client.messages.batches.with_raw_response
    assert_type(raw.create(requests=REQUESTS), Awaitable[LegacyAPIResponse[MessageBatch]])
    assert_type(await raw.retrieve("b"), LegacyAPIResponse[MessageBatch])
    assert_type(await raw.list(), LegacyAPIResponse[AsyncPage[MessageBatch]])
    assert_type(await raw.cancel("b"), LegacyAPIResponse[MessageBatch])
    assert_type(await raw.delete("b"), LegacyAPIResponse[DeletedMessageBatch])
    results = await raw.results("b")
    assert_type(results, LegacyAPIResponse[AsyncJSONLDecoder[MessageBatchIndividualResponse]])
    raw.retrieve("b", timeout="soon")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    streamed = client.messages.batches.with_streaming_response
    assert_type(streamed.retrieve("b"), AsyncResponseContextManager[MessageBatch])
    async with streamed.list(limit=1) as response:
        assert_type(response, AsyncAPIResponse[AsyncPage[MessageBatch]])
        assert_type(await response.parse(), AsyncPage[MessageBatch])
    async with streamed.results("b") as lines:
        assert_type(await lines.parse(), AsyncJSONLDecoder[MessageBatchIndividualResponse])


def beta_views(client: anthropic.Anthropic) -> None:
    raw = client.beta.messages.batches.with_raw_response
    created = raw.create(requests=REQUESTS, betas=["message-batches-2024-09-24"])
    assert_type(created, LegacyAPIResponse[BetaMessageBatch])
    assert_type(raw.retrieve("b", betas=["x"]), LegacyAPIResponse[BetaMessageBatch])
    assert_type(raw.list(betas=[]), LegacyAPIResponse[SyncPage[BetaMessageBatch]])
    assert_type(raw.cancel("b"), LegacyAPIResponse[BetaMessageBatch])
    assert_type(raw.delete("b"), LegacyAPIResponse[BetaDeletedMessageBatch])
    assert_type(
        raw.results("b"), LegacyAPIResponse[JSONLDecoder[BetaMessageBatchIndividualResponse]]
    )
    raw.retrieve("b", ["x"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    raw.retrieve("b", betas="x")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    streamed = client.beta.messages.batches.with_streaming_response
    with streamed.retrieve("b", betas=["x"]) as response:
        assert_type(response.parse(), BetaMessageBatch)
    with streamed.results("b") as lines:
        assert_type(lines.parse(), JSONLDecoder[BetaMessageBatchIndividualResponse])


async def beta_async_views(client: anthropic.AsyncAnthropic) -> None:
    raw = client.beta.messages.batches.with_raw_response
    assert_type(await raw.retrieve("b", betas=["x"]), LegacyAPIResponse[BetaMessageBatch])
    assert_type(await raw.list(), LegacyAPIResponse[AsyncPage[BetaMessageBatch]])
    assert_type(await raw.delete("b"), LegacyAPIResponse[BetaDeletedMessageBatch])
    results = await raw.results("b", betas=["x"])
    assert_type(results, LegacyAPIResponse[AsyncJSONLDecoder[BetaMessageBatchIndividualResponse]])
    raw.cancel("b", ["x"])  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    streamed = client.beta.messages.batches.with_streaming_response
    async with streamed.create(requests=REQUESTS) as response:
        assert_type(await response.parse(), BetaMessageBatch)


async def models_views(client: anthropic.Anthropic, aclient: anthropic.AsyncAnthropic) -> None:
    raw = client.models.with_raw_response
    assert_type(raw.retrieve("claude-sonnet-4-0"), LegacyAPIResponse[ModelInfo])
    assert_type(raw.list(limit=5), LegacyAPIResponse[SyncPage[ModelInfo]])
    raw.retrieve(model="x")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    assert_type(raw.list(betas=["b"]), LegacyAPIResponse[SyncPage[ModelInfo]])
    assert_type(client.models.retrieve("m", betas=["b"]), ModelInfo)
    raw.retrieve("m", betas="b")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    with client.models.with_streaming_response.list() as page:
        assert_type(page.parse(), SyncPage[ModelInfo])
    models = await aclient.models.with_raw_response.list()
    assert_type(models, LegacyAPIResponse[AsyncPage[ModelInfo]])
    assert_type(await aclient.models.retrieve("m", betas=["b"]), ModelInfo)
    async with aclient.models.with_streaming_response.retrieve("m", betas=["b"]) as info:
        assert_type(await info.parse(), ModelInfo)


def batches_views_from_above(client: anthropic.Anthropic) -> None:
    # The batches views reached through messages, beta and the client, as officially.
    raw = client.messages.with_raw_response.batches
    assert_type(raw.retrieve("b"), LegacyAPIResponse[MessageBatch])
    assert_type(
        client.with_raw_response.messages.batches.list(), LegacyAPIResponse[SyncPage[MessageBatch]]
    )
    with client.messages.with_streaming_response.batches.retrieve("b") as response:
        assert_type(response.parse(), MessageBatch)
    beta_raw = client.beta.with_raw_response.messages.batches
    assert_type(beta_raw.retrieve("b", betas=["x"]), LegacyAPIResponse[BetaMessageBatch])
    assert_type(
        client.beta.messages.with_raw_response.batches.delete("b"),
        LegacyAPIResponse[BetaDeletedMessageBatch],
    )
    via_client = client.with_raw_response.beta.messages.batches
    assert_type(via_client.cancel("b"), LegacyAPIResponse[BetaMessageBatch])
    with client.with_streaming_response.beta.messages.batches.list() as page:
        assert_type(page.parse(), SyncPage[BetaMessageBatch])
    with client.beta.messages.with_streaming_response.batches.results("b") as lines:
        assert_type(lines.parse(), JSONLDecoder[BetaMessageBatchIndividualResponse])
    client.with_raw_response.beta.messages.batches.retrieve("b", betas="x")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]


async def async_batches_views_from_above(client: anthropic.AsyncAnthropic) -> None:
    assert_type(
        await client.messages.with_raw_response.batches.retrieve("b"),
        LegacyAPIResponse[MessageBatch],
    )
    async with client.messages.with_streaming_response.batches.list() as response:
        assert_type(await response.parse(), AsyncPage[MessageBatch])
    beta_raw = client.with_raw_response.beta.messages.batches
    assert_type(await beta_raw.retrieve("b"), LegacyAPIResponse[BetaMessageBatch])
    assert_type(
        await client.beta.with_raw_response.messages.batches.list(),
        LegacyAPIResponse[AsyncPage[BetaMessageBatch]],
    )
    async with client.beta.messages.with_streaming_response.batches.create(
        requests=REQUESTS
    ) as created:
        assert_type(await created.parse(), BetaMessageBatch)
    async with client.with_streaming_response.beta.messages.batches.results("b") as lines:
        assert_type(await lines.parse(), AsyncJSONLDecoder[BetaMessageBatchIndividualResponse])
