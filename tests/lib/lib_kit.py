"""One harness for the ``anthropic.lib`` tests: an emulator on a manual clock and a client
of either kind whose sleeps move that clock (so waits take no real time).

    kit = Kit("trio", processing_time=60)
    batch = await kit.call(kit.batches, "create", requests=make_requests(3))
    ended = await kit.call(kit.batches, "wait", batch.id)
    assert kit.sleeps == [5.0, 10.0, 20.0, 40.0]
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, Optional

import anyio
import anyio.lowlevel
import httpx

from anthropic.emulator import EMULATOR_BASE_URL, Emulator, ManualClock

FLAVORS = ["sync", "asyncio", "trio"]
MODEL = "claude-sonnet-4-20250514"


def make_request(custom_id: str, text: str = "Hello") -> Dict[str, Any]:
    return {
        "custom_id": custom_id,
        "params": {
            "model": MODEL,
            "max_tokens": 64,
            "messages": [{"role": "user", "content": text}],
        },
    }


def make_requests(n: int, prefix: str = "req") -> List[Dict[str, Any]]:
    return [make_request(f"{prefix}-{i:04d}") for i in range(n)]


def gen_requests(n: int, prefix: str = "req") -> Iterator[Dict[str, Any]]:
    for i in range(n):
        yield make_request(f"{prefix}-{i:04d}")


class _Recorder(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, log: List[httpx.Request]) -> None:
        self.inner, self.log = inner, log

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.log.append(request)
        return self.inner.handle_request(request)


class _AsyncRecorder(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, log: List[httpx.Request]) -> None:
        self.inner, self.log = inner, log

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.log.append(request)
        return await self.inner.handle_async_request(request)


class Kit:
    """An emulator + a client (sync for the "sync" flavor, else async)."""

    def __init__(
        self,
        flavor: str,
        *,
        processing_time: float = 60.0,
        max_retries: int = 0,
        emu: Emulator | None = None,
        wrap: Optional[Callable[[Any], Any]] = None,
        **emu_kw: Any,
    ) -> None:
        """``wrap(transport)``: a transport around the emulator's (sync or async), e.g.
        one that rewrites responses."""
        self.flavor = flavor
        self.is_async = flavor != "sync"
        if emu is None:
            emu = Emulator(clock=ManualClock(), processing_time=processing_time, seed=1, **emu_kw)
        self.emu = emu
        assert isinstance(emu.clock, ManualClock)
        self.clock: ManualClock = emu.clock
        self.sleeps: List[float] = []
        self.sent: List[httpx.Request] = []  # every request the client sent, bodies read
        kw: Dict[str, Any] = {"_clock": self.clock.now, "max_retries": max_retries}
        wrap = wrap or (lambda transport: transport)
        if self.is_async:
            kw["http_client"] = httpx.AsyncClient(
                transport=_AsyncRecorder(wrap(emu.async_transport()), self.sent),
                base_url=EMULATOR_BASE_URL,
            )
        else:
            kw["http_client"] = httpx.Client(
                transport=_Recorder(wrap(emu.transport()), self.sent), base_url=EMULATOR_BASE_URL
            )
        if self.is_async:

            async def _sleep(seconds: float) -> None:
                self._slept(seconds)
                await anyio.lowlevel.checkpoint()  # as a real sleep: cancellation lands here

            self.client: Any = emu.async_client(_sleep=_sleep, **kw)
        else:
            self.client = emu.client(_sleep=self._slept, **kw)

    def bodies(self, path_end: str = "/v1/messages/batches", method: str = "POST") -> List[bytes]:
        """The bodies sent to ``method path_end`` (default: every create)."""
        return [
            r.content for r in self.sent if r.method == method and r.url.path.endswith(path_end)
        ]

    def _slept(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.emu.advance(seconds)

    def twin(self) -> Kit:
        """Another client on the same emulator ("another process")."""
        return Kit(self.flavor, emu=self.emu)

    @property
    def batches(self) -> Any:
        return self.client.messages.batches

    async def call(self, obj: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        """``obj.<method>(...)``, awaited for the async client."""
        result = getattr(obj, method)(*args, **kwargs)
        if self.is_async:
            result = await result
        return result

    async def drain(self, iterable: Any) -> List[Any]:
        if self.is_async and hasattr(iterable, "__aiter__"):
            return [item async for item in iterable]
        return list(iterable)

    async def aclose(self) -> None:
        if self.is_async:
            await self.client.close()
        else:
            self.client.close()
