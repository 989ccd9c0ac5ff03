"""Soak: the async client sends SOAK_REQUESTS (4,000 by default) calls at SOAK_CONCURRENCY (500) to
the emulator's HTTP server on loopback, with 5 % seeded transient faults.

Every call ends as promised (the batch, or a typed transient error once retries are
exhausted); the server saw exactly one request per attempt (nothing lost, nothing
duplicated: served == clean attempts + faulted attempts); no response stays open, no
pooled connection stays checked out; open file descriptors return to their starting
level and no response, request, error or model object outlives the run.
"""

from __future__ import annotations

import gc
import os
import time
from typing import Any, Dict, List

import anyio
import httpx
import pytest
import soak_kit as sk
from reliability_kit import make_requests, new_emulator

from anthropic import AsyncAnthropic
from support import TEST_KEY

pytestmark = [
    pytest.mark.slow,
    pytest.mark.usefixtures("quiet_logs"),
    pytest.mark.timeout(int(os.environ.get("SOAK_TIMEOUT", "300"))),
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _no_sleep(_seconds: float) -> None:
    await anyio.lowlevel.checkpoint()


@pytest.mark.anyio
async def test_async_soak_over_loopback(capsys: pytest.CaptureFixture[str]) -> None:
    total, concurrency = sk.SOAK_REQUESTS, sk.SOAK_CONCURRENCY
    gc.collect()
    fds_before = sk.open_fds()
    objects_before = sk.live_objects()

    emu = new_emulator(log_size=64)
    outcomes: Dict[str, int] = {}
    unexpected: List[BaseException] = []
    with emu.serve() as server:
        counting = sk.AsyncCountingTransport(
            httpx.AsyncHTTPTransport(
                limits=httpx.Limits(
                    max_connections=concurrency, max_keepalive_connections=concurrency
                )
            )
        )
        http = httpx.AsyncClient(transport=counting, timeout=httpx.Timeout(60.0, connect=10.0))
        client = AsyncAnthropic(
            api_key=TEST_KEY,
            base_url=server.base_url,
            max_retries=sk.MAX_RETRIES,
            http_client=http,
            _sleep=_no_sleep,
        )
        async with client:
            ids = [
                (await client.messages.batches.create(requests=make_requests(2, f"b{i}"))).id
                for i in range(3)
            ]
            emu.faults = sk.soak_faults(seed=20240924)  # faults from here on
            served_before, sent_before = sk.served(emu), counting.ledger.sent
            started = time.perf_counter()
            next_call = 0

            async def worker(until: int) -> None:
                nonlocal next_call
                while next_call < until:
                    i = next_call
                    next_call += 1
                    try:
                        if i % 5 == 4:
                            page: Any = await client.messages.batches.list(limit=10)
                            assert len(page.data) == 3
                        else:
                            batch = await client.messages.batches.retrieve(ids[i % 3])
                            assert batch.id == ids[i % 3]
                        key = "ok"
                    except sk.TRANSIENT_ERRORS as exc:
                        key = type(exc).__name__
                    except BaseException as exc:  # anything else is a failed promise
                        unexpected.append(exc)
                        key = "unexpected"
                    outcomes[key] = outcomes.get(key, 0) + 1

            # half of the calls warms the pools up; then memory must stay level
            for until in (total // 2, total):
                async with anyio.create_task_group() as tg:
                    for _ in range(concurrency):
                        tg.start_soon(worker, until)
                if until < total:
                    memory_warm = sk.memory()
            memory_end = sk.memory()
            elapsed = time.perf_counter() - started
            busy = sk.busy_connections(counting.inner)
            ledger = counting.ledger
        served_total = sk.served(emu) - served_before
        faulted = sk.fired(emu)

    gc.collect()
    fds_after = sk.open_fds()
    objects_after = sk.live_objects()

    with capsys.disabled():
        print(
            f"\n[soak async] {total} calls, concurrency {concurrency}: {elapsed:.1f} s "
            f"({total / elapsed:.0f} calls/s), {served_total} requests served, "
            f"{faulted} faults, network errors {ledger.errors}, outcomes {outcomes}, "
            f"peak open responses {ledger.peak}, fds {fds_before}->{fds_after}, "
            f"after warm-up: {sk.memory_growth(memory_warm, memory_end)}"
        )
    assert unexpected == []
    assert sum(outcomes.values()) == total
    assert outcomes.get("ok", 0) >= total - 2  # 4 faults in a row: ~1 in 160,000 calls
    # one request per attempt, each attempt either clean (one per call that succeeded)
    # or faulted: nothing lost on the way, nothing sent twice
    assert served_total == outcomes.get("ok", 0) + faulted
    # every attempt the client made reached the server, or failed on the way (a fault's
    # dropped connection, or a kept-alive connection the server closed as it was reused)
    drops = sum(rule.fired for rule in emu.faults if rule.kind == "drop_before")
    assert ledger.sent - sent_before == served_total + sum(ledger.errors.values()) - drops
    assert 0.03 * served_total < faulted < 0.07 * served_total
    assert ledger.open == 0, "a response body was never closed"
    assert busy == 0, "a pooled connection is still checked out"
    assert fds_after <= fds_before + 2, f"file descriptors leaked: {fds_before} -> {fds_after}"
    assert sk.grew(objects_before, objects_after) == []
    sk.assert_memory_level(memory_warm, memory_end, calls=total - total // 2)
