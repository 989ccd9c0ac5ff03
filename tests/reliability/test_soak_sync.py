"""Soak: the sync client, shared by a thread pool (SOAK_SYNC_WORKERS threads), sends
SOAK_SYNC_REQUESTS calls to the emulator's HTTP server on loopback with 5 % seeded
transient faults. The same promises as the async soak (see test_soak_async.py).
"""

from __future__ import annotations

import gc
import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List

import httpx
import pytest
import soak_kit as sk
from reliability_kit import make_requests, new_emulator

from anthropic import Anthropic
from support import TEST_KEY

pytestmark = [
    pytest.mark.slow,
    pytest.mark.usefixtures("quiet_logs"),
    pytest.mark.timeout(int(os.environ.get("SOAK_TIMEOUT", "300"))),
]


def test_sync_soak_from_a_thread_pool(capsys: pytest.CaptureFixture[str]) -> None:
    total, workers = sk.SOAK_SYNC_REQUESTS, sk.SOAK_SYNC_WORKERS
    gc.collect()
    fds_before = sk.open_fds()
    objects_before = sk.live_objects()

    emu = new_emulator(log_size=64)
    unexpected: List[BaseException] = []
    with emu.serve() as server:
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        counting = sk.CountingTransport(httpx.HTTPTransport(limits=limits))
        http = httpx.Client(transport=counting, timeout=httpx.Timeout(60.0, connect=10.0))
        client = Anthropic(
            api_key=TEST_KEY,
            base_url=server.base_url,
            max_retries=sk.MAX_RETRIES,
            http_client=http,
            _sleep=lambda _seconds: None,
        )
        with client:
            ids = [
                client.messages.batches.create(requests=make_requests(2, f"b{i}")).id
                for i in range(3)
            ]
            emu.faults = sk.soak_faults(seed=19)  # faults from here on
            served_before, sent_before = sk.served(emu), counting.ledger.sent

            def call(i: int) -> str:
                try:
                    if i % 5 == 4:
                        page: Any = client.messages.batches.list(limit=10)
                        assert len(page.data) == 3
                    else:
                        assert client.messages.batches.retrieve(ids[i % 3]).id == ids[i % 3]
                    return "ok"
                except sk.TRANSIENT_ERRORS as exc:
                    return type(exc).__name__
                except BaseException as exc:  # anything else is a failed promise
                    unexpected.append(exc)
                    return "unexpected"

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=workers) as pool:
                # half of the calls warms the pools up; then memory must stay level
                results = list(pool.map(call, range(total // 2)))
                memory_warm = sk.memory()
                results += pool.map(call, range(total // 2, total))
                memory_end = sk.memory()
            elapsed = time.perf_counter() - started
            busy = sk.busy_connections(counting.inner)
            ledger = counting.ledger
        served_total = sk.served(emu) - served_before
        faulted = sk.fired(emu)
        drops = sum(rule.fired for rule in emu.faults if rule.kind == "drop_before")

    outcomes: Dict[str, int] = {}
    for key in results:
        outcomes[key] = outcomes.get(key, 0) + 1
    gc.collect()
    fds_after = sk.open_fds()
    objects_after = sk.live_objects()

    with capsys.disabled():
        print(
            f"\n[soak sync] {total} calls, {workers} threads: {elapsed:.1f} s "
            f"({total / elapsed:.0f} calls/s), {served_total} requests served, "
            f"{faulted} faults, network errors {ledger.errors}, outcomes {outcomes}, "
            f"peak open responses {ledger.peak}, fds {fds_before}->{fds_after}, "
            f"after warm-up: {sk.memory_growth(memory_warm, memory_end)}"
        )
    assert unexpected == []
    assert len(results) == total
    assert outcomes.get("ok", 0) >= total - 2
    assert served_total == outcomes.get("ok", 0) + faulted
    assert ledger.sent - sent_before == served_total + sum(ledger.errors.values()) - drops
    assert 0.03 * served_total < faulted < 0.07 * served_total
    assert ledger.open == 0, "a response body was never closed"
    assert busy == 0, "a pooled connection is still checked out"
    assert fds_after <= fds_before + 2, f"file descriptors leaked: {fds_before} -> {fds_after}"
    assert sk.grew(objects_before, objects_after) == []
    sk.assert_memory_level(memory_warm, memory_end, calls=total - total // 2)
