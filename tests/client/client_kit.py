"""Shared helpers for the client tests: one test body drives the sync and async clients.

    @pytest.mark.anyio
    async def test_x(kit: Kit) -> None:          # runs as sync, asyncio and trio
        client = kit.client(Router().add("GET", "/v1/x", reply))
        await kit.call(client.get, "/v1/x", cast_to=Model)
        assert kit.delays == []                   # what the client asked to sleep

``kit.client(handler)`` wraps ``handler`` (a ``Router``, a function or a transport) in a
``DefaultHttpxClient``/``DefaultAsyncHttpxClient``, defaults ``api_key`` to
``support.TEST_KEY`` and records sleeps; every client it makes is closed at teardown.
"""

from __future__ import annotations

import inspect
from typing import Any, AsyncIterator, Callable, Dict, Iterator, List, Optional, Union

import httpx

from anthropic import Anthropic, AsyncAnthropic, DefaultAsyncHttpxClient, DefaultHttpxClient
from anthropic._models import BaseModel
from support import TEST_KEY, Router, api_bytes

AnyClient = Union[Anthropic, AsyncAnthropic]
HandlerLike = Union[Router, Callable[[httpx.Request], httpx.Response], httpx.BaseTransport]


class Model(BaseModel):
    """A permissive model for the low-level ``get``/``post``/``delete`` calls."""


class Kit:
    """One flavour of client (``sync``, ``asyncio`` or ``trio``) and what it slept."""

    def __init__(self, flavor: str) -> None:
        self.flavor = flavor
        self.is_async = flavor != "sync"
        self.delays: List[float] = []
        self.clients: List[AnyClient] = []
        self.http_clients: List[Union[httpx.Client, httpx.AsyncClient]] = []

    def http_client(self, handler: Any = None, **kwargs: Any) -> Any:
        """An ``httpx.Client`` or ``AsyncClient`` over ``handler`` (closed at teardown)."""
        if handler is not None:
            kwargs["transport"] = _transport(handler)
        http: Union[httpx.Client, httpx.AsyncClient] = (
            httpx.AsyncClient(**kwargs) if self.is_async else httpx.Client(**kwargs)
        )
        self.http_clients.append(http)
        return http

    def client(self, handler: Optional[HandlerLike] = None, **kwargs: Any) -> Any:
        """An ``Anthropic``/``AsyncAnthropic`` whose sleeps are recorded in ``delays``."""
        kwargs.setdefault("api_key", TEST_KEY)
        if handler is not None:
            # the SDK's own httpx defaults (600 s timeout) over a mock transport
            factory = DefaultAsyncHttpxClient if self.is_async else DefaultHttpxClient
            kwargs["http_client"] = factory(transport=_transport(handler))
            self.http_clients.append(kwargs["http_client"])
        kwargs.setdefault("_sleep", self._async_sleep if self.is_async else self._sync_sleep)
        cls = AsyncAnthropic if self.is_async else Anthropic
        client = cls(**kwargs)
        self.clients.append(client)
        return client

    def _sync_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def _async_sleep(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call ``fn`` and await the result if it is awaitable."""
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def close(self, client: AnyClient) -> None:
        await self.call(client.close)

    async def aclose_all(self) -> None:
        for client in self.clients:
            await self.close(client)
        for http in self.http_clients:
            if isinstance(http, httpx.AsyncClient):
                await http.aclose()
            else:
                http.close()


def _transport(handler: Any) -> Any:
    if isinstance(handler, (httpx.BaseTransport, httpx.AsyncBaseTransport)):
        return handler
    if isinstance(handler, Router):
        return handler.transport()
    return httpx.MockTransport(handler)


class Recorder:
    """A MockTransport handler that snapshots every request (headers are copied too, so a
    test can compare what each attempt carried by value) and answers
    from a queue (the last reply repeats)."""

    def __init__(self, *replies: Union[httpx.Response, Exception]) -> None:
        self.replies = list(replies) or [httpx.Response(200, content=api_bytes("batch.ended.json"))]
        self.requests: List[httpx.Request] = []
        self.headers: List[Dict[str, str]] = []
        self.urls: List[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        self.headers.append(dict(request.headers))
        self.urls.append(str(request.url))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)

    @property
    def count(self) -> int:
        return len(self.requests)

    @property
    def last(self) -> Dict[str, str]:
        return self.headers[-1]


class StreamBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that is only produced when read, in ``chunks``, and records when
    it is closed (works for both sync and async clients)."""

    def __init__(self, *chunks: bytes) -> None:
        self.chunks = chunks
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

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True
