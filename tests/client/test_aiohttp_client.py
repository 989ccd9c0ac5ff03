"""``anthropic.DefaultAioHttpClient``: the async client over aiohttp (the ``aiohttp`` extra).

The async client's public behaviour (create, retrieve, list, results, cancel, delete,
status errors, retries, connection failures, streams cut short) is exercised over the
emulator's HTTP server on 127.0.0.1 with aiohttp as the transport. aiohttp runs on
asyncio only, so these run on asyncio (trio is covered by the httpx transport).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from typing import Any, AsyncIterator, Dict, Iterator, List

import httpx
import pytest

import anthropic
from anthropic import AsyncAnthropic
from anthropic.emulator import Emulator, EmulatorServer, Fault, ManualClock

httpx_aiohttp = pytest.importorskip("httpx_aiohttp")

pytestmark = pytest.mark.anyio

KEY = "sk-ant-test-aiohttp"
REQUESTS: List[Dict[str, Any]] = [
    {
        "custom_id": f"r{i}",
        "params": {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 16,
            "messages": [{"role": "user", "content": "Hi"}],
        },
    }
    for i in range(3)
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def emu() -> Emulator:
    return Emulator(clock=ManualClock(), api_key=KEY)


@pytest.fixture
def server(emu: Emulator) -> Iterator[EmulatorServer]:
    with emu.serve() as running:
        yield running


@pytest.fixture
async def client(server: EmulatorServer) -> AsyncIterator[AsyncAnthropic]:
    sleeps: List[float] = []

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    http = anthropic.DefaultAioHttpClient()
    async with AsyncAnthropic(
        api_key=KEY, base_url=server.base_url, http_client=http, _sleep=record
    ) as c:
        c.sleeps = sleeps  # type: ignore[attr-defined]
        yield c
    await http.aclose()


def test_it_is_an_httpx_async_client_with_the_sdk_defaults() -> None:
    http = anthropic.DefaultAioHttpClient()
    assert isinstance(http, httpx.AsyncClient)
    assert isinstance(http, httpx_aiohttp.HttpxAiohttpClient)
    assert http.timeout == anthropic.DEFAULT_TIMEOUT
    assert http.follow_redirects is False  # the SDK follows redirects itself
    custom = anthropic.DefaultAioHttpClient(timeout=3.0)
    assert custom.timeout == httpx.Timeout(3.0)


def test_import_anthropic_does_not_load_aiohttp() -> None:
    code = "import sys, anthropic; assert 'aiohttp' not in sys.modules, 'aiohttp loaded'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_without_the_extra_construction_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)  # as if not installed
    spec = importlib.util.find_spec("anthropic._aiohttp")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with pytest.raises(RuntimeError, match=r'pip install "anthropic-batches\[aiohttp\]"'):
        module.DefaultAioHttpClient()


async def test_every_method_over_aiohttp(emu: Emulator, client: AsyncAnthropic) -> None:
    batches = client.messages.batches
    batch = await batches.create(requests=REQUESTS)  # type: ignore[arg-type]
    assert batch.processing_status == "in_progress"
    assert (await batches.retrieve(batch.id)).id == batch.id
    assert [b.id async for b in batches.list(limit=1)] == [batch.id]
    ended = await batches.wait(batch.id)
    async with batches.results(ended) as results:
        lines = [line async for line in results]
    assert sorted(line.custom_id for line in lines) == ["r0", "r1", "r2"]
    assert all(line.result.type == "succeeded" for line in lines)
    assert (await batches.delete(batch.id)).id == batch.id
    other = await batches.create(requests=REQUESTS)  # type: ignore[arg-type]
    assert (await batches.cancel(other.id)).processing_status in ("canceling", "ended")


async def test_a_large_results_file_streams_over_aiohttp(client: AsyncAnthropic) -> None:
    requests = [{**REQUESTS[0], "custom_id": f"q{i}"} for i in range(2_000)]
    batch = await client.messages.batches.create(requests=requests)  # type: ignore[arg-type]
    count = 0
    async for _ in client.messages.batches.results(batch.id):
        count += 1
    assert count == 2_000


async def test_status_errors_map_to_the_official_classes(client: AsyncAnthropic) -> None:
    with pytest.raises(anthropic.NotFoundError) as caught:
        await client.messages.batches.retrieve("msgbatch_missing")
    assert caught.value.status_code == 404
    bad = client.with_options(api_key="sk-ant-wrong", max_retries=0)
    with pytest.raises(anthropic.AuthenticationError):
        await bad.messages.batches.list()


async def test_retries_overloaded_and_honours_retry_after(
    emu: Emulator, client: AsyncAnthropic
) -> None:
    emu.faults.add(Fault.error(529, route="list", times=2, retry_after=3))
    page = await client.messages.batches.list()
    assert page.data == []
    assert client.sleeps == [3, 3]  # type: ignore[attr-defined]


async def test_a_dropped_connection_is_retried_then_raised(
    emu: Emulator, client: AsyncAnthropic
) -> None:
    emu.faults.add(Fault.drop(route="list", times=1))
    assert (await client.messages.batches.list()).data == []
    emu.faults.add(Fault.drop(route="list", times=10))
    with pytest.raises(anthropic.APIConnectionError):
        await client.with_options(max_retries=1).messages.batches.list()
    assert emu.count("list") >= 3


async def test_a_results_stream_cut_short_raises_not_truncates(
    emu: Emulator, client: AsyncAnthropic
) -> None:
    batch = await client.messages.batches.create(requests=REQUESTS)  # type: ignore[arg-type]
    emu.faults.add(Fault.cut_stream(after_bytes=100, route="results"))
    with pytest.raises(anthropic.APIError):
        async for _ in client.messages.batches.results(batch.id):
            pass


def test_aiohttp_errors_say_whether_the_request_may_have_been_sent() -> None:
    import aiohttp

    from anthropic._aiohttp import transport_error_for

    # Only a failure to connect means "never sent" (a create may be sent again).
    assert transport_error_for(aiohttp.ConnectionTimeoutError()) is httpx.ConnectTimeout
    assert transport_error_for(aiohttp.SocketTimeoutError()) is httpx.ReadTimeout
    assert transport_error_for(aiohttp.ServerDisconnectedError()) is httpx.RemoteProtocolError
    assert transport_error_for(aiohttp.ClientOSError()) is httpx.ReadError
    assert transport_error_for(aiohttp.ClientPayloadError("cut")) is httpx.ReadError
    assert transport_error_for(ValueError("not aiohttp's")) is None


# aiohttp warns (ResourceWarning, hidden by default) about any body over 1 MB given as bytes.
@pytest.mark.filterwarnings("ignore:Sending a large body directly:ResourceWarning")
async def test_leaving_a_results_loop_early_releases_the_connection(
    server: EmulatorServer,
) -> None:
    # One connection only: had the early exit kept it, the next calls would wait for the
    # pool (and fail after its timeout) instead of answering at once.
    http = anthropic.DefaultAioHttpClient(
        limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(30.0, pool=5.0)
    )
    async with AsyncAnthropic(api_key=KEY, base_url=server.base_url, http_client=http) as c:
        # Large enough that aiohttp cannot have buffered the whole body (and freed the
        # connection) by itself: checked by leaving out the ``async with``.
        requests = [{**REQUESTS[0], "custom_id": f"q{i}"} for i in range(20_000)]
        batch = await c.messages.batches.create(requests=requests)  # type: ignore[arg-type]
        for _ in range(2):
            async with c.messages.batches.results(batch.id) as results:
                async for _line in results:
                    break
            assert (await c.messages.batches.retrieve(batch.id)).id == batch.id
    await http.aclose()
