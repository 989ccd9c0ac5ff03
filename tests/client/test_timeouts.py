"""Timeouts: the client default, per call, and a user's own http_client; httpx defaults."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import httpx
import pytest
from client_kit import Kit, Model

from anthropic import (
    DEFAULT_CONNECTION_LIMITS,
    DEFAULT_TIMEOUT,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
)
from support import api_bytes

# (connect, read, write, pool) as httpx hands them to the transport
Phases = Dict[str, Optional[float]]


class TimeoutRecorder:
    def __init__(self) -> None:
        self.timeouts: List[Phases] = []
        self.read_headers: List[Optional[str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.timeouts.append(dict(request.extensions["timeout"]))
        self.read_headers.append(request.headers.get("x-stainless-read-timeout"))
        return httpx.Response(200, content=api_bytes("batch.ended.json"))


def phases(connect: Any, read: Any, write: Any, pool: Any) -> Phases:
    return {"connect": connect, "read": read, "write": write, "pool": pool}


@pytest.mark.anyio
async def test_default_timeout_is_600_with_5_to_connect(kit: Kit) -> None:
    rec = TimeoutRecorder()
    client = kit.client(rec)
    assert client.timeout == httpx.Timeout(600.0, connect=5.0)
    await kit.call(client.get, "/x", cast_to=Model)
    assert rec.timeouts == [phases(5.0, 600.0, 600.0, 600.0)]
    assert rec.read_headers == ["600"]


@pytest.mark.anyio
async def test_client_timeout(kit: Kit) -> None:
    rec = TimeoutRecorder()
    client = kit.client(rec, timeout=httpx.Timeout(20, read=7.5))
    await kit.call(client.get, "/x", cast_to=Model)
    assert rec.timeouts == [phases(20, 7.5, 20, 20)]
    assert rec.read_headers == ["7.5"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("timeout", "expected", "header"),
    [
        (3, phases(3, 3, 3, 3), "3"),
        (0.5, phases(0.5, 0.5, 0.5, 0.5), "0.5"),
        (httpx.Timeout(1, read=30), phases(1, 30, 1, 1), "30"),
        (None, phases(None, None, None, None), None),
    ],
)
async def test_per_call_timeout(kit: Kit, timeout: Any, expected: Phases, header: Any) -> None:
    rec = TimeoutRecorder()
    client = kit.client(rec, timeout=100)
    await kit.call(client.get, "/x", cast_to=Model, timeout=timeout)
    await kit.call(client.messages.batches.retrieve, "msgbatch_1", timeout=timeout)
    assert rec.timeouts == [expected, expected]
    assert rec.read_headers == [header, header]
    await kit.call(client.get, "/x", cast_to=Model)  # the client default is back
    assert rec.timeouts[-1] == phases(100, 100, 100, 100)


@pytest.mark.anyio
async def test_per_call_timeout_via_with_options(kit: Kit) -> None:
    rec = TimeoutRecorder()
    client = kit.client(rec)
    await kit.call(client.with_options(timeout=4).get, "/x", cast_to=Model)
    assert rec.timeouts == [phases(4, 4, 4, 4)]


@pytest.mark.anyio
async def test_own_http_client_timeout_is_used(kit: Kit) -> None:
    rec = TimeoutRecorder()
    http = kit.http_client(rec, timeout=httpx.Timeout(42, connect=3))
    client = kit.client(http_client=http)
    assert client.timeout == httpx.Timeout(42, connect=3)
    await kit.call(client.get, "/x", cast_to=Model)
    assert rec.timeouts == [phases(3, 42, 42, 42)]
    assert rec.read_headers == ["42"]


@pytest.mark.anyio
async def test_explicit_timeout_beats_own_http_client(kit: Kit) -> None:
    rec = TimeoutRecorder()
    http = kit.http_client(rec, timeout=42)
    client = kit.client(http_client=http, timeout=9)
    await kit.call(client.get, "/x", cast_to=Model)
    assert rec.timeouts == [phases(9, 9, 9, 9)]


@pytest.mark.anyio
async def test_timeout_applies_to_every_retry(kit: Kit) -> None:
    calls: List[Phases] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(dict(request.extensions["timeout"]))
        return httpx.Response(500 if len(calls) < 3 else 200, json={})

    client = kit.client(handler, _random=lambda: 0.0)
    await kit.call(client.get, "/x", cast_to=Model, timeout=2)
    assert calls == [phases(2, 2, 2, 2)] * 3


@pytest.mark.parametrize("cls", [DefaultHttpxClient, DefaultAsyncHttpxClient])
def test_default_httpx_clients(cls: type) -> None:
    http = cls()
    try:
        assert http.timeout == httpx.Timeout(600.0, connect=5.0)
        assert http.follow_redirects is False
        pool = http._transport._pool
        assert (pool._max_connections, pool._max_keepalive_connections) == (1000, 100)
    finally:
        if isinstance(http, httpx.Client):
            http.close()
    assert httpx.Timeout(600.0, connect=5.0) == DEFAULT_TIMEOUT
    assert (
        httpx.Limits(max_connections=1000, max_keepalive_connections=100)
        == DEFAULT_CONNECTION_LIMITS
    )


@pytest.mark.parametrize("cls", [DefaultHttpxClient, DefaultAsyncHttpxClient])
def test_default_httpx_clients_accept_overrides(cls: type) -> None:
    http = cls(timeout=1.0, limits=httpx.Limits(max_connections=3))
    try:
        assert http.timeout == httpx.Timeout(1.0)
        assert http._transport._pool._max_connections == 3
    finally:
        if isinstance(http, httpx.Client):
            http.close()
