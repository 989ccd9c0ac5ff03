"""Cursor pagination of ``batches.list``: page fields, walking, directions, bad cursors."""

from __future__ import annotations

import math
from typing import Any, Dict, List

import anyio
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pagination_kit import (
    NEWER_THAN_ALL,
    OLDER_THAN_ALL,
    FakeList,
    async_client,
    page_body,
    pages_json,
    sync_client,
    walk_ids,
    walk_pages,
)

import anthropic
from anthropic.pagination import AsyncPage, PageInfo, SyncPage, next_page_params
from support import api_json

P1 = api_json("batch.list.page1.json")
P2 = api_json("batch.list.page2.json")
P1_IDS = [b["id"] for b in P1["data"]]
P2_IDS = [b["id"] for b in P2["data"]]


# -- the pure cursor rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "page", "expected"),
    [
        ({}, (True, "a", "b"), {"after_id": "b"}),
        ({"limit": 5}, (True, "a", "b"), {"limit": 5, "after_id": "b"}),
        ({"limit": 5, "after_id": "x"}, (True, "a", "b"), {"limit": 5, "after_id": "b"}),
        ({"limit": 5, "before_id": "x"}, (True, "a", "b"), {"limit": 5, "before_id": "a"}),
        ({"limit": 5}, (False, "a", "b"), None),
        ({"before_id": "x"}, (False, None, None), None),
        ({}, (False, None, None), None),
    ],
)
def test_next_page_params(
    params: Dict[str, object], page: tuple[bool, Any, Any], expected: Any
) -> None:
    has_more, first_id, last_id = page
    assert (
        next_page_params(params, has_more=has_more, first_id=first_id, last_id=last_id) == expected
    )
    assert params.get("after_id", params.get("before_id", "x")) in ("x", None)  # not mutated


@pytest.mark.parametrize(
    ("params", "first_id", "last_id", "match"),
    [
        ({}, "a", None, "no last_id"),
        ({}, "a", "", "no last_id"),
        ({"before_id": "x"}, None, "b", "no first_id"),
        ({"after_id": "b"}, "a", "b", "is the one just used"),
        ({"before_id": "a"}, "a", "b", "is the one just used"),
    ],
)
def test_next_page_params_rejects_bad_cursors(
    params: Dict[str, object], first_id: Any, last_id: Any, match: str
) -> None:
    with pytest.raises(anthropic.PaginationError, match=match):
        next_page_params(params, has_more=True, first_id=first_id, last_id=last_id)


# -- through the client -----------------------------------------------------------------------


def fixture_pages() -> Any:
    """page1 without a cursor, page2 after page1's last_id (anything else is a test bug)."""
    seen: List[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        after = request.url.params.get("after_id")
        assert after in (None, P1["last_id"]), after
        return httpx.Response(200, json=P2 if after else P1, headers={"request-id": "r"})

    handler.requests = seen  # type: ignore[attr-defined]
    return handler


@pytest.mark.anyio
async def test_iterating_walks_every_page(flavor: str) -> None:
    handler = fixture_pages()
    assert await walk_ids(flavor, handler, limit=2) == P1_IDS + P2_IDS
    first, second = handler.requests
    assert dict(first.url.params) == {"limit": "2"}
    assert dict(second.url.params) == {"limit": "2", "after_id": P1["last_id"]}


@pytest.mark.anyio
async def test_iter_pages(flavor: str) -> None:
    handler = fixture_pages()
    assert await walk_pages(flavor, handler, limit=2) == [P1_IDS, P2_IDS]
    assert len(handler.requests) == 2


@pytest.mark.anyio
async def test_page_fields_and_navigation(flavor: str) -> None:
    handler = fixture_pages()
    if flavor == "sync":
        with sync_client(handler) as client:
            page = client.messages.batches.list(limit=2)
            assert isinstance(page, SyncPage)
            nxt = _check_first_page(page)
            last = page.get_next_page()
    else:
        async with async_client(handler) as aclient:
            page = await aclient.messages.batches.list(limit=2)
            assert isinstance(page, AsyncPage)
            nxt = _check_first_page(page)
            last = await page.get_next_page()
    assert len(handler.requests) == 2
    # next_page_info() holds the cursor only (as the official SDK's); the fetch keeps limit.
    assert nxt.params == {"after_id": P1["last_id"]}
    assert dict(handler.requests[1].url.params) == {"limit": "2", "after_id": P1["last_id"]}
    assert [b.id for b in last.data] == P2_IDS
    assert (last.has_more, last.first_id, last.last_id) == (False, P2_IDS[0], P2_IDS[0])
    assert last.has_next_page() is False
    assert last.next_page_info() is None
    with pytest.raises(anthropic.PaginationError, match="No next page"):
        if flavor == "sync":
            last.get_next_page()
        else:
            await last.get_next_page()
    assert len(handler.requests) == 2  # never fetched past has_more=false


def _check_first_page(page: Any) -> PageInfo:
    assert [b.id for b in page.data] == P1_IDS
    assert all(isinstance(b, anthropic.types.messages.MessageBatch) for b in page.data)
    assert (page.has_more, page.first_id, page.last_id) == (True, P1["first_id"], P1["last_id"])
    assert page.has_next_page() is True
    info = page.next_page_info()
    assert info == PageInfo(params={"after_id": P1["last_id"]})
    assert repr(info) == f"PageInfo(params={{'after_id': '{P1['last_id']}'}})"
    return info  # type: ignore[no-any-return]


@pytest.mark.anyio
async def test_backward_when_started_with_before_id(flavor: str) -> None:
    handler = pages_json(page_body(["n3", "n2"], True), page_body(["n1"], False))
    assert await walk_ids(flavor, handler, before_id="old", limit=2) == ["n3", "n2", "n1"]
    first, second = handler.requests
    assert dict(first.url.params) == {"before_id": "old", "limit": "2"}
    assert dict(second.url.params) == {"before_id": "n3", "limit": "2"}


@pytest.mark.anyio
async def test_forward_when_started_with_after_id(flavor: str) -> None:
    handler = pages_json(page_body(["o1", "o2"], True), page_body(["o3"], False))
    assert await walk_ids(flavor, handler, after_id="new", limit=2) == ["o1", "o2", "o3"]
    assert dict(handler.requests[1].url.params) == {"after_id": "o2", "limit": "2"}


@pytest.mark.anyio
async def test_extra_headers_and_query_are_kept_on_later_pages(flavor: str) -> None:
    handler = fixture_pages()
    ids = await walk_ids(
        flavor, handler, limit=2, extra_headers={"x-trace": "t"}, extra_query={"q": "1"}
    )
    assert ids == P1_IDS + P2_IDS
    for request in handler.requests:
        assert request.headers["x-trace"] == "t"
        assert request.url.params["q"] == "1"
    assert handler.requests[1].url.params["after_id"] == P1["last_id"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    "body",
    [
        page_body([], False),
        page_body(["a"], False),
    ],
)
async def test_no_fetch_when_has_more_is_false(flavor: str, body: Dict[str, Any]) -> None:
    handler = pages_json(body, page_body(["never"], False))
    assert await walk_ids(flavor, handler) == [b["id"] for b in body["data"]]
    assert len(handler.requests) == 1


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("kwargs", "body", "match"),
    [
        ({}, page_body(["a", "b"], True, last_id=None), "no last_id"),
        ({}, page_body([], True, first_id=None, last_id=None), "no last_id"),
        ({"before_id": "z"}, page_body(["a", "b"], True, first_id=None), "no first_id"),
        ({"after_id": "b"}, page_body(["c"], True, last_id="b"), "is the one just used"),
    ],
)
async def test_bad_cursor_raises_instead_of_stopping_or_looping(
    flavor: str, kwargs: Dict[str, Any], body: Dict[str, Any], match: str
) -> None:
    handler = pages_json(body)
    seen: List[str] = []

    async def consume() -> None:
        if flavor == "sync":
            with sync_client(handler) as client:
                for b in client.messages.batches.list(**kwargs):
                    seen.append(b.id)
        else:
            async with async_client(handler) as aclient:
                async for b in aclient.messages.batches.list(**kwargs):
                    seen.append(b.id)

    with pytest.raises(anthropic.PaginationError, match=match):
        await consume()
    assert seen == [b["id"] for b in body["data"]]  # the page's items came first
    assert len(handler.requests) == 1


@pytest.mark.anyio
async def test_cursor_not_advancing_across_pages(flavor: str) -> None:
    # page 2 hands back the cursor that fetched it: stop with an error, do not loop
    handler = pages_json(page_body(["a", "b"], True), page_body(["c", "b"], True))
    with pytest.raises(anthropic.PaginationError, match="after_id='b'"):
        await walk_ids(flavor, handler)
    assert len(handler.requests) == 2


@pytest.mark.parametrize("flavor", ["asyncio", "trio"])
@pytest.mark.anyio
async def test_async_list_is_awaitable_and_async_iterable(flavor: str) -> None:
    handler = fixture_pages()
    async with async_client(handler) as aclient:
        paginator = aclient.messages.batches.list(limit=2)
        assert handler.requests == []  # lazy until awaited or iterated
        page = await paginator
        assert [b.id for b in page.data] == P1_IDS
        assert [b.id async for b in page] == P1_IDS + P2_IDS
        assert [b.id async for b in aclient.messages.batches.list(limit=2)] == P1_IDS + P2_IDS
    assert len(handler.requests) == 1 + 1 + 2


# -- hypothesis: a fake server over random sizes, limits and directions ------------------------


def expected_pages(ids: List[str], start: int, limit: int, backward: bool) -> List[List[str]]:
    """Pages as the API serves them, computed independently of the SDK."""
    pages: List[List[str]] = []
    if backward:
        end = start
        while True:
            lo = max(0, end - limit)
            pages.append(ids[lo:end])
            if lo == 0:
                return pages
            end = lo
    pos = start
    while True:
        pages.append(ids[pos : pos + limit])
        pos += limit
        if pos >= len(ids):
            return pages


def run_flavor(flavor: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    async def main() -> Any:
        return await fn(flavor, *args, **kwargs)

    return anyio.run(main, backend="trio" if flavor == "trio" else "asyncio")


@pytest.mark.parametrize("flavor", ["sync", "asyncio", "trio"])
@settings(max_examples=25, deadline=None)
@given(
    n=st.integers(0, 60),
    limit=st.integers(1, 25),
    direction=st.sampled_from(["none", "forward", "backward"]),
)
def test_walk_matches_server(flavor: str, n: int, limit: int, direction: str) -> None:
    batch_ids = [f"msgbatch_{i:04d}" for i in range(n)]  # newest first
    server = FakeList(batch_ids)
    kwargs: Dict[str, Any] = {"limit": limit}
    if direction == "forward":  # from a cursor newer than every batch
        kwargs["after_id"] = NEWER_THAN_ALL
    elif direction == "backward":  # from a cursor older than every batch
        kwargs["before_id"] = OLDER_THAN_ALL
    start = n if direction == "backward" else 0
    pages = expected_pages(batch_ids, start, limit, backward=direction == "backward")

    ids = run_flavor(flavor, walk_ids, server, **kwargs)
    assert sorted(ids) == batch_ids  # no skips
    assert len(set(ids)) == len(ids)  # no repeats
    assert ids == [i for page in pages for i in page]  # in the order the pages come
    assert len(server.requests) == max(1, math.ceil(n / limit))
    for request in server.requests:
        params = request.url.params
        assert params["limit"] == str(limit)
        assert not ("after_id" in params and "before_id" in params)
        assert ("before_id" in params) == (direction == "backward")


@pytest.mark.parametrize("flavor", ["sync", "asyncio", "trio"])
@settings(max_examples=20, deadline=None)
@given(n=st.integers(0, 40), limit=st.integers(1, 15))
def test_iter_pages_matches_server(flavor: str, n: int, limit: int) -> None:
    batch_ids = [f"msgbatch_{i:04d}" for i in range(n)]
    server = FakeList(batch_ids)
    pages = run_flavor(flavor, walk_pages, server, limit=limit)
    assert pages == expected_pages(batch_ids, 0, limit, backward=False)
    assert len(server.requests) == max(1, math.ceil(n / limit))
