"""The pages of a ``list()``, written once for ``client.messages.batches``,
``client.beta.messages.batches`` and ``client.models``.

    listing = Listing(specs.models_list_spec, params, opts)
    page = first_page(client, SyncPage[ModelInfo], listing)

A ``Listing`` is the pure part: the request of the first page (with the call's options,
its response mode included, so a raw ``list`` returns the raw first page) and of each
later page (``later_opts``, by default the same options, always parsed, with the cursor
of the page before it; the cursor logic is ``pagination.next_page_params``).
``first_page`` / ``async_first_page`` send them.
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, TypeVar

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._core.batch_specs import Options
from .._core.request import RequestSpec
from ..pagination import AsyncPage, AsyncPaginator, SyncPage, page_parser

__all__ = ["ListSpec", "Listing", "async_first_page", "first_page"]

_T = TypeVar("_T")

ListSpec = Callable[[Mapping[str, object], Options], RequestSpec]
"""Builds the request of one page from its query parameters and options."""


class Listing:
    """The requests of one ``list()`` call: its first page, then a page per cursor."""

    __slots__ = ("_first", "_later", "_spec", "params")

    def __init__(
        self,
        spec: ListSpec,
        params: Mapping[str, object],
        opts: Options,
        later_opts: Optional[Options] = None,
    ) -> None:
        self._spec = spec
        self.params = params
        self._first = opts
        self._later = (later_opts or opts).parsed()

    def first(self) -> RequestSpec:
        return self._spec(self.params, self._first)

    def page(self, params: Mapping[str, object]) -> RequestSpec:
        """A later page: ``params`` carry the cursor of the page before it."""
        return self._spec(params, self._later)


def first_page(
    client: SyncAPIClient, page_type: type[SyncPage[_T]], listing: Listing
) -> SyncPage[_T]:
    """Fetch the first page; the page fetches the next ones as it is iterated."""

    def fetch(params: Mapping[str, object]) -> SyncPage[_T]:
        return client._execute(listing.page(params), page_parser(page_type, params, fetch))

    return client._execute(listing.first(), page_parser(page_type, listing.params, fetch))


def async_first_page(
    client: AsyncAPIClient, page_type: type[AsyncPage[_T]], listing: Listing
) -> AsyncPaginator[_T]:
    """See ``first_page``; nothing is sent until the paginator is awaited or iterated."""

    async def fetch(params: Mapping[str, object]) -> AsyncPage[_T]:
        parser = page_parser(page_type, params, fetch)
        return await client._execute(listing.page(params), parser)

    first = page_parser(page_type, listing.params, fetch)
    return AsyncPaginator(lambda: client._execute(listing.first(), first))
