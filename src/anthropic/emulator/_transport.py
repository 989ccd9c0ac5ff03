"""httpx transports (``httpx.BaseTransport``/``AsyncBaseTransport``) into the emulator.

Each request goes to the emulator's handler in-process: no socket, no port. The
transports raise what a real network would: ``httpx.ConnectError`` when a connection
is dropped before the request was processed, ``httpx.RemoteProtocolError`` when it is
dropped after (or a body is cut short), ``httpx.ReadTimeout`` when a delay fault
exceeds the request's read timeout.
"""

from __future__ import annotations

from typing import AsyncIterator, Iterator, Mapping, Optional

import anyio.to_thread
import httpx
from typing_extensions import TypeIs

from ._handler import Handler, Reply

__all__ = ["AsyncEmulatorTransport", "EmulatorTransport"]

# Bodies larger than this are handled in a worker thread by the async transport, so a
# 100,000-request create does not stall the event loop; small ones are faster inline.
_OFFLOAD_BYTES = 256 * 1024
_CUT_MESSAGE = "peer closed connection without sending complete message body"


def _raw_path(url: httpx.URL) -> str:
    # Route on the path as sent (percent-encoded): ``url.path`` is decoded, and an id such
    # as "a/b" (sent as "a%2Fb") would become two path segments, i.e. another route.
    return url.raw_path.split(b"?", 1)[0].decode("ascii")


def _host(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def _is_timeouts(value: object) -> TypeIs[Mapping[str, Optional[float]]]:
    # httpx's "timeout" extension: {"connect", "read", "write", "pool"} seconds (None: none).
    return isinstance(value, dict)


def _read_timeout(request: httpx.Request) -> Optional[float]:
    timeout = request.extensions.get("timeout")
    return timeout.get("read") if _is_timeouts(timeout) else None


def _check_io_faults(reply: Reply, request: httpx.Request) -> None:
    if reply.drop == "before":
        raise httpx.ConnectError("[emulator fault] connection refused", request=request)
    if reply.drop == "after":
        raise httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    if reply.delay:
        limit = _read_timeout(request)
        if limit is not None and reply.delay > limit:
            raise httpx.ReadTimeout("The read operation timed out", request=request)


def _cut(chunks: Iterator[bytes], limit: int, request: httpx.Request) -> Iterator[bytes]:
    """Yield at most ``limit`` bytes of ``chunks``, then fail as a dropped connection."""
    sent = 0
    for chunk in chunks:
        if sent + len(chunk) >= limit:
            if limit > sent:
                yield chunk[: limit - sent]
            break
        sent += len(chunk)
        yield chunk
    raise httpx.RemoteProtocolError(_CUT_MESSAGE, request=request)


class _SyncStream(httpx.SyncByteStream):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()


class _AsyncStream(httpx.AsyncByteStream):
    # Chunks are cheap slices of stored bytes, so iterating inline does not block the
    # loop for long; 64 KiB per step keeps the per-await overhead negligible.
    # An iterator object, not an async generator: one abandoned by a client that stops
    # reading early would make trio warn (ResourceWarning) when it is garbage collected.
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def __aiter__(self) -> AsyncIterator[bytes]:
        return self

    async def __anext__(self) -> bytes:
        try:
            return next(self._chunks)
        except StopIteration:
            raise StopAsyncIteration from None

    async def aclose(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()


def _response(
    reply: Reply, request: httpx.Request, chunks: Optional[Iterator[bytes]]
) -> httpx.Response:
    if chunks is None:
        return httpx.Response(
            reply.status, headers=reply.headers, content=reply.body, request=request
        )
    return httpx.Response(
        reply.status, headers=reply.headers, stream=_SyncStream(chunks), request=request
    )


def _chunks_for(reply: Reply, request: httpx.Request) -> Optional[Iterator[bytes]]:
    if reply.cut_after is not None:
        return _cut(reply.chunks(), reply.cut_after, request)
    return reply.stream


class EmulatorTransport(httpx.BaseTransport):
    """``httpx.Client(transport=emu.transport())`` talks to the emulator in-process."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        reply = self._handler.handle(
            request.method,
            _raw_path(url),
            url.query.decode("ascii"),
            request.headers,
            request.read(),
            _host(url),
        )
        _check_io_faults(reply, request)
        return _response(reply, request, _chunks_for(reply, request))


class AsyncEmulatorTransport(httpx.AsyncBaseTransport):
    """``httpx.AsyncClient(transport=emu.async_transport())``; works under asyncio and trio."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        body = await request.aread()
        args = (
            request.method,
            _raw_path(url),
            url.query.decode("ascii"),
            request.headers,
            body,
            _host(url),
        )
        if len(body) > _OFFLOAD_BYTES:
            reply = await anyio.to_thread.run_sync(lambda: self._handler.handle(*args))
        else:
            reply = self._handler.handle(*args)
        _check_io_faults(reply, request)
        chunks = _chunks_for(reply, request)
        if chunks is None:
            return httpx.Response(
                reply.status, headers=reply.headers, content=reply.body, request=request
            )
        return httpx.Response(
            reply.status, headers=reply.headers, stream=_AsyncStream(chunks), request=request
        )
