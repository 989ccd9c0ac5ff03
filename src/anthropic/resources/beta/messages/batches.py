"""``client.beta.messages.batches``: the Message Batches API on its beta endpoint.

    batch = client.beta.messages.batches.create(requests=[...], betas=["some-beta"])
    for entry in client.beta.messages.batches.results(batch.id): ...

The six methods of ``client.messages.batches``, each taking ``betas=[...]`` (sent as
``anthropic-beta``, followed by ``message-batches-2024-09-24``) and sending ``?beta=true``
as the official SDK does, returning ``anthropic.types.beta.messages`` types. Paging and
results share ``_batch_calls`` with the stable resource. ``wait``/``submit``/``job`` run
through a stable resource on this endpoint and return the stable types.
"""

from __future__ import annotations

from functools import cached_property
from typing import AsyncIterable, Iterable, List, Optional, Union

from typing_extensions import Unpack

from ...._api_client import AsyncAPIClient, SyncAPIClient
from ...._core import batch_specs as specs
from ...._core.batch_requests import MAX_BATCH_REQUESTS
from ...._core.request import ResponseMode
from ...._jsonl_stream import AsyncStreamHandle, JSONLDecoder
from ...._types import NOT_GIVEN, CallOptions, Headers, NotGiven, Query, Timeout
from ....lib._chunker import DEFAULT_MAX_BYTES_PER_BATCH
from ....lib._job import AsyncBatchJob, BatchJob
from ....lib._job_state import JobSource
from ....lib._wait import AsyncProgressCallback, ProgressCallback
from ....lib._wait_machine import WaitOptionsDict
from ....pagination import AsyncPaginator, SyncPage
from ....types.beta.anthropic_beta_param import AnthropicBetaParam
from ....types.beta.messages.beta_deleted_message_batch import BetaDeletedMessageBatch
from ....types.beta.messages.beta_message_batch import BetaMessageBatch
from ....types.beta.messages.beta_message_batch_individual_response import (
    BetaMessageBatchIndividualResponse,
)
from ....types.messages.batch_create_params import AcceptedRequest
from ....types.messages.message_batch import MessageBatch
from ..._views import (
    AsyncRawView,
    AsyncStreamedView,
    RawView,
    StreamedView,
    view_method,
)
from ...messages._batch_calls import AsyncBatchCalls, SyncBatchCalls
from ...messages.batches import AsyncBatches as StableAsyncBatches
from ...messages.batches import Batches as StableBatches
from ._beta_endpoint import (
    BATCHES_BETA,
    BETA_MODELS,
    DEFAULT,
    beta_endpoint,
    beta_listing,
    beta_options,
    results_options,
    submit_options,
)

__all__ = [
    "BATCHES_BETA",
    "AsyncBatches",
    "AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse",
    "Batches",
    "BatchesWithRawResponse",
    "BatchesWithStreamingResponse",
    "beta_endpoint",
]

_Betas = Union[List[AnthropicBetaParam], NotGiven]
_ResultsTarget = Union[str, MessageBatch]


class Batches:
    """Sync beta Message Batches resource (``client.beta.messages.batches``)."""

    def __init__(self, client: SyncAPIClient, mode: ResponseMode = "parsed") -> None:
        self._client = client
        self._mode: ResponseMode = mode
        self._calls = SyncBatchCalls(client, BETA_MODELS)

    def _options(self, betas: _Betas, options: CallOptions) -> specs.Options:
        return beta_options(self._client, self._mode, betas, options)

    @cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """Same methods, returning ``APIResponse`` (headers, status, ``parse()``)."""
        return BatchesWithRawResponse(Batches(self._client, "raw"))

    @cached_property
    def with_streaming_response(self) -> BatchesWithStreamingResponse:
        """Same methods, returning a context manager over an unread ``APIResponse``."""
        return BatchesWithStreamingResponse(Batches(self._client, "stream"))

    @cached_property
    def _workflows(self) -> StableBatches:
        return StableBatches(self._client, "parsed", DEFAULT)

    def create(
        self,
        *,
        requests: Iterable[AcceptedRequest],
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> BetaMessageBatch:
        """See ``client.messages.batches.create`` (validated locally, never re-sent blindly)."""
        return self._calls.create(requests, self._options(betas, options))

    def retrieve(
        self, message_batch_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> BetaMessageBatch:
        """The batch's current state."""
        return self._calls.retrieve(message_batch_id, self._options(betas, options))

    def list(
        self,
        *,
        after_id: Union[str, NotGiven] = NOT_GIVEN,
        before_id: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> SyncPage[BetaMessageBatch]:
        """Batches, newest first; iterate the page to walk every page (``limit`` 1-1000)."""
        params = specs.list_params(after_id, before_id, limit)
        return self._calls.list(beta_listing(self._client, self._mode, betas, options, params))

    def cancel(
        self, message_batch_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> BetaMessageBatch:
        """Ask to cancel; the batch moves to ``canceling``, then ``ended``."""
        return self._calls.cancel(message_batch_id, self._options(betas, options))

    def delete(
        self, message_batch_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> BetaDeletedMessageBatch:
        """Delete an ended batch."""
        return self._calls.delete(message_batch_id, self._options(betas, options))

    def results(
        self,
        message_batch_id: _ResultsTarget,
        *,
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> JSONLDecoder[BetaMessageBatchIndividualResponse]:
        """Stream the results of an ended batch (the id, or the batch to save a GET)."""
        opts, results = results_options(self._client, self._mode, betas, options)
        return self._calls.results(message_batch_id, opts, results)

    def wait(
        self,
        batch_or_id: Union[str, MessageBatch],
        *,
        on_progress: Optional[ProgressCallback] = None,
        **options: Unpack[WaitOptionsDict],
    ) -> MessageBatch:
        """``client.messages.batches.wait`` on the beta endpoint."""
        return self._workflows.wait(batch_or_id, on_progress=on_progress, **options)

    def submit(
        self,
        requests: Iterable[AcceptedRequest],
        *,
        max_requests_per_batch: int = MAX_BATCH_REQUESTS,
        max_bytes_per_batch: int = DEFAULT_MAX_BYTES_PER_BATCH,
        precheck: Optional[bool] = None,
        betas: _Betas = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> BatchJob:
        """``client.messages.batches.submit`` on the beta endpoint."""
        opts = submit_options(betas, extra_headers, extra_query)
        return self._workflows.submit(
            requests,
            max_requests_per_batch=max_requests_per_batch,
            max_bytes_per_batch=max_bytes_per_batch,
            precheck=precheck,
            extra_headers=opts.extra_headers,
            extra_query=opts.extra_query,
            timeout=timeout,
        )

    def job(self, source: JobSource) -> BatchJob:
        """``client.messages.batches.job`` on the beta endpoint (no I/O)."""
        return self._workflows.job(source)


class AsyncBatches:
    """Async beta Message Batches resource (``client.beta.messages.batches``)."""

    def __init__(self, client: AsyncAPIClient, mode: ResponseMode = "parsed") -> None:
        self._client = client
        self._mode: ResponseMode = mode
        self._calls = AsyncBatchCalls(client, BETA_MODELS)

    def _options(self, betas: _Betas, options: CallOptions) -> specs.Options:
        return beta_options(self._client, self._mode, betas, options)

    @cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        return AsyncBatchesWithRawResponse(AsyncBatches(self._client, "raw"))

    @cached_property
    def with_streaming_response(self) -> AsyncBatchesWithStreamingResponse:
        return AsyncBatchesWithStreamingResponse(AsyncBatches(self._client, "stream"))

    @cached_property
    def _workflows(self) -> StableAsyncBatches:
        return StableAsyncBatches(self._client, "parsed", DEFAULT)

    async def create(
        self,
        *,
        requests: Iterable[AcceptedRequest],
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> BetaMessageBatch:
        """See ``Batches.create``."""
        return await self._calls.create(requests, self._options(betas, options))

    async def retrieve(
        self, message_batch_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> BetaMessageBatch:
        """See ``Batches.retrieve``."""
        return await self._calls.retrieve(message_batch_id, self._options(betas, options))

    def list(
        self,
        *,
        after_id: Union[str, NotGiven] = NOT_GIVEN,
        before_id: Union[str, NotGiven] = NOT_GIVEN,
        limit: Union[int, NotGiven] = NOT_GIVEN,
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> AsyncPaginator[BetaMessageBatch]:
        """See ``Batches.list``: ``await`` it for the first page or ``async for`` every batch."""
        params = specs.list_params(after_id, before_id, limit)
        return self._calls.list(beta_listing(self._client, self._mode, betas, options, params))

    async def cancel(
        self, message_batch_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> BetaMessageBatch:
        """See ``Batches.cancel``."""
        return await self._calls.cancel(message_batch_id, self._options(betas, options))

    async def delete(
        self, message_batch_id: str, *, betas: _Betas = NOT_GIVEN, **options: Unpack[CallOptions]
    ) -> BetaDeletedMessageBatch:
        """See ``Batches.delete``."""
        return await self._calls.delete(message_batch_id, self._options(betas, options))

    def results(
        self,
        message_batch_id: _ResultsTarget,
        *,
        betas: _Betas = NOT_GIVEN,
        **options: Unpack[CallOptions],
    ) -> AsyncStreamHandle[BetaMessageBatchIndividualResponse]:
        """See ``Batches.results``: ``await`` it, or ``async for`` / ``async with`` on it."""
        opts, results = results_options(self._client, self._mode, betas, options)
        return self._calls.results(message_batch_id, opts, results)

    async def wait(
        self,
        batch_or_id: Union[str, MessageBatch],
        *,
        on_progress: Optional[AsyncProgressCallback] = None,
        **options: Unpack[WaitOptionsDict],
    ) -> MessageBatch:
        """See ``Batches.wait``."""
        return await self._workflows.wait(batch_or_id, on_progress=on_progress, **options)

    async def submit(
        self,
        requests: Union[Iterable[AcceptedRequest], AsyncIterable[AcceptedRequest]],
        *,
        max_requests_per_batch: int = MAX_BATCH_REQUESTS,
        max_bytes_per_batch: int = DEFAULT_MAX_BYTES_PER_BATCH,
        precheck: Optional[bool] = None,
        betas: _Betas = NOT_GIVEN,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AsyncBatchJob:
        """See ``Batches.submit``."""
        opts = submit_options(betas, extra_headers, extra_query)
        return await self._workflows.submit(
            requests,
            max_requests_per_batch=max_requests_per_batch,
            max_bytes_per_batch=max_bytes_per_batch,
            precheck=precheck,
            extra_headers=opts.extra_headers,
            extra_query=opts.extra_query,
            timeout=timeout,
        )

    def job(self, source: JobSource) -> AsyncBatchJob:
        """See ``Batches.job``."""
        return self._workflows.job(source)


# The views take a beta resource built in "raw"/"stream" mode (see ``with_raw_response``).


class _Methods:
    """The six methods of the four views below (``resources/_views.py``)."""

    create = view_method(Batches.create, AsyncBatches.create)
    retrieve = view_method(Batches.retrieve, AsyncBatches.retrieve)
    list = view_method(Batches.list, AsyncBatches.list)
    cancel = view_method(Batches.cancel, AsyncBatches.cancel)
    delete = view_method(Batches.delete, AsyncBatches.delete)
    results = view_method(Batches.results, AsyncBatches.results)


class BatchesWithRawResponse(_Methods, RawView[Batches]):
    """``client.beta.messages.batches.with_raw_response``: methods return ``APIResponse``."""


class BatchesWithStreamingResponse(_Methods, StreamedView[Batches]):
    """``client.beta.messages.batches.with_streaming_response``: ``with ... as response``."""


class AsyncBatchesWithRawResponse(_Methods, AsyncRawView[AsyncBatches]):
    """Async ``with_raw_response``: ``await`` each method for an ``AsyncAPIResponse``."""


class AsyncBatchesWithStreamingResponse(_Methods, AsyncStreamedView[AsyncBatches]):
    """Async ``with_streaming_response``: ``async with ... as response``."""
