"""Async streams closed before their body ends: every async generator ends on the spot.

An async results decoder or event stream reads its body through httpx's own async
generators (``aiter_bytes`` → ``aiter_raw`` → the client's stream wrapper → the
transport's stream). Closing the stream half-read must end each of them then and there,
not leave them to the garbage collector: trio warns about every one it collects
(``ResourceWarning: Async generator ... was garbage collected``), asyncio closes them at
some later loop turn. ``gc_finalized`` records any async generator that reached the
collector unfinished, under both backends, so these tests fail on either when one does.

Bodies come from an in-process ``httpx.MockTransport`` and from a real HTTP/1.1 server on
127.0.0.1 (httpx's real transport nests its generators differently), plain and gzip.
"""

from __future__ import annotations

import gzip
import socket
import threading
from typing import Any, Callable, List, Tuple

import anyio
import httpx
import pytest

from anthropic import AsyncAnthropic
from anthropic._jsonl_stream import AsyncJSONLDecoder
from anthropic._streaming import AsyncStream, MessageEventDecoder
from anthropic.types.messages import MessageBatchIndividualResponse
from support import TEST_KEY, ThreadedLoopback, api_bytes, gc_finalized

pytestmark = pytest.mark.anyio

RESULTS = api_bytes("batch.results.jsonl").rstrip(b"\n") + b"\n"
JSONL = RESULTS * (400_000 // len(RESULTS))  # far more than one read: closed half-read
_EVENTS = api_bytes("messages.stream.sse").split(b"\n\n")
_TEXT = next(e for e in _EVENTS if b'"text_delta"' in e) + b"\n\n"
SSE = b"".join(e + b"\n\n" for e in _EVENTS[: _EVENTS.index(_TEXT[:-2])]) + _TEXT * 8_000
CHUNK = 8192


class _Chunks(httpx.AsyncByteStream):
    """A mock body in ``CHUNK``-sized pieces (a plain iterator, as the emulator's)."""

    def __init__(self, body: bytes) -> None:
        self._parts = iter([body[i : i + CHUNK] for i in range(0, len(body), CHUNK)])
        self.closed = False

    def __aiter__(self) -> _Chunks:
        return self

    async def __anext__(self) -> bytes:
        await anyio.lowlevel.checkpoint()
        if self.closed:
            raise StopAsyncIteration
        try:
            return next(self._parts)
        except StopIteration:
            raise StopAsyncIteration from None

    async def aclose(self) -> None:
        self.closed = True


class LoopbackServer(ThreadedLoopback):
    """An HTTP/1.1 server on 127.0.0.1 that answers every request with ``body`` in chunked
    encoding (gzip-encoded with ``gzipped``); ``served`` counts connections the client
    has closed. Use it as a context manager: leaving stops the thread."""

    def __init__(self, body: bytes, *, gzipped: bool = False) -> None:
        super().__init__()
        self._body = gzip.compress(body) if gzipped else body
        self._head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
        self._head += b"Content-Type: application/octet-stream\r\n"
        self._head += b"Content-Encoding: gzip\r\n\r\n" if gzipped else b"\r\n"
        self.served = 0
        self._done = threading.Semaphore(0)

    def wait_served(self) -> None:
        """Block until a connection has ended on the client's side (the client closed it)."""
        assert self._done.acquire(timeout=30), "the client never closed its connection"

    def handle(self, conn: socket.socket) -> None:
        self._serve(conn)
        self.served += 1
        self._done.release()

    def _serve(self, conn: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(65536)
        head, _, rest = request.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        while len(rest) < length:
            rest += conn.recv(65536)
        try:
            conn.sendall(self._head)
            for i in range(0, len(self._body), CHUNK):
                part = self._body[i : i + CHUNK]
                conn.sendall(b"%x\r\n%s\r\n" % (len(part), part))
            conn.sendall(b"0\r\n\r\n")
            while conn.recv(65536):  # until the client closes its end
                pass
        except OSError:  # the client closed the connection mid-body
            pass


Open = Callable[[httpx.Response], Any]


def _results(response: httpx.Response) -> Any:
    return AsyncJSONLDecoder(response, MessageBatchIndividualResponse)


def _events(response: httpx.Response) -> Any:
    return AsyncStream[Any](response, MessageEventDecoder(response))


KINDS = [  # (the stream over a response, a body for it)
    pytest.param((_results, JSONL), id="jsonl"),
    pytest.param((_events, SSE), id="sse"),
]


async def _leave_early(stream: Any, how: str) -> None:
    """Take three items from ``stream``, then leave as ``how`` says."""
    if how == "with":
        async with stream:
            taken = 0
            async for _ in stream:
                taken += 1
                if taken == 3:
                    break
        return
    if how == "cancel":
        with anyio.CancelScope() as scope:
            taken = 0
            async for _ in stream:
                taken += 1
                if taken == 3:
                    scope.cancel()
                    await anyio.lowlevel.checkpoint()  # cancelled here, mid-body
        assert scope.cancelled_caught
    else:  # "close": break, then close()
        async for _ in stream:
            break
    await stream.close()


@pytest.mark.parametrize("how", ["close", "with", "cancel"])
@pytest.mark.parametrize("kind", KINDS)
async def test_closing_a_mock_body_early_ends_every_generator(
    kind: Tuple[Open, bytes], how: str
) -> None:
    make, data = kind
    body = _Chunks(data)
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=body))
    async with httpx.AsyncClient(transport=transport) as client:
        with gc_finalized() as finalized:
            response = await client.send(client.build_request("GET", "http://t/"), stream=True)
            await _leave_early(make(response), how)
            assert response.is_closed and body.closed
        assert finalized == []


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("how", ["close", "with", "cancel"])
@pytest.mark.parametrize("kind", KINDS)
async def test_closing_a_loopback_body_early_ends_every_generator_and_the_connection(
    kind: Tuple[Open, bytes], how: str, gzipped: bool
) -> None:
    make, data = kind
    with LoopbackServer(data, gzipped=gzipped) as server:
        async with httpx.AsyncClient() as client:
            with gc_finalized() as finalized:
                response = await client.send(
                    client.build_request("GET", server.base_url), stream=True
                )
                assert response.headers.get("content-encoding") == ("gzip" if gzipped else None)
                await _leave_early(make(response), how)
                assert response.is_closed
            assert finalized == []
            await anyio.to_thread.run_sync(server.wait_served)  # the connection was closed
        assert server.served == 1


async def test_leaving_a_text_stream_early_ends_every_generator() -> None:
    with LoopbackServer(SSE) as server:
        client = AsyncAnthropic(api_key=TEST_KEY, base_url=server.base_url, max_retries=0)
        async with client:
            with gc_finalized() as finalized:
                params: Any = {"model": "claude-sonnet-4-20250514", "max_tokens": 1024}
                manager = client.messages.stream(
                    **params, messages=[{"role": "user", "content": "hi"}]
                )
                async with manager as stream:
                    texts: List[str] = []
                    async for text in stream.text_stream:
                        texts.append(text)
                        if len(texts) == 2:
                            break
                assert texts == ["Okay", "Okay"] and stream.response.is_closed
            assert finalized == []
            await anyio.to_thread.run_sync(server.wait_served)


async def test_a_body_read_to_its_end_still_ends_cleanly() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=_Chunks(JSONL)))
    async with httpx.AsyncClient(transport=transport) as client:
        with gc_finalized() as finalized:
            response = await client.send(client.build_request("GET", "http://t/"), stream=True)
            count = 0
            async with AsyncJSONLDecoder(response, MessageBatchIndividualResponse) as results:
                async for _ in results:
                    count += 1
        assert finalized == [] and count == len(JSONL.splitlines())


@pytest.mark.parametrize("kind", KINDS)
async def test_closing_an_aiohttp_body_early_ends_every_generator(
    kind: Tuple[Open, bytes], anyio_backend: str
) -> None:
    if anyio_backend != "asyncio":
        pytest.skip("aiohttp runs on asyncio only")
    pytest.importorskip("httpx_aiohttp")
    from anthropic import DefaultAioHttpClient

    make, data = kind
    with LoopbackServer(data) as server:
        async with DefaultAioHttpClient() as client:
            with gc_finalized() as finalized:
                response = await client.send(
                    client.build_request("GET", server.base_url), stream=True
                )
                await _leave_early(make(response), "close")
                assert response.is_closed
            assert finalized == []
            await anyio.to_thread.run_sync(server.wait_served)
