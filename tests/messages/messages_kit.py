"""One harness for the Messages tests (create, stream, count_tokens, models), sync and async.

    api = Msgs("trio", handler)                      # or "sync" / "asyncio"
    message = await api.call("messages.create", **PARAMS)
    events = await api.drain(await api.call("messages.create", **PARAMS, stream=True))

Bodies are ``Tracked`` streams, so a test can count the connections left open.
"""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Callable, Iterator, List, Optional

import anyio
import httpx

from anthropic import Anthropic, AsyncAnthropic, DefaultAsyncHttpxClient, DefaultHttpxClient
from support import TEST_KEY, api_bytes

FLAVORS = ["sync", "asyncio", "trio"]
PARAMS: Any = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "What is the weather in San Francisco?"}],
}
STREAM = api_bytes("messages.stream.sse")
EVENT_CHUNKS = [part + b"\n\n" for part in STREAM.split(b"\n\n") if part.strip()]
"""The recorded stream, one event per chunk."""
SSE = {"content-type": "text/event-stream", "request-id": "req_stream"}


class Tracked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body produced in ``chunks`` when read; records closing. ``hang`` makes the async
    read wait forever after the chunks (until cancelled)."""

    def __init__(self, chunks: List[bytes], hang: bool = False) -> None:
        self.chunks = chunks
        self.hang = hang
        self.closed = False
        self.reads = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.reads += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            self.reads += 1
            yield chunk
        if self.hang:
            await anyio.sleep_forever()

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


class Server:
    """A MockTransport handler: ``reply(request)`` gives (status, chunks, headers)."""

    def __init__(self, reply: Callable[[httpx.Request], Any]) -> None:
        self.reply = reply
        self.requests: List[httpx.Request] = []
        self.bodies: List[Tracked] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, chunks, headers = self.reply(request)
        hang = headers.pop("x-hang", None) is not None
        body = Tracked(chunks if isinstance(chunks, list) else [chunks], hang=hang)
        self.bodies.append(body)
        return httpx.Response(status, stream=body, headers=headers)

    @property
    def open_now(self) -> int:
        return sum(not body.closed for body in self.bodies)

    def sent_json(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


def stream_reply(*chunks: bytes, hang: bool = False) -> Callable[[httpx.Request], Any]:
    headers = dict(SSE)
    if hang:
        headers["x-hang"] = "1"
    return lambda request: (200, list(chunks) or [STREAM], dict(headers))


def json_reply(name: str, status: int = 200) -> Callable[[httpx.Request], Any]:
    return lambda request: (status, api_bytes(name), {"request-id": "req_1"})


class Msgs:
    """A client of either kind over a ``Server``; async-agnostic call helpers."""

    def __init__(self, flavor: str, server: Server, **client_kw: Any) -> None:
        self.flavor = flavor
        self.is_async = flavor != "sync"
        self.server = server
        client_kw.setdefault("api_key", TEST_KEY)
        transport = httpx.MockTransport(server)
        # The SDK's default http clients: the client timeout is the default one, so the
        # non-streaming guard applies as it does for ``Anthropic()``.
        if self.is_async:

            async def _sleep(seconds: float) -> None:
                pass

            self.client: Any = AsyncAnthropic(
                http_client=DefaultAsyncHttpxClient(transport=transport), _sleep=_sleep, **client_kw
            )
        else:
            self.client = Anthropic(
                http_client=DefaultHttpxClient(transport=transport),
                _sleep=lambda s: None,
                **client_kw,
            )

    def attr(self, dotted: str) -> Any:
        target = self.client
        for part in dotted.split("."):
            target = getattr(target, part)
        return target

    async def call(self, dotted: str, *args: Any, **kwargs: Any) -> Any:
        result = self.attr(dotted)(*args, **kwargs)
        if self.is_async:
            result = await result
        return result

    async def drain(self, iterable: Any, limit: Optional[int] = None) -> List[Any]:
        out: List[Any] = []
        if self.is_async:
            async for item in iterable:
                out.append(item)
                if limit is not None and len(out) >= limit:
                    break
        else:
            for item in iterable:
                out.append(item)
                if limit is not None and len(out) >= limit:
                    break
        return out

    async def close(self, obj: Any) -> None:
        result = obj.close()
        if self.is_async:
            await result

    async def aclose(self) -> None:
        await self.close(self.client)
