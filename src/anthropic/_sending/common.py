"""What both senders share: the per-attempt decisions, wrapped around the pure core.

The senders' loops only send, read, close and sleep; after each attempt they ask
``on_error`` / ``on_status`` for the delay before the next one (which raise when the
call should give up). Keeping these here is what keeps the sync and async twins equal.
"""

from __future__ import annotations

import random
import time
from typing import Callable, Optional

import httpx

from .._core.decode import status_error
from .._core.redirects import MAX_REDIRECTS, redirect_request
from .._core.request import RequestSpec
from .._core.retry import RetryPolicy
from .._exceptions import AnthropicError
from .errors import (
    is_ambiguous,
    is_permanent,
    log_retry,
    timeout_variant,
    too_many_redirects,
    translate,
)

__all__ = ["Origin", "SenderBase"]

Origin = tuple[str, str, Optional[int]]


class SenderBase:
    """Clock, jitter source and origin; ``AsyncSender``/``SyncSender`` add the sleep."""

    __slots__ = ("clock", "origin", "rand")

    def __init__(
        self,
        origin: Origin,
        *,
        clock: Callable[[], float] = time.time,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.origin = origin
        self.clock = clock
        self.rand = rand

    def on_error(
        self,
        exc: Exception,
        request: httpx.Request,
        spec: RequestSpec,
        policy: RetryPolicy,
        retries: int,
        sent_at: float,
    ) -> float:
        """Delay before retrying after a failure with no response; raises to give up.

        ``exc`` is an httpx error or any other exception a transport raised (wrapped as
        ``APIConnectionError`` and retried, as the official SDK); our own errors (e.g.
        too many redirects) propagate unchanged.
        """
        if isinstance(exc, AnthropicError):
            raise exc
        if is_permanent(exc):
            # Refused before any byte was written: not sent, so never "outcome unknown",
            # and not retried. ``from None``: the httpx message may quote a header value.
            raise translate(exc, request) from None
        if spec.on_ambiguous is not None and is_ambiguous(exc):
            raise timeout_variant(spec.on_ambiguous(request, sent_at), exc) from exc
        delay = policy.decide(
            retries, status=None, headers=None, now=self.clock(), rand=self.rand()
        )
        if delay is None:
            raise translate(exc, request) from exc
        log_retry(request, retries, policy.max_retries, delay)
        return delay

    def on_status(
        self, response: httpx.Response, request: httpx.Request, policy: RetryPolicy, retries: int
    ) -> float:
        """Delay before retrying after an error status (body read); raises to give up."""
        now = self.clock()
        delay = policy.decide(
            retries,
            status=response.status_code,
            headers=response.headers,
            now=now,
            rand=self.rand(),
        )
        if delay is None:
            raise status_error(response, now)
        log_retry(request, retries, policy.max_retries, delay)
        return delay

    def redirect(
        self, current: httpx.Request, response: httpx.Response, hops: int, first: httpx.Request
    ) -> Optional[httpx.Request]:
        """The next request if ``response`` redirects (credentials kept on our origin only)."""
        nxt = redirect_request(current, response, self.origin)
        if nxt is not None and hops >= MAX_REDIRECTS:
            raise too_many_redirects(first)
        return nxt
