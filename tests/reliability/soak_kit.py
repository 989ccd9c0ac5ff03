"""What the sync and async soak tests share: sizes, faults, counting transports, probes.

Sizes come from the environment: ``SOAK_REQUESTS`` (async, default 4,000),
``SOAK_CONCURRENCY`` (default 500), ``SOAK_SYNC_REQUESTS`` (default 5,000),
``SOAK_SYNC_WORKERS`` (default 48), ``SOAK_TIMEOUT`` (seconds, default 300). The async
default keeps the whole suite inside its 3-minute budget (4,000 calls at 500 take ~20 s
on a quiet 2-core machine); ``SOAK_REQUESTS=10000`` runs the longer soak.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from typing import Any, AsyncIterator, Dict, Iterator, List, Tuple

import httpx

import anthropic
from anthropic.emulator import Emulator, Fault, Faults

SOAK_REQUESTS = int(os.environ.get("SOAK_REQUESTS", "4000"))
SOAK_CONCURRENCY = int(os.environ.get("SOAK_CONCURRENCY", "500"))
SOAK_SYNC_REQUESTS = int(os.environ.get("SOAK_SYNC_REQUESTS", "5000"))
SOAK_SYNC_WORKERS = int(os.environ.get("SOAK_SYNC_WORKERS", "48"))
FAULT_RATE = 0.05
MAX_RETRIES = 4  # 5 % faults: four in a row (1 in 160,000 calls) is the only way to fail

#: What a call may end with when every attempt was faulted (retries exhausted).
TRANSIENT_ERRORS = (
    anthropic.RateLimitError,
    anthropic.OverloadedError,
    anthropic.ServiceUnavailableError,
    anthropic.APIConnectionError,
)


def soak_faults(seed: int) -> Faults:
    """5 % transient faults on reads, seeded: 429, 529, 503 and a dropped connection."""
    each = 1 - (1 - FAULT_RATE) ** 0.25  # four rules, one fires at most: 5 % in total
    routes = ("retrieve", "list")
    return Faults(
        [
            Fault.error(429, route=routes, probability=each),
            Fault.error(529, route=routes, probability=each),
            Fault.error(503, route=routes, probability=each),
            Fault.drop(route=routes, probability=each),
        ],
        seed=seed,
    )


def fired(emu: Emulator) -> int:
    return sum(rule.fired for rule in emu.faults)


def served(emu: Emulator) -> int:
    return emu.count("retrieve") + emu.count("list")


class Ledger:
    """Counts responses opened and closed at the transport (thread-safe)."""

    def __init__(self) -> None:
        self.sent = 0  # requests handed to the network
        self.responses = 0  # responses received (a dropped connection gives none)
        self.open = 0
        self.peak = 0
        self.errors: Dict[str, int] = {}  # exceptions the network raised, by type
        self._lock = threading.Lock()

    def attempted(self) -> None:
        with self._lock:
            self.sent += 1

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            name = type(exc).__name__
            self.errors[name] = self.errors.get(name, 0) + 1

    def opened(self) -> None:
        with self._lock:
            self.responses += 1
            self.open += 1
            self.peak = max(self.peak, self.open)

    def closed(self) -> None:
        with self._lock:
            self.open -= 1


class _SyncTracked(httpx.SyncByteStream):
    def __init__(self, inner: Any, ledger: Ledger) -> None:
        self._inner, self._ledger, self._closed = inner, ledger, False

    def __iter__(self) -> Iterator[bytes]:
        yield from self._inner

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._ledger.closed()
        self._inner.close()


class _AsyncTracked(httpx.AsyncByteStream):
    # An iterator object rather than an async generator, so that abandoning it early
    # adds no ResourceWarning of its own under trio.
    def __init__(self, inner: Any, ledger: Ledger) -> None:
        self._inner, self._ledger, self._closed = inner, ledger, False
        self._it: Any = None

    def __aiter__(self) -> AsyncIterator[bytes]:
        self._it = self._inner.__aiter__()
        return self

    async def __anext__(self) -> bytes:
        return await self._it.__anext__()  # type: ignore[no-any-return]

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            self._ledger.closed()
        await self._inner.aclose()


class CountingTransport(httpx.BaseTransport):
    """Wraps a transport; every response's body records its close in ``ledger``."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.ledger = Ledger()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.ledger.attempted()
        try:
            response = self.inner.handle_request(request)
        except Exception as exc:
            self.ledger.failed(exc)
            raise
        self.ledger.opened()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_SyncTracked(response.stream, self.ledger),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self.inner.close()


class AsyncCountingTransport(httpx.AsyncBaseTransport):
    """The async twin of ``CountingTransport``."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.ledger = Ledger()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.ledger.attempted()
        try:
            response = await self.inner.handle_async_request(request)
        except Exception as exc:
            self.ledger.failed(exc)
            raise
        self.ledger.opened()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_AsyncTracked(response.stream, self.ledger),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


def busy_connections(transport: Any) -> int:
    """Connections of an httpx transport's pool that are checked out (httpcore internals;
    0 if the layout is not the one we know)."""
    pool = getattr(transport, "_pool", None)
    connections = getattr(pool, "connections", None)
    if connections is None:
        return 0
    return sum(1 for c in connections if not (c.is_idle() or c.is_closed()))


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def memory() -> Tuple[int, int]:
    """(Python's allocated blocks after a full gc, resident set size in bytes), taken
    between two phases of load, when no call is in flight."""
    gc.collect()
    return sys.getallocatedblocks(), rss_bytes()


def memory_growth(before: Tuple[int, int], after: Tuple[int, int]) -> str:
    return f"{after[0] - before[0]:+d} Python blocks, RSS {(after[1] - before[1]) / 2**20:+.1f} MiB"


def assert_memory_level(before: Tuple[int, int], after: Tuple[int, int], *, calls: int) -> None:
    """Python objects must not accumulate per call: at most 12,000 new blocks after the
    warm-up, or 4 per call on a longer soak. The connection pool's size when a phase ends
    accounts for the noise: up to ~6,500 blocks with 500 connections on a busy machine
    (measured, both before and after a change that could not leak). One leaked response
    is dozens of blocks per call (tens of thousands here); leaked responses, requests,
    errors and models are also counted one by one (``live_objects``). RSS is only
    bounded loosely: the allocator keeps freed arenas."""
    blocks = after[0] - before[0]
    limit = max(12_000, 4 * calls)
    assert blocks < limit, f"memory grew over {calls} calls: {memory_growth(before, after)}"
    assert after[1] - before[1] < 96 * 2**20, f"RSS grew: {memory_growth(before, after)}"


_WATCHED = (httpx.Response, httpx.Request, anthropic.APIError)


def live_objects() -> Dict[str, int]:
    """How many responses, requests, errors and models are alive (after a full gc)."""
    gc.collect()
    counts: Dict[str, int] = {}
    for obj in gc.get_objects():
        if isinstance(obj, _WATCHED) or type(obj).__name__ in ("MessageBatch", "SyncPage"):
            name = type(obj).__name__
            counts[name] = counts.get(name, 0) + 1
    return counts


def grew(before: Dict[str, int], after: Dict[str, int], slack: int = 0) -> List[str]:
    return [
        f"{k}: {before.get(k, 0)} -> {v}" for k, v in after.items() if v > before.get(k, 0) + slack
    ]
