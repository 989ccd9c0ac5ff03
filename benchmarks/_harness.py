"""Shared benchmark machinery: alternate ours/raw, take medians, verify, measure memory.

Every scenario module exposes ``run(quick: bool) -> list[Row]``. A scenario hands
``compare`` two zero-argument callables (ours and the raw floor) and a ``verify``
function; ``compare`` warms both up, then runs them alternately (ours first on even
rounds, raw first on odd ones, so drift on a busy machine hits both), verifies *every*
result (a broken implementation cannot look fast), and reports the medians. Peak Python
memory is taken with ``tracemalloc`` in one extra, untimed run per side (tracemalloc
slows code down, so it never runs while timing). ``alternate`` does the same for more
than two sides (rotating which goes first), for scenarios whose targets compare several.

The wire data and mock transports both sides are served live in ``_wire.py``.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import httpx

__all__ = [
    "Measured",
    "Row",
    "Side",
    "VerificationError",
    "alternate",
    "check",
    "child_env",
    "compare",
    "format_table",
    "machine_line",
    "main",
    "median",
]


class VerificationError(AssertionError):
    """A scenario's result was wrong: the numbers of that run mean nothing."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise VerificationError(message)


def child_env() -> Dict[str, str]:
    """The environment of a fresh-interpreter child: no ``ANTHROPIC_*`` (no logging), and
    bytecode caching on even where the shell sets ``PYTHONDONTWRITEBYTECODE``, so the
    warm-up round writes the ``.pyc`` files an installed package has (pip compiles them
    at install); otherwise every round recompiles each module changed since the last
    cache, which favours the floor's long-installed httpx and pydantic."""
    drop = ("ANTHROPIC_", "PYTHONDONTWRITEBYTECODE")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


# -- results of a scenario -------------------------------------------------------------------


@dataclass
class Measured:
    """Return this from a timed callable to report a time measured inside it (async
    scenarios time only the calls, not event-loop or client setup)."""

    value: Any
    seconds: float


@dataclass
class Row:
    name: str
    ours: float
    raw: float
    target: float
    # "ratio": ours/raw <= target.  "mb": ``value`` (MB) < target.
    # "scale": ``value`` (a time ratio of two runs, both ours) <= target.
    kind: str = "ratio"
    value: Optional[float] = None
    peak_ours_mb: Optional[float] = None
    peak_raw_mb: Optional[float] = None
    verified: bool = True
    note: str = ""
    ours_label: str = ""
    raw_label: str = ""
    samples: dict = field(default_factory=dict)
    # What a "scale" value divides, for the target column (default: two sizes).
    scale_label: str = "t(large)/t(small)"

    @property
    def ratio(self) -> float:
        return self.ours / self.raw if self.raw > 0 else float("inf")

    @property
    def measured(self) -> float:
        return self.ratio if self.value is None else self.value

    @property
    def passed(self) -> bool:
        if not self.verified:
            return False
        if self.kind == "mb":
            return self.measured < self.target
        return self.measured <= self.target

    def target_text(self) -> str:
        if self.kind == "mb":
            return f"< {self.target:g} MB"
        if self.kind == "scale":
            return f"{self.scale_label} <= {self.target:g}"
        return f"<= {self.target:g}x"

    def measured_text(self) -> str:
        if self.kind == "mb":
            return f"{self.measured:.1f} MB"
        return f"{self.measured:.2f}x"


def _timed(fn: Callable[[], Any]) -> Tuple[Any, float]:
    gc.collect()
    start = time.perf_counter()
    value = fn()
    elapsed = time.perf_counter() - start
    if isinstance(value, Measured):
        return value.value, value.seconds
    return value, elapsed


def _peak_mb(fn: Callable[[], Any], verify: Callable[[Any], None]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        value = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    verify(value.value if isinstance(value, Measured) else value)
    return peak / 1e6


#: One side of a measurement: (name, zero-argument callable, verify).
Side = Tuple[str, Callable[[], Any], Callable[[Any], None]]


def alternate(sides: Sequence[Side], *, rounds: int, warmup: int = 1) -> Dict[str, List[float]]:
    """Run every side ``warmup`` untimed times, then ``rounds`` timed times each, rotating
    which side goes first every round (so drift on a busy machine hits all sides), and
    verifying every result. Returns the samples in seconds, by side name."""
    for _ in range(warmup):
        for _name, fn, ok in sides:
            ok(_timed(fn)[0])
    times: Dict[str, List[float]] = {name: [] for name, _fn, _ok in sides}
    for r in range(rounds):
        shift = r % len(sides)
        for name, fn, ok in [*sides[shift:], *sides[:shift]]:
            value, seconds = _timed(fn)
            ok(value)
            del value  # freed before the next run, so no run works beside another's result
            times[name].append(seconds)
    return times


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def compare(
    name: str,
    *,
    ours: Callable[[], Any],
    raw: Callable[[], Any],
    verify: Callable[[Any], None],
    rounds: int,
    target: float,
    warmup: int = 1,
    memory: bool = True,
    note: str = "",
    verify_raw: Optional[Callable[[Any], None]] = None,
) -> Row:
    """Time ``ours`` against ``raw`` over ``rounds`` alternating rounds (see module doc).

    ``verify(result)`` must raise ``VerificationError`` on a wrong result; it runs on
    every result of both sides (``verify_raw`` if the raw result differs in shape).
    """
    check_raw = verify_raw or verify
    times = alternate(
        [("ours", ours, verify), ("raw", raw, check_raw)], rounds=rounds, warmup=warmup
    )
    row = Row(
        name,
        ours=median(times["ours"]),
        raw=median(times["raw"]),
        target=target,
        note=note,
        samples=times,
    )
    if memory:
        row.peak_ours_mb = _peak_mb(ours, verify)
        row.peak_raw_mb = _peak_mb(raw, check_raw)
    return row


# -- machine and table -------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line() -> str:
    import pydantic

    try:
        import pydantic_core

        core = f" (core {pydantic_core.__version__})"
    except ImportError:  # pragma: no cover
        core = ""
    return (
        f"{_cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, httpx {httpx.__version__}, "
        f"pydantic {pydantic.__version__}{core}"
    )


def _mb(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.1f}"


def format_table(rows: Sequence[Row], *, markdown: bool, quick: bool) -> str:
    header = [
        "scenario",
        "ours (s)",
        "raw (s)",
        "ours/raw",
        "measured",
        "target",
        "peak MB ours/raw",
        "result",
    ]
    body = []
    for row in rows:
        if not row.verified:
            result = "VERIFY FAILED"
        elif quick:
            result = "ok (quick)"
        else:
            result = "pass" if row.passed else "FAIL"
        body.append(
            [
                row.name,
                f"{row.ours:.4f}",
                f"{row.raw:.4f}",
                f"{row.ratio:.2f}x",
                row.measured_text(),
                row.target_text(),
                f"{_mb(row.peak_ours_mb)} / {_mb(row.peak_raw_mb)}",
                result,
            ]
        )
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
    else:
        widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        lines = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
        lines += [fmt.format(*cells) for cells in body]
    notes = [f"- {row.name}: {row.note}" for row in rows if row.note]
    out = "\n".join(lines)
    if notes:
        out += "\n\nNotes:\n" + "\n".join(notes)
    return out


def main(run: Callable[[bool], List[Row]]) -> None:
    """Entry point of a single scenario script: ``python benchmarks/bench_x.py [--quick]``."""
    quick = "--quick" in sys.argv
    rows = run(quick)
    print(format_table(rows, markdown="--markdown" in sys.argv, quick=quick))
    print(f"\nMachine: {machine_line()}")
    failed = [r for r in rows if not r.verified or (not quick and not r.passed)]
    sys.exit(1 if failed else 0)
