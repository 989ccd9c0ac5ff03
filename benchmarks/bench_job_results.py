"""Save a job's results: 8 batches x 50,000 lines, downloaded side by side.

The emulator (in process) serves every batch; a shaping transport in front of it adds a
per-request latency and limits each response body to a fixed bandwidth (sleeping per
64 KiB chunk, as a slow link would), so the time is the network's, not the CPU's. Ours
is ``save_job_results(client, job, path, concurrency=8)``; the reference is
``save_results`` of the largest single batch over the same link. Target: the whole job
takes at most 1.5 x the largest batch alone (read one after another, it is 8 x).
Verified: the file holds every custom_id exactly once.

    python benchmarks/bench_job_results.py [--quick]
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from typing import Iterator, List

import _harness as h
import httpx

from anthropic.emulator import Emulator
from anthropic.lib import save_job_results, save_results
from anthropic.types.messages.batch_create_params import Request

BATCHES = 8
LATENCY = 0.05  # seconds before each response
# Bytes per second per response body: a results download over the internet. The target
# holds while the link is the bottleneck; the in-process emulator and the client share
# one GIL (about 1 s of CPU per 50,000-line batch on a 2-core machine), so at ~20 MB/s
# per stream the CPU, not the link, bounds 8 streams.
BANDWIDTH = 4e6
CHUNK = 64 * 1024


class _ShapedStream(httpx.SyncByteStream):
    def __init__(self, inner: httpx.SyncByteStream) -> None:
        self._inner = inner

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            for start in range(0, len(chunk), CHUNK):
                piece = chunk[start : start + CHUNK]
                time.sleep(len(piece) / BANDWIDTH)
                yield piece

    def close(self) -> None:
        self._inner.close()


class ShapedTransport(httpx.BaseTransport):
    """Latency per request and a bandwidth limit per body, in front of ``inner``."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        time.sleep(LATENCY)
        response = self._inner.handle_request(request)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_ShapedStream(response.stream),
            request=request,
        )


def _requests(batch: int, n: int) -> List[Request]:
    return [
        {
            "custom_id": f"b{batch}-{i:06d}",
            "params": {
                "model": "claude-sonnet-4-20250514",
                "max_tokens": 16,
                "messages": [{"role": "user", "content": "hi"}],
            },
        }
        for i in range(n)
    ]


def run(quick: bool) -> List[h.Row]:
    per_batch = 500 if quick else 50_000
    emu = Emulator(processing_time=0, seed=3)
    setup = emu.client(max_retries=0)
    create = setup.messages.batches.create
    ids = [create(requests=_requests(b, per_batch)).id for b in range(BATCHES)]
    client = emu.client(
        max_retries=0,
        http_client=httpx.Client(
            transport=ShapedTransport(emu.transport()),
            base_url=str(setup.base_url),
            limits=httpx.Limits(max_connections=BATCHES * 2),
        ),
    )
    with tempfile.TemporaryDirectory() as tmp:
        single_path = os.path.join(tmp, "single.jsonl")
        started = time.perf_counter()
        save_results(client, ids[0], single_path)
        single = time.perf_counter() - started

        job_path = os.path.join(tmp, "job.jsonl")
        started = time.perf_counter()
        report = save_job_results(client, ids, job_path, concurrency=BATCHES)
        whole = time.perf_counter() - started

        with open(job_path, encoding="utf-8") as handle:
            seen = [json.loads(line)["custom_id"] for line in handle]
    expected = sorted(f"b{b}-{i:06d}" for b in range(BATCHES) for i in range(per_batch))
    verified = sorted(seen) == expected and report.lines == len(expected)
    return [
        h.Row(
            f"job_results ({BATCHES}x{per_batch:,})",
            ours=whole,
            raw=single,
            target=1.5,
            kind="scale",
            value=whole / single,
            scale_label="t(job)/t(largest batch)",
            verified=verified,
            note=(
                f"{BATCHES} batches saved side by side in {whole:.2f} s; the largest batch "
                f"alone {single:.2f} s ({LATENCY * 1000:.0f} ms latency, "
                f"{BANDWIDTH / 1e6:.0f} MB/s per stream)"
            ),
            ours_label="save_job_results",
            raw_label="save_results (1 batch)",
        )
    ]


if __name__ == "__main__":
    h.main(run)
