"""Pure formatting helpers: models in, strings and rows out (no I/O, no rich)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable, List, Mapping, Optional, Sequence, Tuple

import httpx

if TYPE_CHECKING:
    from ..types.messages import MessageBatch

__all__ = [
    "BATCH_COLUMNS",
    "batch_fields",
    "batch_row",
    "counts_text",
    "format_elapsed",
    "format_time",
    "job_status",
    "plain_table",
    "plural",
    "progress_of",
    "safe_url",
]

BATCH_COLUMNS = (
    "ID",
    "STATUS",
    "REQUESTS",
    "SUCCEEDED",
    "ERRORED",
    "CANCELED",
    "EXPIRED",
    "CREATED",
)


def format_time(value: Optional[dt.datetime]) -> str:
    """``2024-09-24 18:37:24 UTC`` (seconds precision), or ``-`` for no time."""
    if value is None:
        return "-"
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%d %H:%M:%S UTC")


def format_elapsed(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h03m05s``."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


def plural(n: int, noun: str) -> str:
    """``1 request``, ``3 requests``, ``2 batches``, ``1,000 results``."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n:,} {noun}es" if noun.endswith("h") else f"{n:,} {noun}s"


_COUNT_ORDER = ("processing", "succeeded", "errored", "canceled", "expired")


def counts_text(counts: Mapping[str, int], noun: str = "request") -> str:
    """``3 requests: 2 succeeded, 1 errored`` (zero counts left out, newer kinds kept)."""
    total = sum(counts.values())
    # The outcome order people read (the model's field order is the API's, alphabetical).
    order = {name: i for i, name in enumerate(_COUNT_ORDER)}
    ranked = sorted(counts.items(), key=lambda item: order.get(item[0], len(order)))
    parts = [f"{n:,} {name}" for name, n in ranked if n]
    return plural(total, noun) + (": " + ", ".join(parts) if parts else "")


def progress_of(batch: MessageBatch) -> Tuple[int, int]:
    """``(done, total)`` from the request counts: everything not ``processing`` is done."""
    counts = batch.request_counts
    total = sum(counts.values())
    return total - counts.processing, total


def job_status(batches: Iterable[MessageBatch]) -> str:
    """One batch's status, or ``2/3 ended`` for several."""
    statuses = [str(batch.processing_status) for batch in batches]
    if len(statuses) == 1:
        return statuses[0]
    return f"{statuses.count('ended')}/{len(statuses)} ended"


def batch_row(batch: MessageBatch) -> List[str]:
    """One table row, in the order of ``BATCH_COLUMNS``."""
    c = batch.request_counts
    return [
        batch.id,
        str(batch.processing_status),
        str(sum(c.values())),
        str(c.succeeded),
        str(c.errored),
        str(c.canceled),
        str(c.expired),
        format_time(batch.created_at),
    ]


def batch_fields(batch: MessageBatch) -> List[Tuple[str, str]]:
    """``(label, value)`` pairs describing a batch, for a key/value block."""
    pairs = [
        ("status", str(batch.processing_status)),
        ("requests", counts_text(batch.request_counts)),
        ("created", format_time(batch.created_at)),
        ("expires", format_time(batch.expires_at)),
    ]
    if batch.cancel_initiated_at is not None:
        pairs.append(("cancel asked", format_time(batch.cancel_initiated_at)))
    if batch.ended_at is not None:
        pairs.append(("ended", format_time(batch.ended_at)))
    if batch.archived_at is not None:
        pairs.append(("archived", format_time(batch.archived_at)))
    if batch.results_url:
        pairs.append(("results", batch.results_url))
    return pairs


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> List[str]:
    """Left-aligned columns separated by two spaces (no trailing spaces)."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row)]
    lines: List[str] = []
    for row in (list(headers), *rows):
        cells = [cell.ljust(w) for cell, w in zip(row, widths)]
        lines.append("  ".join(cells).rstrip())
    return lines


def safe_url(url: str) -> str:
    """``url`` without any ``user:password@`` part (never print credentials)."""
    try:
        parsed = httpx.URL(url)
    except Exception:
        return "<invalid URL>"
    if parsed.userinfo:
        return str(parsed.copy_with(username=None, password=None))
    return url
