"""Whether to retry, and how long to wait first: one pure policy for sync and async.

    policy = RetryPolicy(max_retries=2)
    policy.decide(retries_taken=0, status=529, headers=resp.headers, now=time.time(), rand=0.3)
    # -> 0.4625 (seconds to sleep), or None to stop and surface the error

Rules (the API's documented behaviour):
- retry connection errors and timeouts (``status=None``), 408, 409, 429 and every 5xx;
- a response header ``x-should-retry: true|false`` overrides the status rule;
- wait ``retry-after-ms``, else ``retry-after`` (seconds, float, or an HTTP-date) when the
  value is in (0, 60] seconds; otherwise back off ``0.5 s * 2**retries_taken`` capped at
  8 s, times a jitter factor ``1 - 0.25 * rand`` in (0.75, 1] that only ever shortens.
"""

from __future__ import annotations

import datetime
import email.utils
import math
from dataclasses import dataclass
from typing import Mapping, Optional

__all__ = ["RetryPolicy", "is_retryable_status", "retry_after_seconds"]

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0


def is_retryable_status(status: int) -> bool:
    """408, 409, 429 and any 5xx (529 included)."""
    return status in (408, 409, 429) or status >= 500


def retry_after_seconds(headers: Mapping[str, str], now: float) -> Optional[float]:
    """What the server asked us to wait, in seconds, or ``None`` if it said nothing usable.

    ``retry-after-ms`` wins over ``retry-after``; ``retry-after`` may be a number of seconds
    or an HTTP-date (compared with ``now``, the caller's clock as a POSIX timestamp).
    The value is returned as the server said it (it may be 0, negative or huge): deciding
    whether to honour it is the policy's job.
    """
    ms = headers.get("retry-after-ms")
    if ms is not None:
        value = _finite_float(ms)
        if value is not None:
            return value / 1000.0
    raw = headers.get("retry-after")
    if raw is None:
        return None
    value = _finite_float(raw)
    if value is not None:
        return value
    try:
        # Python 3.9 returns None for some garbage where later versions raise.
        when: object = email.utils.parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if not isinstance(when, datetime.datetime):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    return when.timestamp() - now


def _finite_float(text: str) -> Optional[float]:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to retry and how long to wait; every method is a pure function."""

    max_retries: int = 2
    initial_delay: float = INITIAL_DELAY
    max_delay: float = MAX_DELAY
    max_retry_after: float = MAX_RETRY_AFTER

    def should_retry(self, status: Optional[int], headers: Optional[Mapping[str, str]]) -> bool:
        """Whether this outcome is retryable at all (ignoring how many retries are left)."""
        if headers is not None:
            override = headers.get("x-should-retry")
            if override == "true":
                return True
            if override == "false":
                return False
        return status is None or is_retryable_status(status)

    def delay(
        self, retries_taken: int, headers: Optional[Mapping[str, str]], now: float, rand: float
    ) -> float:
        """Seconds to wait before retry number ``retries_taken + 1``."""
        if headers is not None:
            asked = retry_after_seconds(headers, now)
            if asked is not None and 0 < asked <= self.max_retry_after:
                return asked
        backoff = min(self.initial_delay * 2.0 ** min(retries_taken, 62), self.max_delay)
        return backoff * (1.0 - 0.25 * rand)

    def decide(
        self,
        retries_taken: int,
        *,
        status: Optional[int],
        headers: Optional[Mapping[str, str]],
        now: float,
        rand: float,
    ) -> Optional[float]:
        """Seconds to sleep before retrying, or ``None`` to give up.

        ``status=None`` means no response arrived (connection error or timeout).
        """
        if retries_taken >= self.max_retries or not self.should_retry(status, headers):
            return None
        return self.delay(retries_taken, headers, now, rand)
