"""One harness for the ``client.messages.batches`` tests, sync and async alike.

    api = Api("asyncio", router)          # or "sync" / "trio"
    batch = await api.call("retrieve", "msgbatch_1")   # awaits only for the async client
    await api.aclose()

The test bodies are async functions; in the "sync" flavor they call the sync client
(MockTransport does no real I/O, so calling it from inside an event loop is harmless).
"""

from __future__ import annotations

import contextlib
import inspect
import json
from typing import Any, AsyncIterator, List, Optional

import httpx

from anthropic import Anthropic, AsyncAnthropic
from support import TEST_KEY, Router

FLAVORS = ["sync", "asyncio", "trio"]
BATCH_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
BATCH_PATH = f"/v1/messages/batches/{BATCH_ID}"
RESULTS_PATH = f"{BATCH_PATH}/results"


class Api:
    """A client of either kind over ``router``, with sleeps recorded instead of slept."""

    def __init__(self, flavor: str, router: Router, **client_kw: Any) -> None:
        self.flavor = flavor
        self.is_async = flavor != "sync"
        self.router = router
        self.sleeps: List[float] = []
        client_kw.setdefault("api_key", TEST_KEY)
        if self.is_async:

            async def _sleep(seconds: float) -> None:
                self.sleeps.append(seconds)

            self.client: Any = AsyncAnthropic(
                http_client=router.async_client(), _sleep=_sleep, **client_kw
            )
        else:
            self.client = Anthropic(
                http_client=router.sync_client(), _sleep=self.sleeps.append, **client_kw
            )

    @property
    def batches(self) -> Any:
        return self.client.messages.batches

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """``batches.<method>(...)``, awaited for the async client."""
        result = getattr(self.batches, method)(*args, **kwargs)
        if self.is_async:
            result = await result
        return result

    async def raw(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = getattr(self.batches.with_raw_response, method)(*args, **kwargs)
        if self.is_async:
            result = await result
        return result

    @contextlib.asynccontextmanager
    async def streaming(self, method: str, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        cm = getattr(self.batches.with_streaming_response, method)(*args, **kwargs)
        if self.is_async:
            async with cm as response:
                yield response
        else:
            with cm as response:
                yield response

    async def parse(self, response: Any) -> Any:
        """``response.parse()``: a plain call on a raw (``LegacyAPIResponse``) response,
        awaited on an async streaming one, as in the official SDK."""
        result = response.parse()
        if inspect.isawaitable(result):
            result = await result
        return result

    async def read(self, response: Any) -> bytes:
        result = response.read()
        if self.is_async:
            result = await result
        return result  # type: ignore[no-any-return]

    async def drain(self, iterable: Any) -> List[Any]:
        """Every item of a page walk or a results decoder."""
        if self.is_async:
            return [item async for item in iterable]
        return list(iterable)

    async def close_decoder(self, decoder: Any) -> None:
        if self.is_async:
            await decoder.close()
        else:
            decoder.close()

    async def aclose(self) -> None:
        if self.is_async:
            await self.client.close()
        else:
            self.client.close()


def request_json(request: httpx.Request) -> Optional[Any]:
    return json.loads(request.content) if request.content else None


def sent_query(request: httpx.Request) -> dict[str, str]:
    return dict(request.url.params.multi_items())
