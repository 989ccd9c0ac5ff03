"""``summarize``: what happened to a batch (or a job), in one pass over its results.

    summary = summarize(job.results(), submitted=ids, batches=job.refresh())
    print(summary.counts, summary.usage.output_tokens, summary.missing)
    summary.raise_for_failures()          # strict mode: BatchResultsError unless all ok

    summary = await asummarize(async_job.results(), ...)   # sync or async iterables

``SummaryAccumulator`` is the pure core (``add`` one entry at a time); it keeps counts,
token totals, the custom_ids seen (to find missing and duplicated ones) and the first
``SAMPLE_SIZE`` failures, never the messages themselves.

Lines the lenient parser let through but that a summary cannot use (a ``custom_id`` that
is not a string, a ``result`` without a string ``type``) never raise: they are counted in
``malformed`` (which makes ``ok`` false), and a batch whose ``request_counts`` cannot be
read is left out of the ``mismatches`` check (reported in ``unreadable_batches``).
"""

from __future__ import annotations

from typing import Any, AsyncIterable, Dict, Iterable, List, Optional, Tuple, Union

from .._exceptions import AnthropicError
from ..types.messages import MessageBatch, MessageBatchIndividualResponse
from ..types.messages.message_batch_individual_response import error_of
from ..types.messages.message_batch_request_counts import readable_counts
from ._api import is_async_iterable
from ._pricing import DEFAULT_BATCH_DISCOUNT, JobCost, PriceTable, UsageTally, check_prices

__all__ = [
    "BatchResultsError",
    "ResultsSummary",
    "SummaryAccumulator",
    "TokenUsage",
    "asummarize",
    "summarize",
]

SAMPLE_SIZE = 20
_KNOWN = ("succeeded", "errored", "canceled", "expired")


class TokenUsage:
    """Token totals over the succeeded results (``None`` fields count as 0)."""

    __slots__ = (
        "cache_creation_input_tokens",
        "cache_read_input_tokens",
        "input_tokens",
        "output_tokens",
    )

    def __init__(self) -> None:
        self.input_tokens = 0
        self.output_tokens = 0
        self.cache_creation_input_tokens = 0
        self.cache_read_input_tokens = 0

    def add(self, usage: object) -> None:
        self.input_tokens += getattr(usage, "input_tokens", 0) or 0
        self.output_tokens += getattr(usage, "output_tokens", 0) or 0
        self.cache_creation_input_tokens += getattr(usage, "cache_creation_input_tokens", 0) or 0
        self.cache_read_input_tokens += getattr(usage, "cache_read_input_tokens", 0) or 0

    def to_dict(self) -> Dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}

    def __repr__(self) -> str:
        return f"TokenUsage({self.to_dict()})"


class ResultsSummary:
    """Counts by result type, token usage, and what is missing or inconsistent.

    - ``counts``: results per type (``succeeded``, ``errored``, ``canceled``, ``expired``,
      and any newer type by name); ``error_types``: errored results per API error type.
    - ``usage``: summed ``TokenUsage`` of the succeeded messages.
    - ``missing``: custom_ids in ``submitted`` with no result; ``unexpected``: results
      whose custom_id was not submitted; ``duplicates``: custom_ids seen twice.
    - ``mismatches``: ``{status: (request_counts says, results say)}`` where the
      batches' ``request_counts`` disagree with the results.
    - ``failures``: the first ``SAMPLE_SIZE`` ``(custom_id, result type, error type)``.
    - ``malformed``: result lines with a non-string ``custom_id`` or a ``result`` without
      a string ``type`` (kept by the lenient parser; counted in ``total``, never in
      ``counts``); ``unreadable_batches``: ids of batches whose ``request_counts`` could
      not be read (left out of ``mismatches``).
    - ``ok``: every request succeeded and nothing is missing, malformed or inconsistent.
    - ``tally``: token totals per model and the output-token histogram (``UsageTally``);
      ``cost``: the ``JobCost`` when ``summarize`` was given ``prices``, else ``None``.
    """

    def __init__(
        self,
        counts: Dict[str, int],
        error_types: Dict[str, int],
        usage: TokenUsage,
        missing: List[str],
        unexpected: List[str],
        duplicates: List[str],
        mismatches: Dict[str, Tuple[int, int]],
        failures: List[Tuple[str, str, Optional[str]]],
        malformed: int = 0,
        unreadable_batches: Optional[List[str]] = None,
        tally: Optional[UsageTally] = None,
        cost: Optional[JobCost] = None,
    ) -> None:
        self.tally = tally if tally is not None else UsageTally()
        self.cost = cost
        self.malformed = malformed
        self.unreadable_batches = list(unreadable_batches or [])
        self.counts = counts
        self.error_types = error_types
        self.usage = usage
        self.missing = missing
        self.unexpected = unexpected
        self.duplicates = duplicates
        self.mismatches = mismatches
        self.failures = failures

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + self.malformed

    @property
    def succeeded(self) -> int:
        return self.counts.get("succeeded", 0)

    @property
    def ok(self) -> bool:
        failed = self.total - self.succeeded
        return not (failed or self.missing or self.unexpected or self.duplicates or self.mismatches)

    def raise_for_failures(self) -> ResultsSummary:
        """Strict mode: raise ``BatchResultsError`` unless ``ok``; returns ``self``."""
        if not self.ok:
            raise BatchResultsError(self)
        return self

    def describe_failures(self) -> str:
        failed = {k: v for k, v in self.counts.items() if k != "succeeded" and v}
        if self.malformed:
            failed["malformed"] = self.malformed
        sample = ", ".join(f"{c}={t}" + (f"/{e}" if e else "") for c, t, e in self.failures[:5])
        notes = (
            (failed, f"{sum(failed.values())} of {self.total} requests did not succeed {failed}"),
            (self.error_types, f"error types {self.error_types}"),
            (self.missing, f"{len(self.missing)} without a result (e.g. {self.missing[:5]})"),
            (self.unexpected, f"{len(self.unexpected)} results for unknown custom_ids"),
            (self.duplicates, f"{len(self.duplicates)} custom_ids with several results"),
            (self.mismatches, f"request_counts disagree with the results {self.mismatches}"),
            (
                self.unreadable_batches,
                f"request_counts unreadable for batches {self.unreadable_batches[:5]}",
            ),
            (self.failures, f"first failures: {sample}"),
        )
        parts = [note for present, note in notes if present]
        return "; ".join(parts) if parts else "all requests succeeded"

    def to_dict(self) -> Dict[str, Any]:
        """JSON-ready: counts, error_types, usage, missing, unexpected, duplicates,
        mismatches (as ``{status: {"expected", "actual"}}``), failures, total, ok."""
        return {
            "ok": self.ok,
            "total": self.total,
            "counts": dict(self.counts),
            "error_types": dict(self.error_types),
            "usage": self.usage.to_dict(),
            "missing": list(self.missing),
            "unexpected": list(self.unexpected),
            "duplicates": list(self.duplicates),
            "mismatches": {
                k: {"expected": e, "actual": a} for k, (e, a) in self.mismatches.items()
            },
            "failures": [{"custom_id": c, "type": t, "error_type": e} for c, t, e in self.failures],
            "malformed": self.malformed,
            "unreadable_batches": list(self.unreadable_batches),
            "output_tokens_histogram": dict(self.tally.histogram_rows()),
            "cost": None if self.cost is None else self.cost.to_dict(),
        }

    def __repr__(self) -> str:
        return f"ResultsSummary(ok={self.ok}, counts={self.counts}, missing={len(self.missing)})"


class BatchResultsError(AnthropicError):
    """Strict mode: a summary found requests that did not succeed (or results missing).

    ``summary`` is the full ``ResultsSummary``.
    """

    def __init__(self, summary: ResultsSummary) -> None:
        super().__init__(summary.describe_failures())
        self.summary = summary


def error_type_of(entry: MessageBatchIndividualResponse) -> Optional[str]:
    """The API error type of an errored result (``None`` for other results)."""
    return error_of(entry)[0]


class SummaryAccumulator:
    """Feed results one by one with ``add``; ``summary()`` at the end."""

    def __init__(self) -> None:
        self.counts: Dict[str, int] = dict.fromkeys(_KNOWN, 0)
        self.error_types: Dict[str, int] = {}
        self.usage = TokenUsage()
        self.seen: set[str] = set()
        self.duplicates: List[str] = []
        self.failures: List[Tuple[str, str, Optional[str]]] = []
        self.malformed = 0
        self.tally = UsageTally()

    def add(self, entry: MessageBatchIndividualResponse) -> None:
        # Read attribute by attribute: a leniently parsed line may hold anything.
        custom_id: object = getattr(entry, "custom_id", None)
        result: Any = getattr(entry, "result", None)
        kind: object = getattr(result, "type", None)
        if not isinstance(custom_id, str) or not isinstance(kind, str):
            self.malformed += 1
            if isinstance(custom_id, str):
                self.seen.add(custom_id)  # it has a line, just not a usable one
            return
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if custom_id in self.seen:
            self.duplicates.append(custom_id)
        self.seen.add(custom_id)
        if kind == "succeeded":
            self.usage.add(getattr(result.message, "usage", None))
            self.tally.add(getattr(result, "message", None))
            return
        error_type = error_type_of(entry)
        if error_type is not None:
            self.error_types[error_type] = self.error_types.get(error_type, 0) + 1
        if len(self.failures) < SAMPLE_SIZE:
            self.failures.append((custom_id, kind, error_type))

    def summary(
        self,
        submitted: Optional[Iterable[str]] = None,
        batches: Optional[Iterable[MessageBatch]] = None,
        prices: Optional[PriceTable] = None,
        batch_discount: float = DEFAULT_BATCH_DISCOUNT,
    ) -> ResultsSummary:
        missing: List[str] = []
        unexpected: List[str] = []
        if submitted is not None:
            wanted: set[str] = set()
            for custom_id in submitted:
                wanted.add(custom_id)
                if custom_id not in self.seen:
                    missing.append(custom_id)
            unexpected = sorted(self.seen - wanted)
        mismatches: Dict[str, Tuple[int, int]] = {}
        unreadable: List[str] = []
        if batches is not None:
            expected: Dict[str, int] = {}
            for batch in batches:
                counts = readable_counts(getattr(batch, "request_counts", None))
                if counts is None:
                    unreadable.append(str(getattr(batch, "id", None)))
                    continue
                for name, value in counts.items():
                    expected[name] = expected.get(name, 0) + value
            names = () if unreadable else sorted(set(expected) | set(self.counts))
            for name in names:
                want, got = expected.get(name, 0), self.counts.get(name, 0)
                if want != got:
                    mismatches[name] = (want, got)
        return ResultsSummary(
            {k: v for k, v in self.counts.items() if v or k in _KNOWN},
            self.error_types,
            self.usage,
            missing,
            unexpected,
            self.duplicates,
            mismatches,
            self.failures,
            self.malformed,
            unreadable,
            self.tally,
            None if prices is None else self.tally.cost(prices, batch_discount),
        )


def summarize(
    results: Iterable[MessageBatchIndividualResponse],
    *,
    submitted: Optional[Iterable[str]] = None,
    batches: Optional[Iterable[MessageBatch]] = None,
    prices: Optional[PriceTable] = None,
    batch_discount: float = DEFAULT_BATCH_DISCOUNT,
) -> ResultsSummary:
    """Summarize ``results`` (any iterable: a list, a results stream, ``job.results()``).

    ``submitted``: the custom_ids sent, to find those without a result. ``batches``: the
    ended batches, to check their ``request_counts`` against the results. ``prices``: a
    price table of your own (``{model: {"input", "output", "cache_write", "cache_read"}}``
    per million tokens; none ships with the SDK) to get ``summary.cost``, with
    ``batch_discount`` (default 0.5: batches cost half the listed prices) taken off.
    """
    if prices is not None:
        check_prices(prices, batch_discount)
    acc = SummaryAccumulator()
    for entry in results:
        acc.add(entry)
    return acc.summary(submitted, batches, prices, batch_discount)


async def asummarize(
    results: Union[
        AsyncIterable[MessageBatchIndividualResponse], Iterable[MessageBatchIndividualResponse]
    ],
    *,
    submitted: Optional[Iterable[str]] = None,
    batches: Optional[Iterable[MessageBatch]] = None,
    prices: Optional[PriceTable] = None,
    batch_discount: float = DEFAULT_BATCH_DISCOUNT,
) -> ResultsSummary:
    """``summarize`` for an async iterable (``async_job.results()``, an async results
    stream) or a plain one."""
    if prices is not None:
        check_prices(prices, batch_discount)
    acc = SummaryAccumulator()
    if is_async_iterable(results):
        async for entry in results:
            acc.add(entry)
    else:
        for entry in results:
            acc.add(entry)
    return acc.summary(submitted, batches, prices, batch_discount)
