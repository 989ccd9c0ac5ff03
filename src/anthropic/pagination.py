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

from ._exceptions import PaginationError
from ._models import BaseModel

__all__ = ["AsyncPage", "AsyncPaginator", "PageInfo", "SyncPage", "next_page_params"]

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

    __hash__ = None  # type: ignore[assignment]


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
    nxt = {k: v for k, v in params.items() if k not in ("after_id", "before_id")}
    nxt[key] = cursor
    return nxt


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


class _BasePage(BaseModel, Generic[_T]):
    data: List[_T]
    has_more: bool = False
    first_id: Optional[str] = None
    last_id: Optional[str] = None

    # ``_params`` and ``_fetch`` are set by ``_bind`` after parsing, with
    # object.__setattr__: annotated private attributes would slow every parse (see _models).

    def _bind(
        self, params: Mapping[str, object], fetch: Callable[[Dict[str, object]], Any]
    ) -> None:
        object.__setattr__(self, "_params", dict(params))
        object.__setattr__(self, "_fetch", fetch)

    def next_page_info(self) -> Optional[PageInfo]:
        """The params of the next page, or ``None`` if this is the last one."""
        params = next_page_params(
            getattr(self, "_params", {}),
            has_more=self.has_more,
            first_id=self.first_id,
            last_id=self.last_id,
        )
        return None if params is None else PageInfo(params=params)

    def has_next_page(self) -> bool:
        """Whether another page exists (never fetches)."""
        return self.has_more and bool(self.data or self.last_id or self.first_id)


class SyncPage(_BasePage[_T], Generic[_T]):
    """One page of a list; iterating it walks every item of every page."""

    def get_next_page(self) -> SyncPage[_T]:
        info = self.next_page_info()
        if info is None:
            raise PaginationError("No next page: has_more is false. Check has_next_page() first.")
        return self._fetch(info.params)  # type: ignore[no-any-return,attr-defined]

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        """This page, then each following page, fetched lazily."""
        page: SyncPage[_T] = self
        seen: Set[object] = set()
        _visit(seen, getattr(self, "_params", {}))
        while True:
            yield page
            info = page.next_page_info()
            if info is None:
                return
            _visit(seen, info.params)
            page = page.get_next_page()

    def __iter__(self) -> Iterator[_T]:  # type: ignore[override]
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_BasePage[_T], Generic[_T]):
    """One page of a list; ``async for`` walks every item of every page."""

    async def get_next_page(self) -> AsyncPage[_T]:
        info = self.next_page_info()
        if info is None:
            raise PaginationError("No next page: has_more is false. Check has_next_page() first.")
        return await self._fetch(info.params)  # type: ignore[no-any-return,attr-defined]

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
            info = page.next_page_info()
            if info is None:
                self._page = None
                raise StopAsyncIteration
            _visit(self._seen, info.params)
            page = self._page = await page.get_next_page()
        if not self._started:
            _visit(self._seen, getattr(page, "_params", {}))
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
            self._data = (await self._pages.__anext__()).data
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
