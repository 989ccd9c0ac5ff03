"""``client.beta.messages``: the beta Messages resource; here it holds ``batches``.

Its ``with_raw_response`` / ``with_streaming_response`` (as on the official client) hold
the batches' views of that kind: ``client.beta.messages.with_raw_response.batches``.
"""

from __future__ import annotations

from functools import cached_property

from ...._api_client import AsyncAPIClient, SyncAPIClient
from .batches import (
    AsyncBatches,
    AsyncBatchesWithRawResponse,
    AsyncBatchesWithStreamingResponse,
    Batches,
    BatchesWithRawResponse,
    BatchesWithStreamingResponse,
)

__all__ = [
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "AsyncMessagesWithStreamingResponse",
    "Messages",
    "MessagesWithRawResponse",
    "MessagesWithStreamingResponse",
]


class Messages:
    """``client.beta.messages`` (sync)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def batches(self) -> Batches:
        """The Message Batches API on its beta endpoint (``betas=[...]`` on every method)."""
        return Batches(self._client)

    @cached_property
    def with_raw_response(self) -> MessagesWithRawResponse:
        """``.batches``: ``client.beta.messages.batches.with_raw_response``."""
        return MessagesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> MessagesWithStreamingResponse:
        """``.batches``: ``client.beta.messages.batches.with_streaming_response``."""
        return MessagesWithStreamingResponse(self)


class AsyncMessages:
    """``client.beta.messages`` (async)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def batches(self) -> AsyncBatches:
        """See ``Messages.batches``."""
        return AsyncBatches(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncMessagesWithRawResponse:
        return AsyncMessagesWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncMessagesWithStreamingResponse:
        return AsyncMessagesWithStreamingResponse(self)


class MessagesWithRawResponse:
    """``client.beta.messages.with_raw_response``."""

    def __init__(self, messages: Messages) -> None:
        self.batches: BatchesWithRawResponse = messages.batches.with_raw_response


class MessagesWithStreamingResponse:
    """``client.beta.messages.with_streaming_response``."""

    def __init__(self, messages: Messages) -> None:
        self.batches: BatchesWithStreamingResponse = messages.batches.with_streaming_response


class AsyncMessagesWithRawResponse:
    """Async ``client.beta.messages.with_raw_response``."""

    def __init__(self, messages: AsyncMessages) -> None:
        self.batches: AsyncBatchesWithRawResponse = messages.batches.with_raw_response


class AsyncMessagesWithStreamingResponse:
    """Async ``client.beta.messages.with_streaming_response``."""

    def __init__(self, messages: AsyncMessages) -> None:
        self.batches: AsyncBatchesWithStreamingResponse = messages.batches.with_streaming_response
