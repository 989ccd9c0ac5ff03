"""Async: 5,000 ``retrieve`` calls at concurrency 500 over loopback HTTP to the emulator.

The emulator's HTTP server (``EmulatorServer``, uvicorn, 127.0.0.1, port 0) runs in a
child process, so its work does not share this process's GIL with the client being
measured; it is stopped at the end. 500 worker tasks make 5,000 calls; each run first
warms the pool with one call per worker, then times the 5,000 calls.

Both sides get an ``httpx.AsyncClient`` with the same timeout and the same limits:
100 connections, all kept alive (httpx's default connection cap). More connections make
both sides *slower*: httpcore's pool scans every connection for every queued request
(``AsyncConnectionPool._assign_requests_to_connections``), so at 500 connections the
client spends most of its CPU there (~80 req/s vs ~400 req/s at 100) and a run of
5,000 calls would take a minute, for a ratio that only measures httpcore.

Raw floor: ``await client.get(path)``, ``raise_for_status()``, ``model_validate_json``.

    python benchmarks/bench_loopback.py [--quick]
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from typing import Any, Awaitable, Callable, List

import _harness as h
import _wire as w
import httpx
from _raw_batch import RawBatch

import anthropic

SERVER = """
import sys
from anthropic.emulator import Emulator, EmulatorServer
server = EmulatorServer(Emulator(api_key=sys.argv[1]), host="127.0.0.1", port=0).start()
print(server.base_url, flush=True)
sys.stdin.read()   # run until the parent closes our stdin
server.stop()
"""


class Server:
    """The emulator server in a child process (``with Server() as base_url``)."""

    def __enter__(self) -> str:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, w.API_KEY],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.__exit__()
            raise RuntimeError(f"emulator server did not start: {line!r}")
        return line

    def __exit__(self, *exc: object) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()


def seed(base_url: str, count: int) -> List[str]:
    """Create ``count`` batches over HTTP; their ids are what the scenario retrieves."""
    ids = []
    with httpx.Client(base_url=base_url, headers=w.raw_headers(), timeout=30) as client:
        for b in range(count):
            body = {
                "requests": [
                    {
                        "custom_id": f"b{b}-r{i}",
                        "params": {
                            "model": "claude-sonnet-4-20250514",
                            "max_tokens": 16,
                            "messages": [{"role": "user", "content": "Hi"}],
                        },
                    }
                    for i in range(3)
                ]
            }
            response = client.post("/v1/messages/batches", json=body)
            response.raise_for_status()
            ids.append(response.json()["id"])
    return ids


async def drive(
    call: Callable[[str], Awaitable[Any]], ids: List[str], total: int, concurrency: int
) -> h.Measured:
    """Warm one connection per worker, then time ``total`` calls by ``concurrency`` workers."""
    await asyncio.gather(*(call(ids[w % len(ids)]) for w in range(concurrency)))
    asked = [ids[i % len(ids)] for i in range(total)]
    got: List[Any] = [None] * total

    async def worker(w: int) -> None:
        for i in range(w, total, concurrency):
            got[i] = await call(asked[i])

    start = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(concurrency)))
    return h.Measured((asked, got), time.perf_counter() - start)


def raw_retrieve(client: httpx.AsyncClient) -> Callable[[str], Awaitable[RawBatch]]:
    """The floor's retrieve: GET, raise on an error status, parse with its own model."""

    async def retrieve(batch_id: str) -> RawBatch:
        response = await client.get(f"/v1/messages/batches/{batch_id}")
        response.raise_for_status()
        return RawBatch.model_validate_json(response.content)

    return retrieve


def verify_batches(value: Any, total: int) -> None:
    """``drive``'s (asked, got): one batch per call, each the one asked for, counts whole."""
    asked, got = value
    h.check(len(got) == total, f"{len(got)} results, want {total}")
    for batch_id, batch in zip(asked, got):
        h.check(batch is not None and batch.id == batch_id, f"wrong batch for {batch_id}")
        h.check(batch.request_counts.processing + batch.request_counts.succeeded
                + batch.request_counts.errored == 3, "request_counts")  # fmt: skip


def run(quick: bool) -> List[h.Row]:
    total, concurrency = (100, 20) if quick else (5_000, 500)
    rounds = 1 if quick else 5
    connections = min(concurrency, 100)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    timeout = httpx.Timeout(60.0)

    with Server() as base_url:
        ids = seed(base_url, 3 if quick else 20)

        async def ours() -> h.Measured:
            async with (
                httpx.AsyncClient(limits=limits, timeout=timeout) as http,
                anthropic.AsyncAnthropic(
                    api_key=w.API_KEY, base_url=base_url, http_client=http
                ) as client,
            ):
                return await drive(client.messages.batches.retrieve, ids, total, concurrency)

        async def raw() -> h.Measured:
            async with httpx.AsyncClient(
                base_url=base_url, headers=w.raw_headers(), limits=limits, timeout=timeout
            ) as client:
                return await drive(raw_retrieve(client), ids, total, concurrency)

        row = h.compare(
            f"loopback: {total:,} async retrieve @ {concurrency}",
            ours=lambda: asyncio.run(ours()),
            raw=lambda: asyncio.run(raw()),
            verify=lambda value: verify_batches(value, total),
            rounds=rounds,
            target=1.2,
            warmup=0,  # every run warms its own connection pool first
            memory=False,
            note=(
                "emulator server (uvicorn, h11) in a child process; both sides "
                f"{connections} pooled connections; {rounds} round(s), each warms its pool"
            ),
        )
    return [row]


if __name__ == "__main__":
    h.main(run)
