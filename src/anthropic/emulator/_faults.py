"""Deterministic fault injection: errors, dropped connections, delays, cut streams.

Usage::

    emu = Emulator(faults=Faults(seed=7))
    rule = emu.faults.add(Fault.error(429, route="create", times=2, retry_after=1))
    emu.faults.add(Fault.drop(route="retrieve", after_processing=True, probability=0.1))
    ...
    assert rule.fired == 2
    emu.faults.clear()

A rule targets one route (``create``, ``retrieve``, ``list``, ``cancel``, ``delete``,
``results``, ``messages``, ``count_tokens``, ``models``), several, or ``"*"``; fires at
most ``times`` times (None: no limit), each time with ``probability`` drawn from the
collection's seeded ``random.Random``. For each request, the first rule (in insertion
order) that matches and fires wins; one fault at most per request, so a run is
reproducible from the seed and the request order.
"""

from __future__ import annotations

import math
import random
import threading
from typing import Callable, Iterable, Iterator, List, Optional, Tuple, Union

from typing_extensions import Literal

__all__ = ["ROUTES", "Fault", "FaultKind", "Faults"]

ROUTES = (
    "create",
    "retrieve",
    "list",
    "cancel",
    "delete",
    "results",
    "messages",
    "count_tokens",
    "models",
)

FaultKind = Literal[
    "error", "drop_before", "drop_after", "delay", "cut_stream", "not_found", "error_event"
]

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    408: "timeout_error",
    409: "invalid_request_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    502: "api_error",
    503: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}
_ERROR_MESSAGES = {
    429: "Number of concurrent batches exceeds your rate limit. Please try again later.",
    503: "Service temporarily unavailable",
    529: "Overloaded",
}
_BATCH_ROUTES = ("retrieve", "cancel", "delete", "results")


class Fault:
    """One fault rule. Build it with a factory: ``Fault.error``, ``Fault.drop``,
    ``Fault.delay``, ``Fault.cut_stream``, ``Fault.not_found_after_create``.

    ``fired`` counts how often it has fired so far.
    """

    def __init__(
        self,
        kind: FaultKind,
        *,
        route: Union[str, Iterable[str]] = "*",
        times: Optional[int] = None,
        probability: float = 1.0,
        status: int = 500,
        retry_after: Optional[float] = None,
        seconds: float = 0.0,
        after_bytes: int = 0,
    ) -> None:
        routes = (route,) if isinstance(route, str) else tuple(route)
        for name in routes:
            if name != "*" and name not in ROUTES:
                raise ValueError(f"Fault route {name!r} is not '*' or one of {ROUTES}")
        if not 0.0 <= probability <= 1.0:
            raise ValueError(f"Fault probability must be within [0, 1], not {probability!r}")
        if times is not None and times < 0:
            raise ValueError(f"Fault times must be >= 0 or None, not {times!r}")
        self.kind: FaultKind = kind
        self.routes = frozenset(ROUTES if "*" in routes else routes)
        self.times = times
        self.probability = probability
        self.status = status
        self.error_type = _ERROR_TYPES.get(status, "api_error")
        self.message = _ERROR_MESSAGES.get(status, "Internal server error")
        self.retry_after = retry_after
        self.seconds = seconds
        self.after_bytes = after_bytes
        self.fired = 0

    def __repr__(self) -> str:
        routes = ",".join(sorted(self.routes))
        return f"<Fault {self.kind} routes={routes} times={self.times} fired={self.fired}>"

    @classmethod
    def error(
        cls,
        status: int,
        *,
        route: Union[str, Iterable[str]] = "*",
        times: Optional[int] = None,
        probability: float = 1.0,
        retry_after: Optional[float] = None,
    ) -> Fault:
        """Answer ``status`` (429, 500, 503, 529, …) with the API's error body, before
        anything is processed; ``retry_after`` (seconds) adds a ``retry-after`` header."""
        return cls(
            "error",
            route=route,
            times=times,
            probability=probability,
            status=status,
            retry_after=retry_after,
        )

    @classmethod
    def drop(
        cls,
        *,
        after_processing: bool = False,
        route: Union[str, Iterable[str]] = "*",
        times: Optional[int] = None,
        probability: float = 1.0,
    ) -> Fault:
        """Close the connection without a response. ``after_processing=False``: the
        request never reached the API (state untouched; in-process: ``httpx.ConnectError``).
        ``True``: it was processed (a create really created the batch) but the response
        is lost (in-process: ``httpx.RemoteProtocolError``)."""
        kind: FaultKind = "drop_after" if after_processing else "drop_before"
        return cls(kind, route=route, times=times, probability=probability)

    @classmethod
    def delay(
        cls,
        seconds: float,
        *,
        route: Union[str, Iterable[str]] = "*",
        times: Optional[int] = None,
        probability: float = 1.0,
    ) -> Fault:
        """Delay the response by ``seconds`` after processing. Over HTTP it really waits;
        in-process it raises ``httpx.ReadTimeout`` if ``seconds`` exceeds the request's
        read timeout and otherwise answers at once (the delay is virtual)."""
        return cls("delay", route=route, times=times, probability=probability, seconds=seconds)

    @classmethod
    def cut_stream(
        cls,
        after_bytes: int = 100,
        *,
        route: Union[str, Iterable[str]] = "results",
        times: Optional[int] = None,
        probability: float = 1.0,
    ) -> Fault:
        """Send the first ``after_bytes`` bytes of the body, then close the connection
        (in-process: ``httpx.RemoteProtocolError`` while reading the body)."""
        return cls(
            "cut_stream", route=route, times=times, probability=probability, after_bytes=after_bytes
        )

    @classmethod
    def error_event(
        cls,
        status: int = 529,
        *,
        route: Union[str, Iterable[str]] = "messages",
        times: Optional[int] = None,
        probability: float = 1.0,
    ) -> Fault:
        """For a streaming ``POST /v1/messages``: answer 200, send ``message_start`` and a
        ``ping``, then an ``error`` event of the type ``status`` stands for (529:
        ``overloaded_error``) instead of the reply, as the API does when it fails mid-stream."""
        return cls("error_event", route=route, times=times, probability=probability, status=status)

    @classmethod
    def not_found_after_create(
        cls,
        seconds: float = 2.0,
        *,
        route: Union[str, Iterable[str]] = _BATCH_ROUTES,
        times: Optional[int] = None,
        probability: float = 1.0,
    ) -> Fault:
        """Answer 404 not_found_error for a batch younger than ``seconds`` (eventual
        consistency right after create). Only fires for existing, fresh batches."""
        return cls("not_found", route=route, times=times, probability=probability, seconds=seconds)


class Faults:
    """An ordered, thread-safe collection of fault rules with a seeded random source."""

    def __init__(self, rules: Iterable[Fault] = (), *, seed: Optional[int] = None) -> None:
        self._rules: List[Fault] = list(rules)
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        """Append a rule (it takes effect for the next request) and return it."""
        with self._lock:
            self._rules.append(fault)
        return fault

    def remove(self, fault: Fault) -> None:
        with self._lock:
            self._rules.remove(fault)

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self._rules.clear()

    def seed(self, seed: Optional[int]) -> None:
        """Restart the random source, e.g. between test phases."""
        with self._lock:
            self._rng.seed(seed)

    def __len__(self) -> int:
        return len(self._rules)

    def __iter__(self) -> Iterator[Fault]:
        with self._lock:
            return iter(tuple(self._rules))

    def pick(self, route: str, batch_age: Callable[[], Optional[float]]) -> Optional[Fault]:
        """The rule that fires for this request, if any (and count it as fired)."""
        if not self._rules:  # the fast path: no faults configured
            return None
        with self._lock:
            for rule in self._rules:
                if route not in rule.routes:
                    continue
                if rule.times is not None and rule.fired >= rule.times:
                    continue
                if rule.kind == "not_found":
                    age = batch_age()
                    if age is None or age >= rule.seconds:
                        continue
                if rule.probability < 1.0 and self._rng.random() >= rule.probability:
                    continue
                rule.fired += 1
                return rule
        return None


def retry_after_header(rule: Fault) -> List[Tuple[bytes, bytes]]:
    if rule.retry_after is None:
        return []
    # Whole seconds, rounded up, as the API sends; fractional values go to -ms.
    seconds = rule.retry_after
    out = [(b"retry-after", str(max(0, math.ceil(seconds))).encode())]
    if seconds != int(seconds):
        out.append((b"retry-after-ms", str(round(seconds * 1000)).encode()))
    return out
