"""The first page of a ``list()``, and how its later pages are fetched: written once for
``client.messages.batches``, ``client.beta.messages.batches`` and ``client.models``.

    page = first_page(client, SyncPage[ModelInfo], specs.models_list_spec, params, opts)

The first page is fetched with the call's options (its response mode included: a raw
``list`` returns the raw first page); each later page with ``later_opts`` (by default the
same options), always parsed, with the cursor of the page before it. The cursor logic
itself is ``pagination.next_page_params``.
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, TypeVar

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._core.batch_specs import Options
from .._core.request import RequestSpec
from ..pagination import AsyncPage, AsyncPaginator, SyncPage, page_parser

__all__ = ["ListSpec", "async_first_page", "first_page"]

_T = TypeVar("_T")

ListSpec = Callable[[Mapping[str, object], Options], RequestSpec]
"""Builds the request of one page from its query parameters and options."""


def first_page(
    client: SyncAPIClient,
    page_type: type[SyncPage[_T]],
    spec: ListSpec,
    params: Mapping[str, object],
    opts: Options,
    later_opts: Optional[Options] = None,
) -> SyncPage[_T]:
    """Fetch the first page; the page fetches the next ones as it is iterated."""
    later = (later_opts or opts).parsed()

    def fetch(params: Mapping[str, object]) -> SyncPage[_T]:
        return client._execute(spec(params, later), page_parser(page_type, params, fetch))

    return client._execute(spec(params, opts), page_parser(page_type, params, fetch))


def async_first_page(
    client: AsyncAPIClient,
    page_type: type[AsyncPage[_T]],
    spec: ListSpec,
    params: Mapping[str, object],
    opts: Options,
    later_opts: Optional[Options] = None,
) -> AsyncPaginator[_T]:
    """See ``first_page``; nothing is sent until the paginator is awaited or iterated."""
    later = (later_opts or opts).parsed()

    async def fetch(params: Mapping[str, object]) -> AsyncPage[_T]:
        parser = page_parser(page_type, params, fetch)
        return await client._execute(spec(params, later), parser)

    first = page_parser(page_type, params, fetch)
    return AsyncPaginator(lambda: client._execute(spec(params, opts), first))
