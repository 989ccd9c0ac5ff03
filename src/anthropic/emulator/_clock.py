"""Clocks for the emulator: a manual one for tests, the system one for servers.

The emulator never runs timers. Every lifecycle fact (is the batch ended? did its
requests expire? are its results archived?) is derived from ``clock.now()`` at the
moment a request is served, so moving a :class:`ManualClock` forward is all a test
needs to do to make hours pass.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from typing import Union

from typing_extensions import Protocol, runtime_checkable

__all__ = ["DEFAULT_START", "Clock", "ManualClock", "SystemClock"]

#: Where a :class:`ManualClock` starts unless told otherwise: 2024-09-24T18:37:24.100435Z,
#: the creation time of the batch in the golden fixtures.
DEFAULT_START = datetime(2024, 9, 24, 18, 37, 24, 100435, tzinfo=timezone.utc)


@runtime_checkable
class Clock(Protocol):
    """Anything with ``now() -> float`` (seconds since the Unix epoch, UTC)."""

    def now(self) -> float: ...


class SystemClock:
    """The real wall clock: ``SystemClock().now()`` is ``time.time()``."""

    def now(self) -> float:
        return time.time()

    def __repr__(self) -> str:
        return "SystemClock()"


class ManualClock:
    """A clock that only moves when told to.

    Usage::

        clock = ManualClock()            # starts at DEFAULT_START
        emu = Emulator(clock=clock, processing_time=60)
        ...                              # create a batch
        clock.advance(60)                # or emu.advance(60): the batch has now ended

    ``start`` is an aware ``datetime`` or seconds since the epoch. Thread-safe.
    """

    def __init__(self, start: Union[datetime, float] = DEFAULT_START) -> None:
        if isinstance(start, datetime):
            if start.tzinfo is None:
                raise ValueError("ManualClock(start=...) needs an aware datetime (tzinfo set)")
            start = start.timestamp()
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds`` (>= 0) and return the new time."""
        if seconds < 0:
            raise ValueError(f"ManualClock.advance(seconds={seconds!r}): time cannot go back")
        with self._lock:
            self._now += seconds
            return self._now

    def set(self, when: Union[datetime, float]) -> None:
        """Jump to an absolute time that is not earlier than now."""
        target = when.timestamp() if isinstance(when, datetime) else float(when)
        with self._lock:
            if target < self._now:
                raise ValueError("ManualClock.set(): time cannot go back")
            self._now = target

    def __repr__(self) -> str:
        return f"ManualClock(now={self._now!r})"
