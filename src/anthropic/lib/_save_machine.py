"""The pure decision core of ``save_results``: what to request, when to request it again,
when to give up, and what the report counts.

    machine = SaveMachine(batch_or_id, max_attempts=5)
    batch = machine.ended_batch() or retrieve(machine.retrieve_spec())
    spec = machine.results_spec(batch, base_url)   # BatchNotEndedError before it has ended
    step = machine.start()                         # Fetch(0.0)
    out = ResultsFile(path, owner=machine.owner, expected=machine.expected)
    while isinstance(step, Fetch):
        sleep(step.delay)
        response = client._execute(spec)           # the client's own retries happen in here
        try:
            write the body's lines
            step = machine.on_end(out.lines)       # Saved, or (too few lines) Fetch / GiveUp
        except httpx.HTTPError:                    # the stream was cut
            step = machine.on_cut(out.lines)       # Fetch(backoff), or GiveUp: raise

No I/O and no clock here; the sync and async drivers in ``_save`` feed it events.

**Complete or nothing.** A stream that ends cleanly with fewer lines in the file than the
batch's ``request_counts`` add up to (``expected``) was cut too, at a line boundary, by
something that closed a close-delimited body early (a proxy): it is a failure like a cut,
requested again and resumed, and ``Saved`` (publish) comes only once the file holds
``expected`` lines. When the run of failures reaches ``max_attempts`` on such an early
end, ``GiveUp.reason`` says so and the driver raises ``APIConnectionError``; the partial
file stays. If the counts are unknown (a batch whose ``request_counts`` did not parse), a
clean end is taken as complete.

Who retries what, so that the number of requests has one bound rather than the product
of two retry loops:

- **The client** retries a results request that fails before its body starts (connection
  error, timeout, 408, 409, 429, 5xx, 529) under its own policy (``max_retries``,
  default 2, honouring ``retry-after``). When it gives up, ``save_results`` raises that
  error: it never repeats a request the client has given up on.
- **This machine** owns what the client cannot see: a 2xx results stream cut while its
  body is read, or ending cleanly but short. The results are requested again and the
  custom_ids already written are skipped. An attempt that wrote new lines before its cut
  counts as the first failure of a new run; one that wrote none adds one. The next
  request waits 0.5 s doubled per failure in the run (at most 8 s), and the run's
  ``max_attempts``-th failure gives up.

Bound: with K = ``max_attempts`` and L the lines this run wrote, a save makes at most
``1 + (K - 1) * (L + 1)`` results requests of its own (``SaveReport.attempts``): a run of
failures without progress holds at most K - 1 that are retried, and only an attempt that
wrote a line (at most L of them) starts a new run. Each of those goes through the
client, so at most ``1 + max_retries`` HTTP requests each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Union, cast

from .._core import batch_specs as specs
from .._core.request import RequestSpec
from ..types.messages import MessageBatch
from ._results_file import PartialOwner

__all__ = [
    "INITIAL_DELAY",
    "MAX_DELAY",
    "Fetch",
    "GiveUp",
    "SaveMachine",
    "SaveProgress",
    "Saved",
]

INITIAL_DELAY = 0.5
"""Seconds before requesting the results again after the first failure of a run."""

MAX_DELAY = 8.0
"""The longest wait between two results requests of a save."""


@dataclass(frozen=True)
class Fetch:
    """Sleep ``delay`` seconds, then request the results (again)."""

    delay: float


@dataclass(frozen=True)
class Saved:
    """Every line is written: commit the file."""


@dataclass(frozen=True)
class GiveUp:
    """The run of failures reached ``max_attempts``: raise the cut (the partial file
    stays). ``reason`` is set when the last failure was a clean but short stream (there
    is no cut to raise: raise ``APIConnectionError(reason)``)."""

    reason: str = ""


Step = Union[Fetch, Saved, GiveUp]


@dataclass(frozen=True)
class SaveProgress:
    """Where a running save is (what ``save_results(on_progress=...)`` is called with).

    ``lines``: results in the file so far (those resumed from an earlier run's partial
    file included); ``expected``: how many the batch has (its ``request_counts`` summed;
    ``None`` if they did not parse); ``attempts``: results requests made so far, more
    than 1 once a cut stream is being resumed.
    """

    batch_id: str
    lines: int
    expected: Optional[int]
    attempts: int


class SaveMachine:
    """The state of one save (see the module docstring).

    ``attempts``: results requests made so far (each one ``Fetch``); ``failures``: the
    length of the current run of failed attempts; ``expected``: the batch's request count.
    """

    def __init__(self, target: Union[str, MessageBatch], max_attempts: int = 5) -> None:
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
            raise ValueError(f"max_attempts must be an integer >= 1, got {max_attempts!r}")
        self.max_attempts = max_attempts
        self._given, self.batch_id = specs.batch_or_id(target)
        self.expected: Optional[int] = None
        self.results_url: Optional[str] = None
        self.attempts = 0
        self.failures = 0
        self._written_at_start = 0

    def ended_batch(self) -> Optional[MessageBatch]:
        """The batch passed in if it had ended; ``None``: retrieve it first (a bare id, or a
        batch passed in before it ended, which it may have by now)."""
        given = self._given
        return given if given is not None and given.processing_status == "ended" else None

    def retrieve_spec(self) -> RequestSpec:
        return specs.retrieve_spec(self.batch_id, specs.Options())

    def results_spec(self, batch: MessageBatch, base_url: str) -> RequestSpec:
        """The results request of ``batch`` (``BatchNotEndedError`` if it has not ended)."""
        spec = specs.results_spec(batch, base_url, specs.Options())
        self.expected = _request_count(batch)
        url: Any = getattr(batch, "results_url", None)
        self.results_url = url if isinstance(url, str) else None
        return spec

    @property
    def owner(self) -> PartialOwner:
        """What the partial file of this save belongs to (after ``results_spec``)."""
        return PartialOwner(self.batch_id, self.results_url)

    def progress(self, lines: int) -> SaveProgress:
        """The snapshot of this save with ``lines`` results in the file."""
        return SaveProgress(self.batch_id, lines, self.expected, self.attempts)

    def start(self) -> Fetch:
        """The first request, at once."""
        return self._fetch(0.0, 0)

    def on_end(self, lines: int) -> Step:
        """The stream ended cleanly with ``lines`` results in the file in all: saved if
        that is every line (or the count is unknown), else a cut at a line boundary."""
        if self.expected is None or lines >= self.expected:
            return Saved()
        step = self.on_cut(lines)
        if isinstance(step, GiveUp):
            return GiveUp(
                f"the results stream of {self.batch_id} ended cleanly but short: the file "
                f"has {lines} of the batch's {self.expected} results after "
                f"{self.attempts} attempt(s); the partial file is kept, call again to resume"
            )
        return step

    def on_cut(self, written: int) -> Union[Fetch, GiveUp]:
        """The stream was cut after this run had written ``written`` lines in all."""
        progressed = written > self._written_at_start
        self.failures = 1 if progressed else self.failures + 1
        if self.failures >= self.max_attempts:
            return GiveUp()
        delay = min(INITIAL_DELAY * 2.0 ** (self.failures - 1), MAX_DELAY)
        return self._fetch(delay, written)

    def _fetch(self, delay: float, written: int) -> Fetch:
        self.attempts += 1
        self._written_at_start = written
        return Fetch(delay)


def _request_count(batch: MessageBatch) -> Optional[int]:
    """The sum of ``request_counts`` (the lines the results have), or ``None`` when a
    lenient parse left it unusable."""
    counts: Any = getattr(batch, "request_counts", None)
    if not isinstance(counts, Mapping):
        return None
    total = 0
    for value in cast("Mapping[str, Any]", counts).values():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return None
        total += value
    return total
