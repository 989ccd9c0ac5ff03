"""``DefaultHttpxClient(proxy=...)``, the way the docstrings tell users to add a proxy, works.

``proxy=`` arrived in httpx 0.26; with an older httpx the constructor raises ``TypeError``.
"""

from __future__ import annotations

import socket

import pytest

import anthropic
from anthropic import DefaultAsyncHttpxClient, DefaultHttpxClient
from anthropic.emulator import Emulator, ManualClock
from support import TEST_KEY


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_requests_go_through_the_proxy() -> None:
    emu = Emulator(clock=ManualClock(), api_key=TEST_KEY)
    with emu.serve() as server:
        # The proxy is a closed port: the request can only fail, and the emulator, which is
        # reachable directly, never sees it.
        http = DefaultHttpxClient(proxy=f"http://127.0.0.1:{_closed_port()}")
        client = anthropic.Anthropic(
            api_key=TEST_KEY, base_url=server.base_url, max_retries=0, http_client=http
        )
        with client, pytest.raises(anthropic.APIConnectionError):
            client.messages.batches.list()
        http.close()
    assert emu.count("list") == 0


@pytest.mark.anyio
async def test_the_async_client_takes_a_proxy_too() -> None:
    http = DefaultAsyncHttpxClient(proxy="http://127.0.0.1:3128")
    await http.aclose()
