"""100,000 result lines streamed vs collected with ``list()``: keeping what you decode must
cost about what streaming it costs.

Every parsed line is a handful of tracked containers; when a program keeps them, CPython's
cyclic GC runs full collections that walk everything already kept, again and again. The
SDK parses each chunk of lines with automatic collection paused and hands the new models
to the oldest generation uncounted (``anthropic._gc_pause``); the raw floor does what a
careful user does. Four sides run in rotating order over the same 64 KiB-chunked body
(that of the ``results`` scenario):

- ours streamed: ``summarize(client.messages.batches.results(batch))``, the ``results``
  scenario's loop (count, checksum of ids, text length: a few % of the time);
- ours collected: ``list(client.messages.batches.results(batch))``, as the issue measured
  it; ``summarize`` checks the list afterwards, untimed;
- raw streamed / raw collected: the same with ``client.stream`` + ``iter_raw_lines``
  (httpx + pydantic ``model_validate_json`` per line) and a plain ``list``.

Both collected sides return their list, so freeing 100,000 lines happens after the timer
(a program that keeps results frees them later, if at all); the note gives that time.
Each result is dropped before the next run starts (``_harness.alternate``), so no run
works beside 100,000 lines another run kept.

Rows (targets): ours collected <= 1.3x ours streamed; ours streamed <= 1.3x the floor's
streamed (the ``results`` scenario's target: streaming must not get slower); ours
collected <= 0.5x the floor's collected.

    python benchmarks/bench_collect.py [--quick]
"""

from __future__ import annotations

import gc
import time
from typing import Any, List

import _harness as h
import _wire as w
from _raw_results import iter_raw_lines
from bench_results import RESULTS_PATH, Summary, clients, ended_batch, expected, summarize


def run(quick: bool) -> List[h.Row]:
    n = 500 if quick else 100_000
    rounds = 1 if quick else 5
    body = w.results_body(n)
    want = expected(n)
    batch = ended_batch()
    with clients(body) as (client, raw_client):

        def ours_stream() -> Summary:
            with client.messages.batches.results(batch) as results:
                return summarize(results)

        def ours_list() -> list:
            with client.messages.batches.results(batch) as results:
                return list(results)

        def raw_stream() -> Summary:
            with raw_client.stream("GET", RESULTS_PATH) as response:
                response.raise_for_status()
                return summarize(iter_raw_lines(response))

        def raw_list() -> list:
            with raw_client.stream("GET", RESULTS_PATH) as response:
                response.raise_for_status()
                return list(iter_raw_lines(response))

        def verify(got: Summary) -> None:
            h.check(got == want, f"summary {got} != expected {want}")

        def verify_list(lines: list) -> None:
            verify(summarize(lines))

        times = h.alternate(
            [
                ("ours streamed", ours_stream, verify),
                ("ours collected", ours_list, verify_list),
                ("raw streamed", raw_stream, verify),
                ("raw collected", raw_list, verify_list),
            ],
            rounds=rounds,
            warmup=1,
        )
        free_seconds = _time_to_free(ours_list)

    med = {side: h.median(samples) for side, samples in times.items()}
    collected, streamed = med["ours collected"], med["ours streamed"]
    return [
        h.Row(
            f"collect: list() vs stream, {n:,} lines (ours)",
            ours=collected,
            raw=med["raw collected"],
            target=1.3,
            kind="scale",
            value=collected / streamed,
            scale_label="t(list)/t(stream)",
            note=(
                f"ours collected {collected:.3f} s vs streamed {streamed:.3f} s; raw floor "
                f"{med['raw collected']:.3f} s vs {med['raw streamed']:.3f} s "
                f"({med['raw collected'] / med['raw streamed']:.2f}x); freeing the "
                f"{n:,} kept lines afterwards takes {free_seconds:.3f} s (untimed)"
            ),
        ),
        h.Row(
            f"collect: stream {n:,} lines",
            ours=streamed,
            raw=med["raw streamed"],
            target=1.3,
            note="streaming is not slowed by the GC-aware decoding (same target as `results`)",
        ),
        h.Row(
            f"collect: list() of {n:,} lines",
            ours=collected,
            raw=med["raw collected"],
            target=0.5,
            note="the floor's list() pays the full collections that rescan what it keeps",
        ),
    ]


def _time_to_free(collect: Any) -> float:
    """How long dropping one collected result takes (reported, never part of a ratio)."""
    gc.collect()
    kept = collect()
    start = time.perf_counter()
    del kept
    return time.perf_counter() - start


if __name__ == "__main__":
    h.main(run)
