"""What ``lib`` needs from the layers above it, as protocols (so it never imports them).

``lib`` sits between the sending clients and the resources: ``resources`` mixes the
workflow methods of ``lib`` into ``client.messages.batches``, and ``lib`` calls back only
through these shapes. ``Batches`` / ``AsyncBatches`` and ``Anthropic`` /
``AsyncAnthropic`` satisfy them structurally; ``tests/lib`` and the type checkers keep
them honest.
"""

from __future__ import annotations

from functools import cached_property
from typing import AsyncIterable, Iterable, TypeVar, Union

from typing_extensions import Protocol, TypeIs

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._jsonl_stream import AsyncStreamHandle, JSONLDecoder
from ..pagination import AsyncPaginator, SyncPage
from ..types.messages import MessageBatch, MessageBatchIndividualResponse

__all__ = [
    "AsyncBatchesAPI",
    "AsyncClientAPI",
    "SyncBatchesAPI",
    "SyncClientAPI",
    "is_async_iterable",
]

_T = TypeVar("_T")


class SyncBatchesAPI(Protocol):
    """What ``lib`` calls on ``client.messages.batches`` (``Batches``)."""

    @property
    def _client(self) -> SyncAPIClient: ...

    def retrieve(self, message_batch_id: str) -> MessageBatch: ...

    def cancel(self, message_batch_id: str) -> MessageBatch: ...

    def list(self, *, limit: int) -> SyncPage[MessageBatch]: ...

    def results(
        self, message_batch_id: Union[str, MessageBatch]
    ) -> JSONLDecoder[MessageBatchIndividualResponse]: ...


class AsyncBatchesAPI(Protocol):
    """What ``lib`` calls on ``client.messages.batches`` (``AsyncBatches``)."""

    @property
    def _client(self) -> AsyncAPIClient: ...

    async def retrieve(self, message_batch_id: str) -> MessageBatch: ...

    async def cancel(self, message_batch_id: str) -> MessageBatch: ...

    def list(self, *, limit: int) -> AsyncPaginator[MessageBatch]: ...

    def results(
        self, message_batch_id: Union[str, MessageBatch]
    ) -> AsyncStreamHandle[MessageBatchIndividualResponse]: ...


# ``client.messages`` and ``messages.batches`` are cached properties; pyright matches a
# cached property only against a cached property, so the protocols declare them so.


class _SyncMessagesAPI(Protocol):
    @cached_property
    def batches(self) -> SyncBatchesAPI: ...


class _AsyncMessagesAPI(Protocol):
    @cached_property
    def batches(self) -> AsyncBatchesAPI: ...


class SyncClientAPI(Protocol):
    """A client with ``messages.batches`` (``Anthropic``)."""

    @cached_property
    def messages(self) -> _SyncMessagesAPI: ...


class AsyncClientAPI(Protocol):
    """A client with ``messages.batches`` (``AsyncAnthropic``)."""

    @cached_property
    def messages(self) -> _AsyncMessagesAPI: ...


def is_async_iterable(
    items: Union[Iterable[_T], AsyncIterable[_T]],
) -> TypeIs[AsyncIterable[_T]]:
    """Whether ``items`` is to be read with ``async for`` (it keeps its item type)."""
    return isinstance(items, AsyncIterable)
