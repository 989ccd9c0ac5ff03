"""Auto-paginate 20,000 batches with ``limit=1000`` (20 pages), sync.

The transport answers ``GET /v1/messages/batches?limit=1000[&after_id=...]`` with
pre-encoded pages keyed by cursor; an unknown cursor or limit is a 400, so a side that
builds the wrong query fails verification instead of looking fast. Every run must yield
all 20,000 ids, newest first, each exactly once.

Raw floor: a ``while`` loop over ``client.get(..., params={"limit", "after_id"})`` with a
``RawPage`` model (``data: list[RawBatch]``, ``has_more``, ``first_id``, ``last_id``).

    python benchmarks/bench_paginate.py [--quick]
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Dict, List, Optional, Tuple

import _harness as h
import _wire as w
import httpx
import pydantic
from _raw_batch import RawBatch

import anthropic


class RawPage(pydantic.BaseModel):
    data: List[RawBatch]
    has_more: bool
    first_id: Optional[str] = None
    last_id: Optional[str] = None


def make_pages(total: int, limit: int) -> Tuple[Dict[Optional[str], bytes], List[str]]:
    """Pages keyed by the ``after_id`` that fetches them (``None`` for the first)."""
    ids = [f"msgbatch_{total - i:024d}" for i in range(total)]  # newest first
    statuses = ("ended", "ended", "in_progress", "canceling")
    pages: Dict[Optional[str], bytes] = {}
    cursor: Optional[str] = None
    for start in range(0, total, limit):
        chunk = ids[start : start + limit]
        data = [w.batch_dict(b, i, status=statuses[i % 4]) for i, b in enumerate(chunk, start)]
        page = {
            "data": data,
            "has_more": start + limit < total,
            "first_id": chunk[0],
            "last_id": chunk[-1],
        }
        pages[cursor] = json.dumps(page).encode()
        cursor = chunk[-1]
    return pages, ids


def make_transport(pages: Dict[Optional[str], bytes], limit: int) -> httpx.MockTransport:
    want_limit = str(limit)

    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        body = pages.get(params.get("after_id"))
        if (
            request.url.path != "/v1/messages/batches"
            or params.get("limit") != want_limit
            or "before_id" in params
            or body is None
        ):
            return httpx.Response(400, headers=w.JSON_HEADERS, content=b"{}")
        return httpx.Response(200, headers=w.JSON_HEADERS, content=body)

    return w.mock_transport(handler)


def run(quick: bool) -> List[h.Row]:
    total, limit = (60, 20) if quick else (20_000, 1_000)
    rounds = 1 if quick else 7
    pages, ids = make_pages(total, limit)
    with (
        httpx.Client(transport=make_transport(pages, limit)) as http,
        anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
        httpx.Client(
            transport=make_transport(pages, limit), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):

        def ours() -> list:
            return list(client.messages.batches.list(limit=limit))

        def raw() -> list:
            out: list = []
            params: Dict[str, object] = {"limit": limit}
            while True:
                response = raw_client.get("/v1/messages/batches", params=params)
                response.raise_for_status()
                page = RawPage.model_validate_json(response.content)
                out.extend(page.data)
                if not page.has_more:
                    return out
                params = {"limit": limit, "after_id": page.last_id}

        def verify(batches: list) -> None:
            h.check(len(batches) == total, f"got {len(batches)} batches, want {total}")
            h.check([b.id for b in batches] == ids, "ids differ from the pages (order or content)")
            h.check(isinstance(batches[-1].created_at, datetime), "created_at not parsed")
            h.check(batches[2].processing_status == "in_progress", "status")

        row = h.compare(
            f"paginate {total:,} batches (limit {limit:,})",
            ours=ours,
            raw=raw,
            verify=verify,
            rounds=rounds,
            target=1.5,
        )
    return [row]


if __name__ == "__main__":
    h.main(run)
