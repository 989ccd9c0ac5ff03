"""Shared benchmark machinery: alternate ours/raw, take medians, verify, measure memory.

Every scenario module exposes ``run(quick: bool) -> list[Row]``. A scenario hands
``compare`` two zero-argument callables (ours and the raw floor) and a ``verify``
function; ``compare`` warms both up, then runs them alternately (ours first on even
rounds, raw first on odd ones, so drift on a busy machine hits both), verifies *every*
result (a broken implementation cannot look fast), and reports the medians. Peak Python
memory is taken with ``tracemalloc`` in one extra, untimed run per side (tracemalloc
slows code down, so it never runs while timing).

Wire data and the mock transports live here too, so both sides of every scenario are
served the same pre-encoded bytes by the same transport.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, List, Optional, Sequence, Tuple

import httpx

__all__ = [
    "API_KEY",
    "API_VERSION",
    "BASE_URL",
    "ChunkStream",
    "Measured",
    "Row",
    "VerificationError",
    "batch_dict",
    "check",
    "compare",
    "format_table",
    "machine_line",
    "main",
    "mock_transport",
    "raw_headers",
    "result_kind",
    "result_line",
    "result_text",
    "results_body",
]

BASE_URL = "http://bench.invalid"  # never resolved: every in-process scenario is mocked
API_KEY = "sk-ant-bench-0000000000000000"
API_VERSION = "2023-06-01"
CHUNK = 64 * 1024


class VerificationError(AssertionError):
    """A scenario's result was wrong: the numbers of that run mean nothing."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise VerificationError(message)


def raw_headers() -> dict:
    """What a careful raw user sends: the same auth and version headers as the SDK."""
    return {"x-api-key": API_KEY, "anthropic-version": API_VERSION, "accept": "application/json"}


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
    # "scale": ``value`` (a time ratio of two sizes, both ours) <= target.
    kind: str = "ratio"
    value: Optional[float] = None
    peak_ours_mb: Optional[float] = None
    peak_raw_mb: Optional[float] = None
    verified: bool = True
    note: str = ""
    ours_label: str = ""
    raw_label: str = ""
    samples: dict = field(default_factory=dict)

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
            return f"t(large)/t(small) <= {self.target:g}"
        return f"<= {self.target:g}x"

    def measured_text(self) -> str:
        if self.kind == "mb":
            return f"{self.measured:.1f} MB"
        return f"{self.measured:.2f}x"


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


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
    sides = (("ours", ours, verify), ("raw", raw, check_raw))
    for _ in range(warmup):
        for _side, fn, ok in sides:
            value, _t = _timed(fn)
            ok(value)
    times: dict = {"ours": [], "raw": []}
    for r in range(rounds):
        for side, fn, ok in sides if r % 2 == 0 else sides[::-1]:
            value, seconds = _timed(fn)
            ok(value)
            times[side].append(seconds)
    row = Row(
        name,
        ours=_median(times["ours"]),
        raw=_median(times["raw"]),
        target=target,
        note=note,
        samples=times,
    )
    if memory:
        row.peak_ours_mb = _peak_mb(ours, verify)
        row.peak_raw_mb = _peak_mb(raw, check_raw)
    return row


# -- wire data ---------------------------------------------------------------------------


def batch_dict(batch_id: str, index: int = 0, *, status: str = "ended", n: int = 3) -> dict:
    """A ``MessageBatch`` as the API sends it (same keys and null-ness as the fixtures)."""
    day = 10 + index % 18
    base = {
        "id": batch_id,
        "type": "message_batch",
        "processing_status": status,
        "request_counts": {
            "processing": n if status != "ended" else 0,
            "succeeded": n - 1 if status == "ended" else 0,
            "errored": 1 if status == "ended" else 0,
            "canceled": 0,
            "expired": 0,
        },
        "ended_at": None,
        "created_at": f"2024-09-{day:02d}T18:37:24.100435Z",
        "expires_at": f"2024-09-{day + 1:02d}T18:37:24.100435Z",
        "archived_at": None,
        "cancel_initiated_at": None,
        "results_url": None,
    }
    if status == "ended":
        base["ended_at"] = f"2024-09-{day:02d}T19:02:11.530442Z"
        base["results_url"] = f"https://api.anthropic.com/v1/messages/batches/{batch_id}/results"
    return base


_TEXT = (
    "The capital of France is Paris. It has been the country's political, economic and "
    "cultural centre for centuries, and it is home to roughly two million people. The "
    "wider metropolitan area holds about twelve million residents in total. Answer "
)


def result_text(i: int) -> str:
    """The text of succeeded line ``i`` (what ``result_line`` puts in its text block)."""
    return _TEXT + str(i)


def result_kind(i: int) -> str:
    """Deterministic mix: 90% succeeded, the rest errored / canceled / expired."""
    if i % 10 != 9:
        return "succeeded"
    return ("errored", "canceled", "expired")[(i // 10) % 3]


def result_line(i: int, text: Optional[str] = None) -> bytes:
    """One results line (~600 bytes for the default text), as compact JSON bytes."""
    kind = result_kind(i)
    custom_id = f"req-{i:07d}"
    if kind == "succeeded":
        content: List[dict] = [
            {"type": "text", "text": text if text is not None else result_text(i)}
        ]
        if i % 10 == 8:
            content.append(
                {
                    "type": "tool_use",
                    "id": f"toolu_{i:020d}",
                    "name": "get_weather",
                    "input": {"city": "Paris"},
                }
            )
        result: dict = {
            "type": "succeeded",
            "message": {
                "id": f"msg_{i:024d}",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-20250514",
                "content": content,
                "stop_reason": "tool_use" if i % 10 == 8 else "end_turn",
                "stop_sequence": None,
                "usage": {
                    "input_tokens": 14 + i % 100,
                    "output_tokens": 10 + i % 50,
                    "cache_creation_input_tokens": 0,
                    "cache_read_input_tokens": 0,
                    "service_tier": "batch",
                },
            },
        }
    elif kind == "errored":
        result = {
            "type": "errored",
            "error": {
                "type": "error",
                "error": {"type": "invalid_request_error", "message": "max_tokens: too large"},
                "request_id": f"req_{i:020d}",
            },
        }
    else:
        result = {"type": kind}
    return json.dumps({"custom_id": custom_id, "result": result}, separators=(",", ":")).encode()


def results_body(n: int) -> bytes:
    return b"\n".join(result_line(i) for i in range(n)) + b"\n"


def iter_results_body(n: int, chunk: int = CHUNK) -> Iterator[bytes]:
    """The body of ``results_body(n)`` generated on the fly in ``chunk``-sized pieces,
    so the process never holds the whole file (the memory scenario measures the SDK)."""
    pending: List[bytes] = []
    size = 0
    for i in range(n):
        line = result_line(i) + b"\n"
        pending.append(line)
        size += len(line)
        if size >= chunk:
            data = b"".join(pending)
            for start in range(0, len(data) - chunk + 1, chunk):
                yield data[start : start + chunk]
            rest = data[len(data) - len(data) % chunk :]
            pending, size = ([rest], len(rest)) if rest else ([], 0)
    if pending:
        yield b"".join(pending)


class ChunkStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered in 64 KiB chunks (both sides really stream)."""

    def __init__(self, source: Callable[[], Iterator[bytes]]) -> None:
        self._source = source

    @classmethod
    def of(cls, body: bytes, chunk: int = CHUNK) -> ChunkStream:
        def pieces() -> Iterator[bytes]:
            view = memoryview(body)
            for start in range(0, len(body), chunk):
                yield bytes(view[start : start + chunk])

        return cls(pieces)

    def __iter__(self) -> Iterator[bytes]:
        yield from self._source()

    async def __aiter__(self) -> Any:
        for piece in self._source():
            yield piece


def mock_transport(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    """One ``MockTransport`` for sync and async clients (the handler is synchronous)."""
    return httpx.MockTransport(handler)


JSON_HEADERS = [("content-type", "application/json"), ("request-id", "req_bench0000000000")]
JSONL_HEADERS = [("content-type", "application/x-jsonl"), ("request-id", "req_bench0000000001")]


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
