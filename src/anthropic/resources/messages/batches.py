"""``client.messages.batches``: create, retrieve, list, cancel, delete and stream results.

    batch = client.messages.batches.create(requests=[
        {"custom_id": "q1", "params": {"model": "claude-sonnet-4-20250514", "max_tokens": 256,
                                        "messages": [{"role": "user", "content": "Hi"}]}},
    ])
    batch = client.messages.batches.wait(batch.id)          # poll until it ends
    with client.messages.batches.results(batch) as results:
        for entry in results:
            if entry.result.type == "succeeded":
                print(entry.custom_id, entry.result.message.content)

``AsyncBatches`` mirrors every method with ``await`` (``list`` and ``results`` also
support ``async for`` directly). Request specs are built by the pure functions in
``anthropic._core.batch_specs``. ``with_raw_response`` and ``with_streaming_response`` are
the same class built with another response ``mode``, seen through the views at the end
(``resources/_views.py``).

The methods here hold the public signatures and compute each call's options; the calls
themselves (create's bookkeeping, paging, results) are ``_batch_calls.SyncBatchCalls`` /
``AsyncBatchCalls``, shared with ``client.beta.messages.batches`` (``resources/beta``),
which passes its own models.
"""

from __future__ import annotations

from functools import cached_property
from typing import Iterable, Union

from typing_extensions import Unpack

from ..._api_client import AsyncAPIClient, SyncAPIClient
from ..._core import batch_specs as specs
from ..._core.request import ResponseMode
from ..._jsonl_stream import AsyncStreamHandle, JSONLDecoder
from ..._types import NOT_GIVEN, CallOptions, NotGiven
from ...lib._workflows import AsyncBatchWorkflows, BatchWorkflows
from ...pagination import AsyncPaginator, SyncPage
from ...types.messages.batch_create_params import AcceptedRequest
from ...types.messages.deleted_message_batch import DeletedMessageBatch
from ...types.messages.message_batch import MessageBatch
from ...types.messages.message_batch_individual_response import MessageBatchIndividualResponse
from .._paging import Listing
from .._views import (
    AsyncRawView,
    AsyncStreamedView,
    RawView,
    StreamedView,
    view_method,
)
from ._batch_calls import (
    STABLE,
    STABLE_MODELS,
    AsyncBatchCalls,
    Endpoint,
    ResultsTarget,
    SyncBatchCalls,
)

__all__ = [
    "AsyncBatches",
    "AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse",
    "Batches",
    "BatchesWithRawResponse",
    "BatchesWithStreamingResponse",
]

_ResultsTarget = ResultsTarget


class Batches(BatchWorkflows):
    """Sync Message Batches resource (``client.messages.batches``)."""

    def __init__(
        self, client: SyncAPIClient, mode: ResponseMode = "parsed", endpoint: Endpoint = STABLE
    ) -> None:
        self._client = client
        self._mode: ResponseMode = mode
        self._endpoint = endpoint
        self._calls = SyncBatchCalls(client, STABLE_MODELS)

    def _options(self, options: CallOptions, *, results: bool = False) -> specs.Options:
        return self._endpoint.options(options, self._mode, results=results)

    @cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """Same methods, returning ``APIResponse`` (headers, status, ``parse()``)."""
        return BatchesWithRawResponse(Batches(self._client, "raw", self._endpoint))

    @cached_property
    def with_streaming_response(self) -> BatchesWithStreamingResponse:
        """Same methods, returning a context manager over an unread ``APIResponse``."""
        return BatchesWithStreamingResponse(Batches(self._client, "stream", self._endpoint))

    def create(
        self,
        *,
        requests: Iterable[AcceptedRequest],
        **options: Unpack[CallOptions],
    ) -> MessageBatch:
        """Create a batch of 1-100,000 requests (at most 256 MB encoded).

        Every request is validated locally first (custom_id format and uniqueness,
        model, max_tokens >= 1, messages, no stream); a failure raises
        ``InvalidBatchRequestError`` naming the request, and nothing is sent.
        A create is never re-sent blindly: if the connection fails after the body went
        out, ``BatchCreateOutcomeUnknownError`` says a batch may exist and how to find
        it. Error statuses (429, 5xx, 529) and failures before sending are retried.
        """
        return self._calls.create(requests, self._options(options))

    def retrieve(
        self,
        message_batch_id: str,
        **options: Unpack[CallOptions],
    ) -> MessageBatch:
        """The batch's current state (poll this, or use ``wait``)."""
        return self._calls.retrieve(message_batch_id, self._options(options))

    def list(
        self,
        *,
        after_id: Union[str, NotGiven] = NOT_GIVEN,
        before_id: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> SyncPage[MessageBatch]:
        """Batches, newest first; iterate the page to walk every page (``limit`` 1-1000)."""
        params = specs.list_params(after_id, before_id, limit)
        return self._calls.list(Listing(specs.list_spec, params, self._options(options)))

    def cancel(
        self,
        message_batch_id: str,
        **options: Unpack[CallOptions],
    ) -> MessageBatch:
        """Ask to cancel; the batch moves to ``canceling``, then ``ended``."""
        return self._calls.cancel(message_batch_id, self._options(options))

    def delete(
        self,
        message_batch_id: str,
        **options: Unpack[CallOptions],
    ) -> DeletedMessageBatch:
        """Delete an ended batch (the API refuses while it is processing)."""
        return self._calls.delete(message_batch_id, self._options(options))

    def results(
        self,
        message_batch_id: _ResultsTarget,
        **options: Unpack[CallOptions],
    ) -> JSONLDecoder[MessageBatchIndividualResponse]:
        """Stream the results of an ended batch, one ``MessageBatchIndividualResponse`` each.

        Pass the id or the ``MessageBatch`` (saves a GET). Lines come in any order; match
        them by ``custom_id``. Use it as a context manager (or exhaust it) so the
        connection is released. ``BatchNotEndedError`` if processing has not ended.
        """
        opts, results = self._options(options), self._options(options, results=True)
        return self._calls.results(message_batch_id, opts, results)


class AsyncBatches(AsyncBatchWorkflows):
    """Async Message Batches resource (``client.messages.batches`` on ``AsyncAnthropic``)."""

    def __init__(
        self, client: AsyncAPIClient, mode: ResponseMode = "parsed", endpoint: Endpoint = STABLE
    ) -> None:
        self._client = client
        self._mode: ResponseMode = mode
        self._endpoint = endpoint
        self._calls = AsyncBatchCalls(client, STABLE_MODELS)

    def _options(self, options: CallOptions, *, results: bool = False) -> specs.Options:
        return self._endpoint.options(options, self._mode, results=results)

    @cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        return AsyncBatchesWithRawResponse(AsyncBatches(self._client, "raw", self._endpoint))

    @cached_property
    def with_streaming_response(self) -> AsyncBatchesWithStreamingResponse:
        return AsyncBatchesWithStreamingResponse(
            AsyncBatches(self._client, "stream", self._endpoint)
        )

    async def create(
        self,
        *,
        requests: Iterable[AcceptedRequest],
        **options: Unpack[CallOptions],
    ) -> MessageBatch:
        """See ``Batches.create``."""
        return await self._calls.create(requests, self._options(options))

    async def retrieve(
        self,
        message_batch_id: str,
        **options: Unpack[CallOptions],
    ) -> MessageBatch:
        """See ``Batches.retrieve``."""
        return await self._calls.retrieve(message_batch_id, self._options(options))

    def list(
        self,
        *,
        after_id: Union[str, NotGiven] = NOT_GIVEN,
        before_id: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> AsyncPaginator[MessageBatch]:
        """See ``Batches.list``: ``await`` it for the first page or ``async for`` every batch."""
        params = specs.list_params(after_id, before_id, limit)
        return self._calls.list(Listing(specs.list_spec, params, self._options(options)))

    async def cancel(
        self,
        message_batch_id: str,
        **options: Unpack[CallOptions],
    ) -> MessageBatch:
        """See ``Batches.cancel``."""
        return await self._calls.cancel(message_batch_id, self._options(options))

    async def delete(
        self,
        message_batch_id: str,
        **options: Unpack[CallOptions],
    ) -> DeletedMessageBatch:
        """See ``Batches.delete``."""
        return await self._calls.delete(message_batch_id, self._options(options))

    def results(
        self,
        message_batch_id: _ResultsTarget,
        **options: Unpack[CallOptions],
    ) -> AsyncStreamHandle[MessageBatchIndividualResponse]:
        """See ``Batches.results``. ``await`` it for the decoder, or use ``async for`` /
        ``async with`` on it directly."""
        opts, results = self._options(options), self._options(options, results=True)
        return self._calls.results(message_batch_id, opts, results)


# The wrappers take a resource built in "raw"/"stream" mode (see ``with_raw_response``).


class _Methods:
    """The six methods of the four views below (``resources/_views.py``)."""

    create = view_method(Batches.create, AsyncBatches.create)
    retrieve = view_method(Batches.retrieve, AsyncBatches.retrieve)
    list = view_method(Batches.list, AsyncBatches.list)
    cancel = view_method(Batches.cancel, AsyncBatches.cancel)
    delete = view_method(Batches.delete, AsyncBatches.delete)
    results = view_method(Batches.results, AsyncBatches.results)


class BatchesWithRawResponse(_Methods, RawView[Batches]):
    """``client.messages.batches.with_raw_response``: methods return ``APIResponse``."""


class BatchesWithStreamingResponse(_Methods, StreamedView[Batches]):
    """``client.messages.batches.with_streaming_response``: ``with ... as response``."""


class AsyncBatchesWithRawResponse(_Methods, AsyncRawView[AsyncBatches]):
    """Async ``with_raw_response``: ``await`` each method for an ``AsyncAPIResponse``."""


class AsyncBatchesWithStreamingResponse(_Methods, AsyncStreamedView[AsyncBatches]):
    """Async ``with_streaming_response``: ``async with ... as response``."""
