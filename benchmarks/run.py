"""Run the benchmark suite and print its table.

    python benchmarks/run.py                 # full sizes; exit 1 if a target is missed
    python benchmarks/run.py --quick         # tiny sizes, 1 round: checks every scenario
                                             # runs and verifies (exit 1 only on that)
    python benchmarks/run.py --only results,create --markdown

Each scenario compares this SDK with a raw floor written in the same file (plain httpx
+ pydantic, same transport, same data); see ``_harness.py`` for how runs alternate,
and each ``bench_*.py`` docstring for what its floor does. A scenario that raises or
fails verification is reported as ``VERIFY FAILED`` and always fails the run.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
import time
import traceback
from typing import List

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _harness as h

SCENARIOS = {
    "import": "bench_import",
    "first_parse": "bench_import_parse",
    "retrieve": "bench_retrieve",
    "create": "bench_create",
    "paginate": "bench_paginate",
    "results": "bench_results",
    "collect": "bench_collect",
    "memory": "bench_results_memory",
    "long_line": "bench_long_line",
    "loopback": "bench_loopback",
    "gzip": "bench_gzip",
    "messages_create": "bench_messages_create",
    "sse": "bench_sse",
    "job_results": "bench_job_results",
}
if importlib.util.find_spec("httpx_aiohttp") is not None:  # with the aiohttp extra only
    SCENARIOS["loopback_aiohttp"] = "bench_loopback_aiohttp"


def run_scenario(name: str, quick: bool) -> List[h.Row]:
    try:
        module = importlib.import_module(SCENARIOS[name])
        return module.run(quick)
    except Exception as exc:
        traceback.print_exc()
        return [
            h.Row(
                name,
                ours=float("nan"),
                raw=float("nan"),
                target=0,
                verified=False,
                note=f"{type(exc).__name__}: {exc}",
            )
        ]


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one round")
    parser.add_argument("--only", default="", help=f"comma-separated: {', '.join(SCENARIOS)}")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario(s) {unknown}; choose from {list(SCENARIOS)}")

    start = time.perf_counter()
    rows: List[h.Row] = []
    for name in names:
        t0 = time.perf_counter()
        new = run_scenario(name, args.quick)
        rows += new
        print(f"[{name}: {time.perf_counter() - t0:.1f} s]", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start

    mode = "quick" if args.quick else "full"
    print(h.format_table(rows, markdown=args.markdown, quick=args.quick))
    print(f"\nMachine: {h.machine_line()}")
    print(f"Mode: {mode}; wall time {elapsed:.0f} s")

    broken = [r.name for r in rows if not r.verified]
    missed = [] if args.quick else [r.name for r in rows if r.verified and not r.passed]
    if broken:
        print(f"\nVERIFICATION FAILED: {', '.join(broken)}")
    if missed:
        print(f"\nTARGET MISSED: {', '.join(missed)}")
    return 1 if broken or missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
