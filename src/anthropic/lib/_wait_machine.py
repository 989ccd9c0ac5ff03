"""The pure decision core of ``wait``: when to poll next, when to stop, what to tolerate.

    machine = WaitMachine("msgbatch_1", WaitOptions(timeout=3600), now=clock())
    step = machine.start()                     # Poll(delay=0.0): retrieve at once
    while not isinstance(step, Done):
        if isinstance(step, TimedOut): raise machine.timeout_error(clock())
        sleep(step.delay)
        try:
            step = machine.on_batch(retrieve(machine.batch_id), clock())
        except Exception as exc:
            step = machine.on_error(exc, clock())   # re-raises what is not transient

No I/O and no clock reads here: the sync and async drivers in ``_wait`` feed it times.
Invariants: every delay is in ``[0, max_poll_interval]``; no poll is scheduled after the
deadline; so a wait always ends (``timeout=None`` still stops an hour past the batch's
``expires_at``, by which the API has ended every batch).

``WaitOptions`` is the one place the wait keywords and their defaults are written;
``WaitOptionsDict`` is the same keywords as the ``**options`` of the public signatures.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime
from typing import Optional, Union

from typing_extensions import TypedDict

from .._core.batch_specs import batch_or_id
from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
)
from ..types.messages import MessageBatch
from ._errors import BatchWaitTimeout

__all__ = [
    "BACKOFF_FACTOR",
    "NATURAL_LIMIT",
    "Done",
    "Poll",
    "TimedOut",
    "WaitMachine",
    "WaitOptions",
    "WaitOptionsDict",
    "is_transient",
]

BACKOFF_FACTOR = 2.0
"""Each interval is this many times the previous one, up to ``max_poll_interval``."""

NATURAL_LIMIT = 25 * 3600.0
"""With ``timeout=None``: the longest a batch can run (24 h) plus an hour of slack."""

_EXPIRY_SLACK = 3600.0


class WaitOptionsDict(TypedDict, total=False):
    """The keyword options of ``batches.wait`` and ``job.wait`` (defaults: ``WaitOptions``).

    ``timeout``: seconds before ``BatchWaitTimeout`` (``None``: until an hour past the
    batch's ``expires_at``); ``poll_interval``: the first interval, doubled after each
    poll up to ``max_poll_interval``; ``not_found_grace``: seconds after the batch's
    creation during which a 404 counts as pending (only for a batch of known age: created
    by this client object, or passed in / seen with its ``created_at``; a 404 for any other
    id is raised at once); ``cancel_on_exit``: cancel the batch (every unended
    batch of a job) if the wait ends any other way than the batch ending.
    """

    timeout: Optional[float]
    poll_interval: float
    max_poll_interval: float
    not_found_grace: float
    cancel_on_exit: bool


@dataclasses.dataclass(frozen=True)
class WaitOptions:
    """The wait keywords with their defaults (see ``WaitOptionsDict``), checked at once:
    a bad value raises ``ValueError`` before any I/O."""

    timeout: Optional[float] = None
    poll_interval: float = 5.0
    max_poll_interval: float = 60.0
    not_found_grace: float = 60.0
    cancel_on_exit: bool = False

    def __post_init__(self) -> None:
        intervals = (
            ("poll_interval", self.poll_interval),
            ("max_poll_interval", self.max_poll_interval),
        )
        for name, value in intervals:
            if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
                raise ValueError(f"{name} must be a number of seconds > 0, got {value!r}")
        if self.max_poll_interval < self.poll_interval:
            raise ValueError(
                f"max_poll_interval ({self.max_poll_interval!r}) must be >= "
                f"poll_interval ({self.poll_interval!r})"
            )
        timeout = self.timeout
        if timeout is not None and not (isinstance(timeout, (int, float)) and timeout >= 0):
            raise ValueError(f"timeout must be None or a number of seconds >= 0, got {timeout!r}")
        grace = self.not_found_grace
        if not (isinstance(grace, (int, float)) and grace >= 0):
            raise ValueError(f"not_found_grace must be a number of seconds >= 0, got {grace!r}")

    def remaining(self, started: float, now: float) -> WaitOptions:
        """The options of one wait inside a longer one (a job's, started at ``started``):
        the time left of ``timeout``, and no cancel of its own (the caller cancels)."""
        left = None if self.timeout is None else max(0.0, self.timeout - (now - started))
        return dataclasses.replace(self, timeout=left, cancel_on_exit=False)


class Poll:
    """Sleep ``delay`` seconds, then retrieve the batch."""

    __slots__ = ("delay",)

    def __init__(self, delay: float) -> None:
        self.delay = delay

    def __repr__(self) -> str:
        return f"Poll({self.delay!r})"


class Done:
    """The batch has ended."""

    __slots__ = ("batch",)

    def __init__(self, batch: MessageBatch) -> None:
        self.batch = batch


class TimedOut:
    """The deadline passed; raise ``machine.timeout_error(now)``."""


Step = Union[Poll, Done, TimedOut]


def is_transient(exc: BaseException) -> bool:
    """Errors a wait rides out: connection/timeout, 408, 409, 429, 5xx, 529."""
    if isinstance(exc, APIConnectionError):
        return True
    if isinstance(exc, (RateLimitError, InternalServerError, ConflictError)):
        return True
    return isinstance(exc, APIStatusError) and exc.status_code == 408


def _timestamp(value: object) -> Optional[float]:
    # A lenient parse may leave a date missing or of another type: then it is unknown.
    return value.timestamp() if isinstance(value, datetime) else None


class WaitMachine:
    """The state of one wait (see the module docstring): the batch (or its id) and the
    options; ``now`` is when the wait started; ``created``: when this client created the
    batch (same clock as ``now``), if it did."""

    def __init__(
        self,
        target: Union[str, MessageBatch],
        options: WaitOptions,
        *,
        now: float,
        created: Optional[float] = None,
    ) -> None:
        self.batch, self.batch_id = batch_or_id(target)
        self.started = now
        self.created = created
        self.timeout = options.timeout
        self.interval = float(options.poll_interval)
        self.max_interval = float(options.max_poll_interval)
        self.grace = float(options.not_found_grace)

    @property
    def deadline(self) -> float:
        if self.timeout is not None:
            return self.started + self.timeout
        expires = _timestamp(getattr(self.batch, "expires_at", None))
        if expires is not None:
            return expires + _EXPIRY_SLACK
        return self.started + NATURAL_LIMIT

    def start(self) -> Step:
        """The first step: done for an ended batch, else poll (at once for a bare id)."""
        if self.batch is None:
            return Poll(0.0)
        if self.batch.processing_status == "ended":
            return Done(self.batch)
        return self._next(self.started)

    def on_batch(self, batch: MessageBatch, now: float) -> Step:
        self.batch = batch
        if batch.processing_status == "ended":
            return Done(batch)
        return self._next(now)

    def on_error(self, exc: Exception, now: float) -> Step:
        """The step after a failed poll; re-raises ``exc`` unless it is transient or a
        404 while the batch is younger than ``not_found_grace``. Its age is known from
        ``created`` (a create this client made) or the batch's ``created_at``; an id of
        unknown age gets no grace, so a mistyped id fails on the first poll."""
        born = self._born()
        if isinstance(exc, NotFoundError) and born is not None and now - born < self.grace:
            return self._next(now)
        if not is_transient(exc):
            raise exc
        hint = exc.retry_after if isinstance(exc, APIStatusError) else None
        return self._next(now, at_least=hint)

    def result(self, step: Union[Done, TimedOut], now: float) -> MessageBatch:
        """The ended batch of a finished wait, or raise ``BatchWaitTimeout``."""
        if isinstance(step, Done):
            return step.batch
        raise self.timeout_error(now)

    def timeout_error(self, now: float) -> BatchWaitTimeout:
        return BatchWaitTimeout(self.batch_id, self.batch, now - self.started)

    def _born(self) -> Optional[float]:
        born = self.created
        if born is None:
            born = _timestamp(getattr(self.batch, "created_at", None))
        # A creation time ahead of this clock (skew, or a bogus created_at) counts as the
        # wait's start, so the grace never lasts longer than ``grace`` from there.
        return None if born is None else min(born, self.started)

    def _next(self, now: float, at_least: Optional[float] = None) -> Step:
        remaining = self.deadline - now
        if remaining <= 0:
            return TimedOut()
        delay = self.interval
        if at_least is not None and at_least > delay:
            delay = min(at_least, self.max_interval)
        self.interval = min(self.interval * BACKOFF_FACTOR, self.max_interval)
        return Poll(min(delay, remaining))
