"""``client.beta.messages``: the beta Messages resource; here it holds ``batches``."""

from __future__ import annotations

from functools import cached_property

from ...._api_client import AsyncAPIClient, SyncAPIClient
from .batches import AsyncBatches, Batches

__all__ = ["AsyncMessages", "Messages"]


class Messages:
    """``client.beta.messages`` (sync)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def batches(self) -> Batches:
        """The Message Batches API on its beta endpoint (``betas=[...]`` on every method)."""
        return Batches(self._client)


class AsyncMessages:
    """``client.beta.messages`` (async)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def batches(self) -> AsyncBatches:
        """See ``Messages.batches``."""
        return AsyncBatches(self._client)
