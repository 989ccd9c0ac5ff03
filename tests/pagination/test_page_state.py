"""Paging state is explicit: ``has_next_page()`` and ``get_next_page()`` always agree, and
a page built by hand says it has no next page instead of failing with AttributeError."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pagination_kit import batch_json, page_body, pages_json, sync_client

import anthropic
from anthropic.pagination import AsyncPage, SyncPage
from anthropic.types.messages import MessageBatch


@pytest.mark.parametrize("page_type", [SyncPage[MessageBatch], AsyncPage[MessageBatch]])
def test_hand_built_page_has_no_next_page(page_type: Any) -> None:
    page = page_type.model_validate(page_body(["a", "b"], True))
    assert page.has_more is True
    assert page.has_next_page() is False
    assert page.next_page_info() is not None  # the pure cursor logic still answers


def test_next_page_info_is_the_cursor_alone_and_the_fetch_keeps_the_params() -> None:
    # As the official SDK: PageInfo(params={"before_id": first_id}) when paging backward.
    handler = pages_json(page_body(["n3", "n2"], True), page_body(["n1"], False))
    with sync_client(handler) as client:
        page = client.messages.batches.list(before_id="old", limit=2)
        assert page.next_page_info() == anthropic.pagination.PageInfo(params={"before_id": "n3"})
        page.get_next_page()
    assert dict(handler.requests[1].url.params) == {"before_id": "n3", "limit": "2"}


def test_query_strings_are_in_the_official_order() -> None:
    # Observed on the official SDK: after_id/before_id before limit, and a later page's
    # cursor in the place of the one sent.
    handler = pages_json(page_body(["o1", "o2"], True), page_body(["o3"], False))
    with sync_client(handler) as client:
        client.messages.batches.list(limit=5, after_id="a1").get_next_page()
    first, second = (r.url.query.decode() for r in handler.requests)
    assert (first, second) == ("after_id=a1&limit=5", "after_id=o2&limit=5")
    handler = pages_json(page_body(["o1", "o2"], True), page_body(["o3"], False))
    with sync_client(handler) as client:
        client.messages.batches.list(limit=2).get_next_page()
    assert [r.url.query.decode() for r in handler.requests] == ["limit=2", "limit=2&after_id=o2"]


def test_hand_built_page_get_next_page_raises_a_clear_error() -> None:
    page = SyncPage[MessageBatch].model_validate(page_body(["a", "b"], True))
    with pytest.raises(anthropic.PaginationError, match="not returned by a client's list"):
        page.get_next_page()
    assert [b.id for b in page] == ["a", "b"]  # iterating it yields its own items only


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
async def test_hand_built_async_page_get_next_page_raises_a_clear_error() -> None:
    page = AsyncPage[MessageBatch].model_validate(page_body(["a"], True))
    with pytest.raises(anthropic.PaginationError, match="not returned by a client's list"):
        await page.get_next_page()


cursor = st.one_of(st.none(), st.sampled_from(["", "a", "b", "z"]))


@given(
    ids=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    has_more=st.booleans(),
    first_id=cursor,
    last_id=cursor,
    start=st.sampled_from([{}, {"after_id": "b"}, {"before_id": "z"}]),
)
def test_has_next_page_agrees_with_get_next_page(
    ids: List[str],
    has_more: bool,
    first_id: Optional[str],
    last_id: Optional[str],
    start: Dict[str, str],
) -> None:
    body = {
        "data": [batch_json(i) for i in ids],
        "has_more": has_more,
        "first_id": first_id,
        "last_id": last_id,
    }
    handler = pages_json(body, page_body(["next"], False))
    with sync_client(handler) as client:
        page = client.messages.batches.list(**start)
        try:
            says_next = page.has_next_page()
        except anthropic.PaginationError as exc:
            with pytest.raises(anthropic.PaginationError, match=str(exc)[:20]):
                page.get_next_page()
            return
        if says_next:
            assert [b.id for b in page.get_next_page().data] == ["next"]
            assert len(handler.requests) == 2
        else:
            with pytest.raises(anthropic.PaginationError):
                page.get_next_page()
            assert len(handler.requests) == 1
