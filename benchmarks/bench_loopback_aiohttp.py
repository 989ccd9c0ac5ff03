"""The loopback scenario on aiohttp: 5,000 async ``retrieve`` at concurrency 500.

Same server, data, workers and verification as ``bench_loopback.py``; only the HTTP
stack differs: ours is ``AsyncAnthropic(http_client=anthropic.DefaultAioHttpClient(...))``
and the raw floor is ``httpx_aiohttp.HttpxAiohttpClient`` (the same aiohttp transport)
with ``get`` + ``raise_for_status`` + ``model_validate_json``. Both get the same limits
and timeout. Needs the ``aiohttp`` extra (``pip install -e ".[aiohttp]"``).

    python benchmarks/bench_loopback_aiohttp.py [--quick]
"""

from __future__ import annotations

import asyncio
from typing import List

import _harness as h
import _wire as w
import httpx
from bench_loopback import Server, drive, raw_retrieve, seed, verify_batches

import anthropic


def run(quick: bool) -> List[h.Row]:
    from httpx_aiohttp import HttpxAiohttpClient

    total, concurrency = (100, 20) if quick else (5_000, 500)
    rounds = 1 if quick else 5
    connections = min(concurrency, 100)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    timeout = httpx.Timeout(60.0)

    with Server() as base_url:
        ids = seed(base_url, 3 if quick else 20)

        async def ours() -> h.Measured:
            http = anthropic.DefaultAioHttpClient(limits=limits, timeout=timeout)
            async with anthropic.AsyncAnthropic(
                api_key=w.API_KEY, base_url=base_url, http_client=http
            ) as client:
                try:
                    return await drive(client.messages.batches.retrieve, ids, total, concurrency)
                finally:
                    await http.aclose()

        async def raw() -> h.Measured:
            async with HttpxAiohttpClient(
                base_url=base_url, headers=w.raw_headers(), limits=limits, timeout=timeout
            ) as client:
                return await drive(raw_retrieve(client), ids, total, concurrency)

        row = h.compare(
            f"loopback (aiohttp): {total:,} async retrieve @ {concurrency}",
            ours=lambda: asyncio.run(ours()),
            raw=lambda: asyncio.run(raw()),
            verify=lambda value: verify_batches(value, total),
            rounds=rounds,
            target=1.2,
            warmup=0,
            memory=False,
            note=(
                "as loopback, over httpx-aiohttp's transport on both sides; "
                f"{connections} pooled connections; {rounds} round(s)"
            ),
        )
    return [row]


if __name__ == "__main__":
    h.main(run)
