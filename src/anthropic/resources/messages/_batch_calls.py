"""The calls both batches resources make, written once: ``client.messages.batches`` with
the stable models, ``client.beta.messages.batches`` with the beta ones.

    calls = SyncBatchCalls(client, STABLE_MODELS)
    batch = calls.retrieve("msgbatch_...", opts)        # opts: the call's ``specs.Options``

``BatchModels`` is what a flavour parses into (its batch, deleted and results-line
models, and page types); ``Endpoint`` is what a resource adds to every call's options (the
beta header and query). The resources compute each call's options and delegate here, so
neither copies the create/retrieve/cancel/delete, paging or results logic of the other;
``SyncBatchCalls`` and ``AsyncBatchCalls`` differ only by ``await``.
"""

from __future__ import annotations

from typing import Callable, Generic, Iterable, Mapping, Optional, Tuple, TypeVar, Union

from ..._api_client import AsyncAPIClient, SyncAPIClient
from ..._base_client import model_parser
from ..._core import batch_specs as specs
from ..._core.request import ResponseMode
from ..._jsonl_stream import AsyncJSONLDecoder, AsyncStreamHandle, JSONLDecoder
from ..._response import Parser
from ..._types import CallOptions
from ...lib._created import note_created
from ...pagination import AsyncPage, AsyncPaginator, SyncPage
from ...types.messages.deleted_message_batch import DeletedMessageBatch
from ...types.messages.message_batch import MessageBatch
from ...types.messages.message_batch_individual_response import MessageBatchIndividualResponse
from .._paging import Listing, async_first_page, first_page

__all__ = [
    "STABLE",
    "STABLE_MODELS",
    "AsyncBatchCalls",
    "BatchModels",
    "Endpoint",
    "ResultsTarget",
    "SyncBatchCalls",
    "results_parsers",
]

_B = TypeVar("_B", bound=MessageBatch)
_D = TypeVar("_D")
_L = TypeVar("_L")

ResultsTarget = Union[str, MessageBatch]
"""What ``results`` takes: a batch id, or the batch (which saves a GET)."""


class Endpoint:
    """What every call of a batches resource adds to the caller's options: nothing on
    the stable endpoint (``STABLE``); the ``anthropic-beta`` header and ``?beta=true`` on
    the beta one. The caller's ``extra_headers`` / ``extra_query`` win over these."""

    __slots__ = ("headers", "query")

    def __init__(
        self,
        headers: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, object]] = None,
    ) -> None:
        self.headers: Mapping[str, str] = dict(headers or {})
        self.query: Mapping[str, object] = dict(query or {})

    def options(
        self, options: CallOptions, mode: ResponseMode, *, results: bool = False
    ) -> specs.Options:
        """The call's options; ``results=True`` for a results download, which goes to the
        ``results_url`` as given (no endpoint query)."""
        opts = specs.Options.of(options, mode)
        if self.headers:
            opts.extra_headers = {**self.headers, **(opts.extra_headers or {})}
        if self.query and not results:
            opts.extra_query = {**self.query, **(opts.extra_query or {})}
        return opts


STABLE = Endpoint()
"""``client.messages.batches``: the caller's options as given."""


def results_parsers(
    line: type[_L],
) -> Tuple[Parser[JSONLDecoder[_L]], Parser[AsyncJSONLDecoder[_L]]]:
    """The (sync, async) parsers of a results download whose lines are ``line`` models:
    lazy (the body is streamed), strict under ``_strict_response_validation``."""
    sync = Parser(
        lambda response, _r: JSONLDecoder(response, line),
        lazy=True,
        strict_fn=lambda response, _r: JSONLDecoder(response, line, strict=True),
    )
    async_ = Parser(
        lambda response, _r: AsyncJSONLDecoder(response, line),
        lazy=True,
        strict_fn=lambda response, _r: AsyncJSONLDecoder(response, line, strict=True),
    )
    return sync, async_


class BatchModels(Generic[_B, _D, _L]):
    """What one flavour of the API parses into: its batch, deleted-batch and results-line
    models, and its page types (``SyncPage[...]`` / ``AsyncPage[...]`` of the batch),
    given as functions so the page models are built on the first ``list``, not at import."""

    def __init__(
        self,
        batch: type[_B],
        deleted: type[_D],
        line: type[_L],
        page: Callable[[], type[SyncPage[_B]]],
        async_page: Callable[[], type[AsyncPage[_B]]],
    ) -> None:
        self.batch = model_parser(batch)
        self.deleted = model_parser(deleted)
        self.lines, self.async_lines = results_parsers(line)
        self.page = page
        self.async_page = async_page


STABLE_MODELS = BatchModels(
    MessageBatch,
    DeletedMessageBatch,
    MessageBatchIndividualResponse,
    lambda: SyncPage[MessageBatch],
    lambda: AsyncPage[MessageBatch],
)


class SyncBatchCalls(Generic[_B, _D, _L]):
    """The batches calls on a sync client, parsed into ``models``; each takes the call's
    ``specs.Options`` (its response mode included)."""

    def __init__(self, client: SyncAPIClient, models: BatchModels[_B, _D, _L]) -> None:
        self._client = client
        self._models = models

    def create(self, requests: Iterable[object], opts: specs.Options) -> _B:
        """Validated locally, sent once; ``wait`` learns the batch's age from it."""
        batch = self._client._execute(specs.create_spec(requests, opts), self._models.batch)
        note_created(self._client, batch)
        return batch

    def retrieve(self, batch_id: str, opts: specs.Options) -> _B:
        return self._client._execute(specs.retrieve_spec(batch_id, opts), self._models.batch)

    def cancel(self, batch_id: str, opts: specs.Options) -> _B:
        return self._client._execute(specs.cancel_spec(batch_id, opts), self._models.batch)

    def delete(self, batch_id: str, opts: specs.Options) -> _D:
        return self._client._execute(specs.delete_spec(batch_id, opts), self._models.deleted)

    def list(self, listing: Listing) -> SyncPage[_B]:
        """The first page; it fetches the later ones as it is iterated."""
        return first_page(self._client, self._models.page(), listing)

    def results(
        self, target: ResultsTarget, retrieve_opts: specs.Options, results_opts: specs.Options
    ) -> JSONLDecoder[_L]:
        """Retrieve the batch unless it was passed, then open its results stream."""
        batch, batch_id = specs.batch_or_id(target)
        if batch is None:
            batch = self.retrieve(batch_id, retrieve_opts.parsed())
        spec = specs.results_spec(batch, self._client._config.base_url, results_opts)
        return self._client._execute(spec, self._models.lines)


class AsyncBatchCalls(Generic[_B, _D, _L]):
    """See ``SyncBatchCalls``; ``list`` and ``results`` return lazy handles that send
    when awaited (or iterated)."""

    def __init__(self, client: AsyncAPIClient, models: BatchModels[_B, _D, _L]) -> None:
        self._client = client
        self._models = models

    async def create(self, requests: Iterable[object], opts: specs.Options) -> _B:
        parser = self._models.batch
        batch = await self._client._execute(specs.create_spec(requests, opts), parser)
        note_created(self._client, batch)
        return batch

    async def retrieve(self, batch_id: str, opts: specs.Options) -> _B:
        parser = self._models.batch
        return await self._client._execute(specs.retrieve_spec(batch_id, opts), parser)

    async def cancel(self, batch_id: str, opts: specs.Options) -> _B:
        parser = self._models.batch
        return await self._client._execute(specs.cancel_spec(batch_id, opts), parser)

    async def delete(self, batch_id: str, opts: specs.Options) -> _D:
        parser = self._models.deleted
        return await self._client._execute(specs.delete_spec(batch_id, opts), parser)

    def list(self, listing: Listing) -> AsyncPaginator[_B]:
        """``await`` it for the first page or ``async for`` every batch."""
        return async_first_page(self._client, self._models.async_page(), listing)

    def results(
        self, target: ResultsTarget, retrieve_opts: specs.Options, results_opts: specs.Options
    ) -> AsyncStreamHandle[_L]:
        """Nothing is sent until the handle is awaited or entered."""
        given, batch_id = specs.batch_or_id(target)

        async def open_() -> AsyncJSONLDecoder[_L]:
            batch: Optional[MessageBatch] = given
            if batch is None:
                batch = await self.retrieve(batch_id, retrieve_opts.parsed())
            spec = specs.results_spec(batch, self._client._config.base_url, results_opts)
            return await self._client._execute(spec, self._models.async_lines)

        return AsyncStreamHandle(open_)
