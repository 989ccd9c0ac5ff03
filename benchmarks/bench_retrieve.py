"""2,000 sequential ``retrieve`` calls, sync and async, over an in-process transport.

Both sides share one ``httpx.MockTransport`` that answers each batch path with
pre-encoded bytes (2,000 distinct batches), so the transport costs the same for both and
every returned batch can be checked against the id that was asked for.

Raw floor: one ``httpx.Client`` with the same auth/version headers, ``GET`` each path,
``raise_for_status()``, ``RawBatch.model_validate_json(response.content)``.

    python benchmarks/bench_retrieve.py [--quick]
"""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime
from typing import Dict, List

import _harness as h
import _wire as w
import httpx
from _raw_batch import RawBatch

import anthropic

# -- data and transport --------------------------------------------------------------------


def make_batches(n: int) -> Dict[str, bytes]:
    out = {}
    for i in range(n):
        batch_id = f"msgbatch_{i:024d}"
        out[f"/v1/messages/batches/{batch_id}"] = json.dumps(w.batch_dict(batch_id, i)).encode()
    return out


def make_transport(bodies: Dict[str, bytes], seen: List[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if not seen:
            seen.append(request)  # the first request of each client is checked afterwards
        body = bodies.get(request.url.path)
        if body is None:
            return httpx.Response(404, headers=w.JSON_HEADERS, content=b"{}")
        return httpx.Response(200, headers=w.JSON_HEADERS, content=body)

    return w.mock_transport(handler)


def verify_request(request: httpx.Request) -> None:
    h.check(request.method == "GET", f"method {request.method}")
    h.check(request.headers.get("x-api-key") == w.API_KEY, "x-api-key missing")
    h.check(request.headers.get("anthropic-version") == w.API_VERSION, "version missing")


def make_verify(ids: List[str]):
    def verify(batches: list) -> None:
        h.check(len(batches) == len(ids), f"got {len(batches)} batches, want {len(ids)}")
        for batch_id, batch in zip(ids, batches):
            h.check(batch.id == batch_id, f"asked {batch_id}, got {batch.id}")
            h.check(batch.processing_status == "ended", "status")
            h.check(batch.request_counts.succeeded == 2, "request_counts")
            h.check(isinstance(batch.created_at, datetime), "created_at not parsed")

    return verify


# -- scenario ------------------------------------------------------------------------------


def run(quick: bool) -> List[h.Row]:
    n = 20 if quick else 2_000
    rounds = 1 if quick else 7
    bodies = make_batches(n)
    ids = [path.rsplit("/", 1)[1] for path in bodies]
    verify = make_verify(ids)

    seen_ours: List[httpx.Request] = []
    seen_raw: List[httpx.Request] = []
    with (
        httpx.Client(transport=make_transport(bodies, seen_ours)) as http,
        anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
        httpx.Client(
            transport=make_transport(bodies, seen_raw), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):

        def ours() -> list:
            retrieve = client.messages.batches.retrieve
            return [retrieve(batch_id) for batch_id in ids]

        def raw() -> list:
            out = []
            for batch_id in ids:
                response = raw_client.get(f"/v1/messages/batches/{batch_id}")
                response.raise_for_status()
                out.append(RawBatch.model_validate_json(response.content))
            return out

        sync_row = h.compare(
            f"retrieve x{n:,} (sync)", ours=ours, raw=raw, verify=verify, rounds=rounds, target=1.3
        )
    verify_request(seen_ours[0])
    verify_request(seen_raw[0])

    # Each async run makes (and closes) its clients inside its own event loop; only the
    # calls are timed.
    aseen_ours: List[httpx.Request] = []
    aseen_raw: List[httpx.Request] = []

    async def aours() -> h.Measured:
        async with (
            httpx.AsyncClient(transport=make_transport(bodies, aseen_ours)) as http,
            anthropic.AsyncAnthropic(
                api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http
            ) as client,
        ):
            retrieve = client.messages.batches.retrieve
            start = time.perf_counter()
            out = [await retrieve(batch_id) for batch_id in ids]
            return h.Measured(out, time.perf_counter() - start)

    async def araw() -> h.Measured:
        async with httpx.AsyncClient(
            transport=make_transport(bodies, aseen_raw),
            base_url=w.BASE_URL,
            headers=w.raw_headers(),
        ) as client:
            start = time.perf_counter()
            out = []
            for batch_id in ids:
                response = await client.get(f"/v1/messages/batches/{batch_id}")
                response.raise_for_status()
                out.append(RawBatch.model_validate_json(response.content))
            return h.Measured(out, time.perf_counter() - start)

    async_row = h.compare(
        f"retrieve x{n:,} (async)",
        ours=lambda: asyncio.run(aours()),
        raw=lambda: asyncio.run(araw()),
        verify=verify,
        rounds=rounds,
        target=1.3,
    )
    verify_request(aseen_ours[0])
    verify_request(aseen_raw[0])
    return [sync_row, async_row]


if __name__ == "__main__":
    h.main(run)
