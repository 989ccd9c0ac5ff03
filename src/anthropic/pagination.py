"""Cursor pages for list endpoints, iterated across every page automatically.

    for batch in client.messages.batches.list(limit=100):          # every batch, every page
        ...
    page = client.messages.batches.list(limit=100)
    page.data, page.has_more, page.first_id, page.last_id          # just this page
    for p in page.iter_pages(): ...                                 # page by page

    async for batch in client.messages.batches.list():             # async: no await needed
        ...
    first = await client.messages.batches.list()                   # or await the first page

Cursors: pages go forward with ``after_id=<last_id>``; if the first call used
``before_id``, they go backward with ``before_id=<first_id>``. Other parameters (limit)
are kept. Nothing is fetched when ``has_more`` is false. A page that says ``has_more``
without a usable cursor, or with a cursor that does not move, raises ``PaginationError``
rather than stopping early or looping forever.

Paging state is one explicit object: a page returned by a client carries a ``Pager`` (the
params it was fetched with and the function that fetches another page). ``has_next_page()``
is true exactly when ``get_next_page()`` would send a request; both raise the same
``PaginationError`` for a page whose cursor is unusable. A page you build yourself (for
example with ``SyncPage.model_validate(...)``) has no pager: it says it has no next page.
"""

from __future__ import annotations

from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Generator,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    Set,
    TypeVar,
)

import httpx
from pydantic import PrivateAttr

from ._base_client import model_parser
from ._exceptions import PaginationError
from ._models import BaseModel
from ._response import Parser

__all__ = [
    "AsyncPage",
    "AsyncPaginator",
    "PageInfo",
    "Pager",
    "SyncPage",
    "next_page_params",
    "page_parser",
]

_T = TypeVar("_T")


class PageInfo:
    """The query parameters that fetch the next page."""

    __slots__ = ("params",)

    def __init__(self, *, params: Mapping[str, object]) -> None:
        self.params: Dict[str, object] = dict(params)

    def __repr__(self) -> str:
        return f"PageInfo(params={self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PageInfo) and other.params == self.params


_CURSORS = ("after_id", "before_id")


def next_page_params(
    params: Mapping[str, object],
    *,
    has_more: bool,
    first_id: Optional[str],
    last_id: Optional[str],
) -> Optional[Dict[str, object]]:
    """The params of the page after the one fetched with ``params``, or ``None`` at the end.

    Pure: direction comes from ``params`` (``before_id`` set means backward).
    """
    if not has_more:
        return None
    backward = params.get("before_id") is not None
    key, cursor = ("before_id", first_id) if backward else ("after_id", last_id)
    if not cursor:
        raise PaginationError(
            f"The API said has_more=true but sent no {'first_id' if backward else 'last_id'}; "
            f"cannot fetch the next page (params: {dict(params)!r})."
        )
    if cursor == params.get(key):
        raise PaginationError(
            f"The next page's cursor {key}={cursor!r} is the one just used; stopping instead "
            f"of fetching the same page forever."
        )
    # The cursor takes the place of the one sent (the query keeps its order), else goes last.
    nxt = {k: v for k, v in params.items() if k not in _CURSORS or k == key}
    nxt[key] = cursor
    return nxt


def _items(page: _BasePage[_T]) -> List[_T]:
    """The page's items; ``PaginationError`` when a leniently parsed page has no list
    there (``"data": null``, or missing), rather than a ``TypeError`` mid-iteration."""
    data = page.data
    if not isinstance(data, list):  # typed a list, but a lenient parse keeps what was sent
        raise PaginationError(
            f"The API sent a page whose data is {type(data).__name__}, not a list of items."
        )
    return data


def _visit(seen: Set[object], params: Mapping[str, object]) -> None:
    """Remember the cursor of a page about to be fetched; a cursor fetched before in the
    same iteration means the pages form a cycle (A -> B -> A), which would never end."""
    cursor = (params.get("after_id"), params.get("before_id"))
    if cursor in seen:
        raise PaginationError(
            f"The next page's cursor (after_id, before_id)={cursor!r} was already fetched "
            f"in this iteration: the pages form a cycle; stopping instead of looping forever."
        )
    seen.add(cursor)


class Pager:
    """How the pages after one are fetched: the params that page was fetched with, and
    ``fetch(params)`` returning the page for other params (a page, or an awaitable one)."""

    __slots__ = ("fetch", "params")

    def __init__(
        self, params: Mapping[str, object], fetch: Callable[[Dict[str, object]], Any]
    ) -> None:
        self.params: Dict[str, object] = dict(params)
        self.fetch = fetch

    def __repr__(self) -> str:
        return f"Pager(params={self.params!r})"


def _no_next_page(page: _BasePage[Any]) -> PaginationError:
    if page._pager is None:
        return PaginationError(
            "This page was not returned by a client's list() call, so it cannot fetch the "
            "next page; call list() on a client and page from its result."
        )
    return PaginationError("No next page: has_more is false. Check has_next_page() first.")


class _BasePage(BaseModel, Generic[_T]):
    data: List[_T]
    has_more: bool = False
    first_id: Optional[str] = None
    last_id: Optional[str] = None

    # A private attribute costs a little per page (not per item), which is negligible.
    _pager: Optional[Pager] = PrivateAttr(default=None)

    def _bind(self, pager: Pager) -> None:
        self._pager = pager

    def _params(self) -> Dict[str, object]:
        return {} if self._pager is None else self._pager.params

    def _next_params(self) -> Optional[Dict[str, object]]:
        return next_page_params(
            self._params(), has_more=self.has_more, first_id=self.first_id, last_id=self.last_id
        )

    def next_page_info(self) -> Optional[PageInfo]:
        """The cursor of the next page, ``{"after_id": last_id}`` (``{"before_id":
        first_id}`` when paging backward) as in the official SDK, or ``None`` if this is the
        last one (pure). Fetching it keeps this page's other params (``limit``, ...)."""
        params = self._next_params()
        if params is None:
            return None
        return PageInfo(params={k: v for k, v in params.items() if k in _CURSORS})

    def has_next_page(self) -> bool:
        """Whether ``get_next_page()`` would fetch a page (never fetches)."""
        return self._pager is not None and self._next_params() is not None

    def _next_fetch(self) -> tuple[Callable[[Dict[str, object]], Any], Dict[str, object]]:
        params = self._next_params()
        if self._pager is None or params is None:
            raise _no_next_page(self)
        return self._pager.fetch, params


class SyncPage(_BasePage[_T], Generic[_T]):
    """One page of a list; iterating it walks every item of every page."""

    def get_next_page(self) -> SyncPage[_T]:
        fetch, params = self._next_fetch()
        page: SyncPage[_T] = fetch(params)
        return page

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        """This page, then each following page, fetched lazily."""
        page: SyncPage[_T] = self
        seen: Set[object] = set()
        _visit(seen, self._params())
        while True:
            yield page
            if not page.has_next_page():
                return
            info = page.next_page_info()
            if info is not None:
                _visit(seen, info.params)
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]  # items, not fields
        for page in self.iter_pages():
            yield from _items(page)


class AsyncPage(_BasePage[_T], Generic[_T]):
    """One page of a list; ``async for`` walks every item of every page."""

    async def get_next_page(self) -> AsyncPage[_T]:
        fetch, params = self._next_fetch()
        page: AsyncPage[_T] = await fetch(params)
        return page

    def iter_pages(self) -> AsyncIterator[AsyncPage[_T]]:
        """This page, then each following page, fetched lazily."""
        return _AsyncPages(self)

    def __aiter__(self) -> AsyncIterator[_T]:
        return _AsyncItems(_AsyncPages(self))


# The async iterators are objects, not async generators: a loop left with ``break``
# abandons one, and trio warns (ResourceWarning) about every abandoned async generator
# when it is garbage collected. These hold no connection, so dropping them is harmless.


class _AsyncPages(Generic[_T]):
    """The pages from ``first`` on (``first`` is fetched by ``fetch_first`` if None)."""

    __slots__ = ("_fetch_first", "_page", "_seen", "_started")

    def __init__(
        self,
        first: Optional[AsyncPage[_T]],
        fetch_first: Optional[Callable[[], Awaitable[Any]]] = None,
    ) -> None:
        self._page = first
        self._fetch_first = fetch_first
        self._started = False
        self._seen: Set[object] = set()

    def __aiter__(self) -> _AsyncPages[_T]:
        return self

    async def __anext__(self) -> AsyncPage[_T]:
        page = self._page
        if page is None:
            fetch = self._fetch_first
            if fetch is None:
                raise StopAsyncIteration
            self._fetch_first = None
            page = self._page = await fetch()
        elif self._started:
            info = page.next_page_info() if page.has_next_page() else None
            if info is None:
                self._page = None
                raise StopAsyncIteration
            _visit(self._seen, info.params)
            page = self._page = await page.get_next_page()
        if not self._started:
            _visit(self._seen, page._params())
        self._started = True
        return page


class _AsyncItems(Generic[_T]):
    """Every item of every page of ``pages``."""

    __slots__ = ("_data", "_index", "_pages")

    def __init__(self, pages: _AsyncPages[_T]) -> None:
        self._pages = pages
        self._data: List[_T] = []
        self._index = 0

    def __aiter__(self) -> _AsyncItems[_T]:
        return self

    async def __anext__(self) -> _T:
        while self._index >= len(self._data):
            self._data = _items(await self._pages.__anext__())
            self._index = 0
        item = self._data[self._index]
        self._index += 1
        return item


class AsyncPaginator(Generic[_T]):
    """What async ``list()`` returns: ``await`` it for the first page, or ``async for``
    over it for every item of every page."""

    __slots__ = ("_first",)

    def __init__(self, first: Callable[[], Awaitable[Any]]) -> None:
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPage[_T]]:
        return self._first().__await__()

    def __aiter__(self) -> AsyncIterator[_T]:
        return _AsyncItems(_AsyncPages(None, self._first))


_Page = TypeVar("_Page", bound=_BasePage[Any])


def page_parser(
    page_type: type[_Page], params: Mapping[str, object], fetch: Callable[..., Any]
) -> Parser[_Page]:
    """A parser for one page of a list that binds the page to its ``Pager``."""
    pages = model_parser(page_type)
    pager = Pager(params, fetch)

    def bound(parse_page: Callable[[httpx.Response, int], _Page]) -> Callable[..., _Page]:
        def parse(response: httpx.Response, retries: int) -> _Page:
            page = parse_page(response, retries)
            page._bind(pager)
            return page

        return parse

    return Parser(bound(pages.fn), strict_fn=bound(pages.pick(True)))
