"""The calls both batches resources make, written once: ``client.messages.batches`` with
the stable models, ``client.beta.messages.batches`` with the beta ones.

``Endpoint`` is what a resource adds to every call (the beta header and query), and the
functions take the models to parse into as arguments, so neither resource copies the
paging or results logic of the other.
"""

from __future__ import annotations

from typing import Mapping, Optional, TypeVar, Union

from ..._api_client import AsyncAPIClient, SyncAPIClient
from ..._core import batch_specs as specs
from ..._core.request import ResponseMode
from ..._jsonl_stream import AsyncJSONLDecoder, AsyncStreamHandle, JSONLDecoder
from ..._response import Parser
from ..._types import CallOptions
from ...pagination import AsyncPage, AsyncPaginator, SyncPage, page_parser
from ...types.messages.message_batch import MessageBatch

__all__ = [
    "STABLE",
    "Endpoint",
    "ResultsTarget",
    "async_list_pages",
    "async_results_stream",
    "list_pages",
    "results_stream",
]

_B = TypeVar("_B", bound=MessageBatch)
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


def list_pages(
    client: SyncAPIClient,
    page_type: type[SyncPage[_B]],
    params: Mapping[str, object],
    opts: specs.Options,
    later_opts: Optional[specs.Options] = None,
) -> SyncPage[_B]:
    """The first page of a list; later pages are fetched with ``later_opts`` (default:
    the same options), parsed."""
    later = (later_opts or opts).parsed()

    def fetch(params: Mapping[str, object]) -> SyncPage[_B]:
        return client._execute(
            specs.list_spec(params, later), page_parser(page_type, params, fetch)
        )

    return client._execute(specs.list_spec(params, opts), page_parser(page_type, params, fetch))


def async_list_pages(
    client: AsyncAPIClient,
    page_type: type[AsyncPage[_B]],
    params: Mapping[str, object],
    opts: specs.Options,
    later_opts: Optional[specs.Options] = None,
) -> AsyncPaginator[_B]:
    """See ``list_pages``: ``await`` it for the first page or ``async for`` every batch."""
    later = (later_opts or opts).parsed()

    async def fetch(params: Mapping[str, object]) -> AsyncPage[_B]:
        parser = page_parser(page_type, params, fetch)
        return await client._execute(specs.list_spec(params, later), parser)

    first = page_parser(page_type, params, fetch)
    return AsyncPaginator(lambda: client._execute(specs.list_spec(params, opts), first))


def results_stream(
    client: SyncAPIClient,
    target: ResultsTarget,
    retrieve_opts: specs.Options,
    results_opts: specs.Options,
    batch_parser: Parser[_B],
    lines: Parser[JSONLDecoder[_L]],
) -> JSONLDecoder[_L]:
    """Retrieve the batch unless it was passed, then open its results stream."""
    batch, batch_id = specs.batch_or_id(target)
    if batch is None:
        batch = client._execute(specs.retrieve_spec(batch_id, retrieve_opts.parsed()), batch_parser)
    spec = specs.results_spec(batch, client._config.base_url, results_opts)
    return client._execute(spec, lines)


def async_results_stream(
    client: AsyncAPIClient,
    target: ResultsTarget,
    retrieve_opts: specs.Options,
    results_opts: specs.Options,
    batch_parser: Parser[_B],
    lines: Parser[AsyncJSONLDecoder[_L]],
) -> AsyncStreamHandle[_L]:
    """See ``results_stream``; nothing is sent until the handle is awaited or entered."""
    given, batch_id = specs.batch_or_id(target)

    async def open_() -> AsyncJSONLDecoder[_L]:
        batch: Optional[MessageBatch] = given
        if batch is None:
            spec = specs.retrieve_spec(batch_id, retrieve_opts.parsed())
            batch = await client._execute(spec, batch_parser)
        spec = specs.results_spec(batch, client._config.base_url, results_opts)
        return await client._execute(spec, lines)

    return AsyncStreamHandle(open_)
