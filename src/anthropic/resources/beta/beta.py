"""``client.beta``: the beta endpoints; here it holds ``messages.batches``."""

from __future__ import annotations

from functools import cached_property

from ..._api_client import AsyncAPIClient, SyncAPIClient
from .messages import AsyncMessages, Messages

__all__ = ["AsyncBeta", "Beta"]


class Beta:
    """``client.beta`` (sync)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def messages(self) -> Messages:
        """``client.beta.messages.batches``: Message Batches on the beta endpoint."""
        return Messages(self._client)


class AsyncBeta:
    """``client.beta`` (async)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def messages(self) -> AsyncMessages:
        """See ``Beta.messages``."""
        return AsyncMessages(self._client)
