"""``client.beta``: the beta endpoints; here it holds ``messages.batches``.

``client.beta.with_raw_response.messages.batches`` (and ``with_streaming_response``) are
the beta batches' views, as on the official client.
"""

from __future__ import annotations

from functools import cached_property

from ..._api_client import AsyncAPIClient, SyncAPIClient
from .messages.messages import (
    AsyncMessages,
    AsyncMessagesWithRawResponse,
    AsyncMessagesWithStreamingResponse,
    Messages,
    MessagesWithRawResponse,
    MessagesWithStreamingResponse,
)

__all__ = [
    "AsyncBeta",
    "AsyncBetaWithRawResponse",
    "AsyncBetaWithStreamingResponse",
    "Beta",
    "BetaWithRawResponse",
    "BetaWithStreamingResponse",
]


class Beta:
    """``client.beta`` (sync)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def messages(self) -> Messages:
        """``client.beta.messages.batches``: Message Batches on the beta endpoint."""
        return Messages(self._client)

    @cached_property
    def with_raw_response(self) -> BetaWithRawResponse:
        """``.messages.batches``: the beta batches returning raw responses."""
        return BetaWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BetaWithStreamingResponse:
        """``.messages.batches``: the beta batches returning streaming responses."""
        return BetaWithStreamingResponse(self)


class AsyncBeta:
    """``client.beta`` (async)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def messages(self) -> AsyncMessages:
        """See ``Beta.messages``."""
        return AsyncMessages(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncBetaWithRawResponse:
        return AsyncBetaWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBetaWithStreamingResponse:
        return AsyncBetaWithStreamingResponse(self)


class BetaWithRawResponse:
    """``client.beta.with_raw_response``."""

    def __init__(self, beta: Beta) -> None:
        self.messages: MessagesWithRawResponse = beta.messages.with_raw_response


class BetaWithStreamingResponse:
    """``client.beta.with_streaming_response``."""

    def __init__(self, beta: Beta) -> None:
        self.messages: MessagesWithStreamingResponse = beta.messages.with_streaming_response


class AsyncBetaWithRawResponse:
    """Async ``client.beta.with_raw_response``."""

    def __init__(self, beta: AsyncBeta) -> None:
        self.messages: AsyncMessagesWithRawResponse = beta.messages.with_raw_response


class AsyncBetaWithStreamingResponse:
    """Async ``client.beta.with_streaming_response``."""

    def __init__(self, beta: AsyncBeta) -> None:
        self.messages: AsyncMessagesWithStreamingResponse = beta.messages.with_streaming_response
