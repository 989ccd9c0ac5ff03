"""Send a request with retries on an ``httpx.AsyncClient`` (asyncio or trio).

The twin of ``SyncSender``: same loop, with ``await`` at send, read, close and sleep.
"""

from __future__ import annotations

from typing import Awaitable, Callable, Optional

import httpx

from .._core.request import RequestSpec, attempt_request
from .._core.retry import RetryPolicy
from .common import Origin, SenderBase
from .errors import log_request, log_response

__all__ = ["AsyncSender"]


class AsyncSender(SenderBase):
    """Retrying sender over an ``httpx.AsyncClient``; clock, sleep and jitter are injectable."""

    __slots__ = ("http", "sleep")

    def __init__(
        self,
        http: httpx.AsyncClient,
        origin: Origin,
        *,
        sleep: Optional[Callable[[float], Awaitable[None]]] = None,
        **kw: Callable[[], float],
    ) -> None:
        super().__init__(origin, **kw)
        self.http = http
        self.sleep = sleep or _anyio_sleep

    async def send(
        self, request: httpx.Request, spec: RequestSpec, policy: RetryPolicy, *, read: bool
    ) -> tuple[httpx.Response, int]:
        """See ``SyncSender.send``."""
        first, retries = request, 0
        while True:
            sent_at = self.clock()
            response: Optional[httpx.Response] = None
            try:
                response = await self._send_once(request)
                if read or not response.is_success:
                    await response.aread()
            except Exception as exc:  # httpx's, or a custom transport's (not ours: re-raised)
                if response is not None:
                    await response.aclose()
                delay = self.on_error(exc, request, spec, policy, retries, sent_at)
            except BaseException:
                if response is not None:
                    await _close_shielded(response)
                raise
            else:
                if response.is_success:
                    return response, retries
                delay = self.on_status(response, request, policy, retries)
            await self.sleep(delay)
            retries += 1
            request = attempt_request(first, retries)  # a new object per attempt

    async def _send_once(self, request: httpx.Request) -> httpx.Response:
        current, hops = request, 0
        while True:
            log_request(current)
            response = await self.http.send(current, stream=True, follow_redirects=False)
            log_response(current, response)
            try:
                nxt = self.redirect(current, response, hops, request)
            except BaseException:  # too many redirects: release the last one first
                await _close_shielded(response)
                raise
            if nxt is None:
                return response
            await response.aclose()
            current, hops = nxt, hops + 1


async def _anyio_sleep(seconds: float) -> None:
    import anyio  # on first use: sync-only programs never import it

    await anyio.sleep(seconds)


async def _close_shielded(response: httpx.Response) -> None:
    # Cancellation must still release the connection: close inside a shielded scope.
    import anyio

    with anyio.CancelScope(shield=True):
        await response.aclose()
