"""Drive one test body through the sync client and the async client (asyncio and trio).

    @pytest.mark.anyio
    async def test_x(rk: Rig) -> None:                # sync, asyncio and trio
        client = rk.client(emu, max_retries=2)        # sleeps recorded + virtual time
        batch = await rk.call(client.messages.batches.retrieve, "msgbatch_...")
        lines = await rk.results(client, batch)      # every line, the decoder closed

Every client (and httpx client) a rig makes is closed at teardown. Imported as
``reliability_kit`` (pytest puts each test directory on ``sys.path``).
"""

from __future__ import annotations

import inspect
import socket
from typing import Any, Callable, Dict, List, Optional, Union

import httpx

from anthropic import Anthropic, AsyncAnthropic
from anthropic.emulator import Emulator, ManualClock
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from support import TEST_KEY

FLAVORS = ("sync", "asyncio", "trio")
METHODS = ("create", "retrieve", "list", "cancel", "delete", "results")
AnyClient = Union[Anthropic, AsyncAnthropic]


def make_requests(n: int, prefix: str = "req") -> List[Dict[str, Any]]:
    params = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 64,
        "messages": [{"role": "user", "content": "Hello"}],
    }
    return [{"custom_id": f"{prefix}-{i}", "params": params} for i in range(n)]


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then closed): connecting is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def new_emulator(**kwargs: Any) -> Emulator:
    """An emulator on virtual time that only accepts ``support.TEST_KEY``."""
    kwargs.setdefault("clock", ManualClock())
    kwargs.setdefault("api_key", TEST_KEY)
    kwargs.setdefault("seed", 7)
    return Emulator(**kwargs)


class Rig:
    """One flavour of client (``sync``, ``asyncio`` or ``trio``) and the sleeps it asked for."""

    def __init__(self, flavor: str) -> None:
        self.flavor = flavor
        self.is_async = flavor != "sync"
        self.delays: List[float] = []
        self._clients: List[AnyClient] = []
        self._emu: Optional[Emulator] = None

    # -- clients ----------------------------------------------------------------------

    def client(self, emu: Optional[Emulator] = None, **kwargs: Any) -> Any:
        """A client on ``emu`` (in-process) whose sleeps are recorded and advance the
        emulator's manual clock; without ``emu``, a client for ``kwargs['base_url']``."""
        kwargs.setdefault("api_key", TEST_KEY)
        kwargs.setdefault("_sleep", self._async_sleep if self.is_async else self._sync_sleep)
        if emu is not None:
            self._emu = emu
            client: AnyClient = (
                emu.async_client(**kwargs) if self.is_async else emu.client(**kwargs)
            )
        else:
            client = AsyncAnthropic(**kwargs) if self.is_async else Anthropic(**kwargs)
        self._clients.append(client)
        return client

    def _advance(self, seconds: float) -> None:
        self.delays.append(seconds)
        emu = self._emu
        if emu is not None and isinstance(emu.clock, ManualClock) and seconds > 0:
            emu.advance(seconds)

    def _sync_sleep(self, seconds: float) -> None:
        self._advance(seconds)

    async def _async_sleep(self, seconds: float) -> None:
        self._advance(seconds)

    async def aclose(self) -> None:
        for client in self._clients:
            await self.call(client.close)

    # -- calls ------------------------------------------------------------------------

    async def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call ``fn`` and await the result if it is awaitable."""
        result = fn(*args, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    async def results(
        self, client: Any, batch: Any, seen: Optional[List[Any]] = None
    ) -> List[MessageBatchIndividualResponse]:
        """Every results line of ``batch``; each line is also appended to ``seen`` as it
        arrives (so a test still has the lines read before a failure)."""
        out: List[MessageBatchIndividualResponse] = seen if seen is not None else []
        if self.is_async:
            decoder = await client.messages.batches.results(batch)
            async with decoder:
                async for entry in decoder:
                    out.append(entry)
        else:
            with client.messages.batches.results(batch) as decoder:
                for entry in decoder:
                    out.append(entry)
        return out

    async def invoke(self, client: Any, method: str, batch: MessageBatch) -> Any:
        """One call of ``method`` on ``batch`` (create makes a new 2-request batch)."""
        batches = client.messages.batches
        if method == "create":
            return await self.call(batches.create, requests=make_requests(2, "new"))
        if method == "list":
            return await self.call(batches.list, limit=10)
        if method == "results":
            return await self.results(client, batch)
        return await self.call(getattr(batches, method), batch.id)


def http_transport_for(flavor: str, **kwargs: Any) -> Any:
    return httpx.AsyncHTTPTransport(**kwargs) if flavor != "sync" else httpx.HTTPTransport(**kwargs)
