"""Send a request with retries on a blocking ``httpx.Client``.

Decisions come from ``SenderBase`` and the pure ``_core``; this shell only sends, reads,
closes and sleeps. ``AsyncSender`` is its twin; ``tests/client/test_parity.py`` keeps
the two in step.
"""

from __future__ import annotations

import time
from typing import Callable, Optional

import httpx

from .._core.request import RequestSpec, attempt_request
from .._core.retry import RetryPolicy
from .common import Origin, SenderBase
from .errors import log_request, log_response

__all__ = ["SyncSender"]


class SyncSender(SenderBase):
    """Retrying sender over an ``httpx.Client``; clock, sleep and jitter are injectable."""

    __slots__ = ("http", "sleep")

    def __init__(
        self,
        http: httpx.Client,
        origin: Origin,
        *,
        sleep: Optional[Callable[[float], None]] = None,
        **kw: Callable[[], float],
    ) -> None:
        super().__init__(origin, **kw)
        self.http = http
        self.sleep = sleep or time.sleep

    def send(
        self, request: httpx.Request, spec: RequestSpec, policy: RetryPolicy, *, read: bool
    ) -> tuple[httpx.Response, int]:
        """Send until success or give up; return the 2xx response and the retries taken.

        With ``read=True`` the body is read (and the connection released) before
        returning; otherwise the caller owns the open response and must close it.
        """
        first, retries = request, 0
        while True:
            sent_at = self.clock()
            response: Optional[httpx.Response] = None
            try:
                response = self._send_once(request)
                if read or not response.is_success:
                    response.read()
            except Exception as exc:  # httpx's, or a custom transport's (not ours: re-raised)
                if response is not None:
                    response.close()
                delay = self.on_error(exc, request, spec, policy, retries, sent_at)
            except BaseException:
                if response is not None:
                    response.close()
                raise
            else:
                if response.is_success:
                    return response, retries
                delay = self.on_status(response, request, policy, retries)
            self.sleep(delay)
            retries += 1
            request = attempt_request(first, retries)  # a new object per attempt

    def _send_once(self, request: httpx.Request) -> httpx.Response:
        current, hops = request, 0
        while True:
            log_request(current)
            response = self.http.send(current, stream=True, follow_redirects=False)
            log_response(current, response)
            try:
                nxt = self.redirect(current, response, hops, request)
            except BaseException:  # too many redirects: release the last one first
                response.close()
                raise
            if nxt is None:
                return response
            response.close()
            current, hops = nxt, hops + 1
