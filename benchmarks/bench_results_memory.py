"""Results memory: peak RSS streaming 100,000 lines minus peak RSS for 10,000 lines.

Each (side, size) runs in a fresh interpreter that reads its own peak RSS after
streaming: ``VmHWM`` from ``/proc/self/status`` on Linux. (``getrusage(RUSAGE_SELF)
.ru_maxrss`` is not usable here: Linux carries the high-water mark over ``exec``, so a
child spawned by a runner that already holds a 60 MB results body reports the runner's
peak; elsewhere it is the fallback.) The body is generated
on the fly in 64 KiB chunks, so the process never holds the file and the difference
between the two sizes is what the library keeps per line (constant memory means ~0).
Imports, clients and models cost the same at both sizes and cancel out.

    python benchmarks/bench_results_memory.py [--quick]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Dict, List, Tuple

import _harness as h
import _wire as w

BATCH_ID = "msgbatch_00000000000000000000memory"
RESULTS_PATH = f"/v1/messages/batches/{BATCH_ID}/results"


def _peak_rss_kb() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _child(side: str, n: int) -> None:
    import httpx
    from _raw_results import iter_raw_lines

    import anthropic
    from anthropic.types.messages import MessageBatch

    def handler(request: httpx.Request) -> httpx.Response:
        stream = w.ChunkStream(lambda: w.iter_results_body(n))
        return httpx.Response(200, headers=w.JSONL_HEADERS, stream=stream)

    transport = httpx.MockTransport(handler)
    count = succeeded = 0
    start = time.perf_counter()
    if side == "ours":
        batch = MessageBatch.model_validate(w.batch_dict(BATCH_ID))
        with (
            httpx.Client(transport=transport) as http,
            anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
            client.messages.batches.results(batch) as results,
        ):
            for line in results:
                count += 1
                succeeded += line.result.type == "succeeded"
    else:
        with (
            httpx.Client(transport=transport, base_url=w.BASE_URL, headers=w.raw_headers()) as raw,
            raw.stream("GET", RESULTS_PATH) as response,
        ):
            response.raise_for_status()
            for line in iter_raw_lines(response):
                count += 1
                succeeded += line.result.type == "succeeded"
    elapsed = time.perf_counter() - start
    peak_kb = _peak_rss_kb()
    print(json.dumps({"count": count, "succeeded": succeeded, "peak_kb": peak_kb, "s": elapsed}))


def _measure(side: str, n: int) -> Dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", side, str(n)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    h.check(out.returncode == 0, f"{side} child failed: {out.stderr.strip()[-800:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    want_succeeded = sum(w.result_kind(i) == "succeeded" for i in range(n))
    h.check(data["count"] == n, f"{side}: {data['count']} lines, want {n}")
    h.check(data["succeeded"] == want_succeeded, f"{side}: succeeded {data['succeeded']}")
    return data


def run(quick: bool) -> List[h.Row]:
    small, large = (100, 1_000) if quick else (10_000, 100_000)
    peaks: Dict[Tuple[str, int], Dict[str, float]] = {}
    for side in ("ours", "raw"):
        for n in (small, large):
            peaks[side, n] = _measure(side, n)
    growth = {
        side: (peaks[side, large]["peak_kb"] - peaks[side, small]["peak_kb"]) / 1024
        for side in ("ours", "raw")
    }
    row = h.Row(
        f"results memory: peak RSS {large:,} - {small:,} lines",
        ours=peaks["ours", large]["s"],
        raw=peaks["raw", large]["s"],
        target=20.0,
        kind="mb",
        value=growth["ours"],
        peak_ours_mb=peaks["ours", large]["peak_kb"] / 1024,
        peak_raw_mb=peaks["raw", large]["peak_kb"] / 1024,
        note=(
            f"RSS growth ours {growth['ours']:.1f} MB, raw {growth['raw']:.1f} MB "
            f"(peak RSS at {small:,}: ours {peaks['ours', small]['peak_kb'] / 1024:.1f} MB, "
            f"raw {peaks['raw', small]['peak_kb'] / 1024:.1f} MB); times are one run each"
        ),
    )
    return [row]


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]))
    else:
        h.main(run)
