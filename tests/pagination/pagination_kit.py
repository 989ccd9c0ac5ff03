"""A fake ``GET /v1/messages/batches`` server and a sync/async walker for page tests."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import httpx

import anthropic
from support import TEST_KEY, api_json

LIST_PATH = "/v1/messages/batches"
# Cursors the fake server places before the newest / after the oldest batch it holds.
NEWER_THAN_ALL = "msgbatch_newer_than_all"
OLDER_THAN_ALL = "msgbatch_older_than_all"
_TEMPLATE = api_json("batch.in_progress.json")


def batch_json(batch_id: str) -> Dict[str, Any]:
    return {**_TEMPLATE, "id": batch_id}


class FakeList:
    """Holds batches newest first and pages them the way the API does.

    ``after_id=X``: the ``limit`` batches right after X (older); ``before_id=X``: the
    ``limit`` batches right before X (newer), still newest first within the page.
    """

    def __init__(self, ids: List[str]) -> None:
        self.ids = ids
        self.requests: List[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert request.method == "GET"
        assert request.url.path == LIST_PATH
        params = request.url.params
        limit = int(params.get("limit", "20"))
        after, before = params.get("after_id"), params.get("before_id")
        assert not (after and before)
        if after:
            start = 0 if after == NEWER_THAN_ALL else self.ids.index(after) + 1
            page = self.ids[start : start + limit]
            has_more = start + limit < len(self.ids)
        elif before:
            end = len(self.ids) if before == OLDER_THAN_ALL else self.ids.index(before)
            start = max(0, end - limit)
            page = self.ids[start:end]
            has_more = start > 0
        else:
            page = self.ids[:limit]
            has_more = limit < len(self.ids)
        body = {
            "data": [batch_json(i) for i in page],
            "has_more": has_more,
            "first_id": page[0] if page else None,
            "last_id": page[-1] if page else None,
        }
        return httpx.Response(200, content=json.dumps(body).encode(), headers={"request-id": "r"})


def pages_json(*pages: Dict[str, Any]) -> Any:
    """A handler serving ``pages`` in order (then repeating the last)."""
    queue = list(pages)
    seen: List[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = queue.pop(0) if len(queue) > 1 else queue[0]
        return httpx.Response(200, json=body, headers={"request-id": "r"})

    handler.requests = seen  # type: ignore[attr-defined]
    return handler


def page_body(
    ids: List[str], has_more: bool, first_id: Optional[str] = "", last_id: Optional[str] = ""
) -> Dict[str, Any]:
    return {
        "data": [batch_json(i) for i in ids],
        "has_more": has_more,
        "first_id": (ids[0] if ids else None) if first_id == "" else first_id,
        "last_id": (ids[-1] if ids else None) if last_id == "" else last_id,
    }


def sync_client(handler: Any) -> anthropic.Anthropic:
    return anthropic.Anthropic(
        api_key=TEST_KEY, http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )


def async_client(handler: Any) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(
        api_key=TEST_KEY, http_client=httpx.AsyncClient(transport=httpx.MockTransport(handler))
    )


async def walk_ids(flavor: str, handler: Any, **list_kwargs: Any) -> List[str]:
    """Every batch id of every page, walked by iterating the list result."""
    if flavor == "sync":
        with sync_client(handler) as client:
            return [b.id for b in client.messages.batches.list(**list_kwargs)]
    async with async_client(handler) as aclient:
        return [b.id async for b in aclient.messages.batches.list(**list_kwargs)]


async def walk_pages(flavor: str, handler: Any, **list_kwargs: Any) -> List[List[str]]:
    """The ids of each page, walked with ``iter_pages()`` on the first page."""
    if flavor == "sync":
        with sync_client(handler) as client:
            first = client.messages.batches.list(**list_kwargs)
            return [[b.id for b in p.data] for p in first.iter_pages()]
    async with async_client(handler) as aclient:
        afirst = await aclient.messages.batches.list(**list_kwargs)
        return [[b.id for b in p.data] async for p in afirst.iter_pages()]
