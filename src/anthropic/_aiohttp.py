"""``DefaultAioHttpClient``: an ``httpx.AsyncClient`` that sends through aiohttp.

    from anthropic import AsyncAnthropic, DefaultAioHttpClient

    async with AsyncAnthropic(http_client=DefaultAioHttpClient()) as client:
        batch = await client.messages.batches.retrieve("msgbatch_...")

The transport is ``httpx-aiohttp``'s (``pip install "anthropic-batches[aiohttp]"``); everything
above it (retries, redirects, timeouts, parsing) is the same code as with the default
httpx transport. ``anthropic`` loads this module only when the name is first used, so
``import anthropic`` never needs aiohttp; without the extra, constructing the client
raises ``RuntimeError`` saying what to install.

Errors are re-classified on the way out (``transport_error_for``): whether a failed
request may have reached the server decides whether a ``create`` may be sent again, and
the package reports every aiohttp connection error, a server closing the connection
after the request was sent included, as an ``httpx.ConnectTimeout`` ("never sent").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, AsyncIterator, Optional

import httpx

from ._base_client import resolve_config_defaults
from ._core.config import DEFAULT_LIMITS

__all__ = ["DefaultAioHttpClient", "transport_error_for"]

INSTALL_HINT = 'DefaultAioHttpClient needs aiohttp: pip install "anthropic-batches[aiohttp]"'


def transport_error_for(cause: BaseException) -> Optional[type[httpx.TransportError]]:
    """The httpx error an aiohttp error stands for, or ``None`` to keep the package's.

    Only a failure to connect says the request was never sent (``ConnectError``,
    ``ConnectTimeout``); a closed connection, reset or timeout after that is a read
    error (the request may have been processed). When unsure: may have been sent."""
    import aiohttp

    connect_timeout: Optional[type[BaseException]] = getattr(
        aiohttp, "ConnectionTimeoutError", None
    )
    if isinstance(cause, aiohttp.ClientProxyConnectionError):
        return httpx.ProxyError
    if connect_timeout is not None and isinstance(cause, connect_timeout):
        return httpx.ConnectTimeout
    if isinstance(cause, aiohttp.ClientConnectorError):
        return httpx.ConnectError
    if isinstance(cause, aiohttp.ServerTimeoutError):
        return httpx.ReadTimeout
    if isinstance(cause, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError
    if isinstance(cause, (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError)):
        return httpx.ReadError
    return None


def _remapped(exc: httpx.TransportError) -> httpx.TransportError:
    cause = exc.__cause__
    kind = transport_error_for(cause) if cause is not None else None
    if kind is None or type(exc) is kind:
        return exc
    return kind(str(exc) or type(cause).__name__)


class _RemappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except httpx.TransportError as exc:
            raise _remapped(exc) from exc.__cause__

    async def aclose(self) -> None:
        await self._inner.aclose()


class _ErrorMapping(httpx.AsyncBaseTransport):
    """Wraps the aiohttp transport: the same requests, errors classified honestly."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._inner.handle_async_request(request)
        except httpx.TransportError as exc:
            raise _remapped(exc) from exc.__cause__
        if isinstance(response.stream, httpx.AsyncByteStream):
            response.stream = _RemappedStream(response.stream)
        return response

    async def __aenter__(self) -> _ErrorMapping:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self._inner.__aexit__(*exc_info)

    async def aclose(self) -> None:
        await self._inner.aclose()


class _MissingAiohttp(httpx.AsyncClient):
    def __init__(self, **kwargs: Any) -> None:
        raise RuntimeError(INSTALL_HINT)


def _transport_client() -> type[httpx.AsyncClient]:
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ImportError:
        return _MissingAiohttp
    return HttpxAiohttpClient


if TYPE_CHECKING:
    _Base = httpx.AsyncClient
else:
    _Base = _transport_client()


class DefaultAioHttpClient(_Base):
    """An ``httpx.AsyncClient`` over aiohttp, with the SDK's defaults (600 s timeout,
    connection limits, redirects left to the SDK). Takes ``httpx.AsyncClient``'s
    arguments; pass it as ``AsyncAnthropic(http_client=...)``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", resolve_config_defaults().timeout)
        kwargs.setdefault("limits", DEFAULT_LIMITS)
        kwargs.setdefault("follow_redirects", False)
        super().__init__(**kwargs)

    # httpx builds the default transport and one per proxy through these two hooks; the
    # aiohttp package returns its transports from them, which are wrapped here.
    def _init_transport(self, *args: Any, **kwargs: Any) -> httpx.AsyncBaseTransport:
        return _ErrorMapping(super()._init_transport(*args, **kwargs))

    def _init_proxy_transport(self, *args: Any, **kwargs: Any) -> httpx.AsyncBaseTransport:
        return _ErrorMapping(super()._init_proxy_transport(*args, **kwargs))
