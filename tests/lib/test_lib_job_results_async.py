"""AsyncBatchJob.results(): batches downloaded by parallel tasks, under asyncio and trio.

The results bodies go through ``Net``, a transport around the emulator's that records
which streams were opened and closed and can make reads wait: for each other
(``meet``: two streams' first reads must be in flight at the same time, which reading
in turn from one task can never do) or for a gate that never opens (the downloads are
stuck when the consumer leaves). No real time passes: a wait that cannot be met fails
after a bounded number of trips through the scheduler.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, List, Optional

import anyio
import anyio.lowlevel
import httpx
import pytest
from lib_kit import Kit, make_requests

from anthropic import APIConnectionError, BadRequestError
from anthropic.emulator import Fault
from anthropic.lib._job_stream import AsyncJobResults

pytestmark = pytest.mark.anyio

_ROUNDS = 10_000  # scheduler trips a waiting read allows before it gives up


@pytest.fixture(params=["asyncio", "trio"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class Net:
    def __init__(self) -> None:
        self.opened: List[str] = []
        self.closed: List[str] = []
        self.meet = False  # each stream's first read waits for another's
        self.gated = False  # every read after the first waits for ever
        self._arrived = 0

    async def first_read(self) -> None:
        if not self.meet:
            return
        self._arrived += 1
        for _ in range(_ROUNDS):
            if self._arrived >= 2:
                return
            await anyio.lowlevel.checkpoint()
        raise AssertionError("a download waited while no other download ran: no overlap")

    def wrap(self, inner: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        return _Transport(inner, self)


class _Body(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, net: Net, name: str) -> None:
        self._chunks: AsyncIterator[bytes] = inner.__aiter__()
        self._inner, self._net, self._name = inner, net, name
        self._reads = 0
        net.opened.append(name)

    def __aiter__(self) -> _Body:
        return self

    async def __anext__(self) -> bytes:
        self._reads += 1
        if self._reads == 1:
            await self._net.first_read()
        elif self._net.gated:
            await anyio.Event().wait()  # only a cancellation ends this
        return await self._chunks.__anext__()

    async def aclose(self) -> None:
        self._net.closed.append(self._name)
        await self._inner.aclose()


class _Transport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, net: Net) -> None:
        self._inner, self._net = inner, net

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if not request.url.path.endswith("/results") or response.status_code != 200:
            return response
        assert isinstance(response.stream, httpx.AsyncByteStream)
        body = _Body(response.stream, self._net, request.url.path.split("/")[-2])
        return httpx.Response(
            response.status_code, headers=response.headers, stream=body, request=request
        )


@pytest.fixture
async def net_kit(flavor: str) -> AsyncIterator[tuple[Net, Kit]]:
    net = Net()
    kit = Kit(flavor, wrap=net.wrap)
    yield net, kit
    await kit.aclose()


async def _ended_job(kit: Kit, n: int, per_batch: int) -> Any:
    job = await kit.batches.submit(make_requests(n), max_requests_per_batch=per_batch)
    await job.wait()
    return job


async def test_two_downloads_are_in_flight_at_once(net_kit: tuple[Net, Kit]) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 4, 2)
    net.meet = True
    async with job.results(concurrency=2) as results:
        ids = [entry.custom_id async for entry in results]
    assert sorted(ids) == [f"req-{i:04d}" for i in range(4)]
    assert sorted(net.closed) == sorted(net.opened) and len(net.opened) == 2


async def test_a_plain_async_for_overlaps_too_and_sees_every_line_once(
    net_kit: tuple[Net, Kit],
) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 10, 3)  # 4 batches, 3 at a time
    net.meet = True
    ids = [entry.custom_id async for entry in job.results(concurrency=3)]
    assert sorted(ids) == [f"req-{i:04d}" for i in range(10)]
    assert sorted(net.closed) == sorted(net.opened) == sorted(job.batch_ids)


async def _wait_until_open(net: Net, n: int) -> None:
    for _ in range(_ROUNDS):
        if len(net.opened) >= n:
            return
        await anyio.lowlevel.checkpoint()
    raise AssertionError(f"only {len(net.opened)} of {n} downloads started")


async def test_leaving_early_stops_the_downloads_and_closes_every_stream(
    net_kit: tuple[Net, Kit],
) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 12, 3)  # 4 batches
    net.gated = True  # each download is stuck after its first chunk
    async with job.results(concurrency=3) as results:
        async for _ in results:
            await _wait_until_open(net, 3)
            break
    assert len(net.opened) == 3 and sorted(net.closed) == sorted(net.opened)
    after = len(net.opened)
    assert [entry async for entry in results] == [] and len(net.opened) == after


async def test_aclose_after_a_plain_async_for_closes_every_stream(
    net_kit: tuple[Net, Kit],
) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 12, 3)
    net.gated = True
    results = job.results(concurrency=3)
    async for _ in results:
        await _wait_until_open(net, 3)
        break
    await results.aclose()
    assert len(net.opened) == 3 and sorted(net.closed) == sorted(net.opened)


async def test_a_cancellation_stops_the_downloads(net_kit: tuple[Net, Kit]) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 12, 3)
    net.gated = True
    seen: List[str] = []
    with anyio.CancelScope() as scope:  # cancelled while the loop waits for an entry
        async for entry in job.results(concurrency=2):
            seen.append(entry.custom_id)
            await _wait_until_open(net, 2)
            scope.cancel()
    assert scope.cancelled_caught and seen
    assert len(net.opened) == 2 and sorted(net.closed) == sorted(net.opened)

    net.opened.clear(), net.closed.clear()
    with anyio.CancelScope() as scope:  # cancelled inside ``async with``, between entries
        async with job.results(concurrency=2) as results:
            async for _ in results:
                await _wait_until_open(net, 2)
                scope.cancel()
                await anyio.lowlevel.checkpoint()
    assert scope.cancelled_caught
    assert len(net.opened) == 2 and sorted(net.closed) == sorted(net.opened)


@pytest.mark.parametrize(
    ("fault", "error"),
    [(lambda: Fault.error(400, route="results", times=1), BadRequestError),
     (lambda: Fault.cut_stream(150, times=1), APIConnectionError)],
)  # fmt: skip
async def test_an_error_in_one_download_reaches_the_consumer_as_itself(
    net_kit: tuple[Net, Kit], fault: Callable[[], Fault], error: type
) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 12, 3)
    kit.emu.faults.add(fault())
    with pytest.raises(error):
        async with job.results(concurrency=3) as results:
            async for _ in results:
                pass
    assert sorted(net.closed) == sorted(net.opened)
    kit.emu.faults.add(fault())
    with pytest.raises(error):  # the same without ``async with``
        async for _ in job.results(concurrency=3):
            pass
    assert sorted(net.closed) == sorted(net.opened)


class _Counter:
    """A fake results stream of ``n`` entries that records how far it has been read."""

    def __init__(self, n: int, log: List[int]) -> None:
        self._left, self._log = n, log

    def __aiter__(self) -> _Counter:
        return self

    async def __anext__(self) -> Any:
        if not self._left:
            raise StopAsyncIteration
        self._left -= 1
        self._log.append(1)
        await anyio.lowlevel.checkpoint()
        return object()

    async def close(self) -> None:
        pass


async def test_the_buffer_bounds_how_far_the_downloads_run_ahead(flavor: str) -> None:
    read: List[int] = []

    async def open_stream(index: int) -> Any:
        return _Counter(1000, read)

    taken = 0
    async with AsyncJobResults(open_stream, 3, concurrency=3, queue_size=8) as results:
        async for _ in results:
            taken += 1
            for _ in range(50):  # let the downloads run as far as they can
                await anyio.lowlevel.checkpoint()
            assert len(read) <= taken + 8 + 3  # the buffer, and one entry per download
            if taken == 20:
                break
    assert taken == 20


async def test_one_at_a_time_reads_in_job_order_without_tasks(flavor: str) -> None:
    order: List[int] = []
    opened: Optional[List[int]] = []

    async def open_stream(index: int) -> Any:
        assert opened is not None
        opened.append(index)
        return _Counter(2, order)

    results = AsyncJobResults(open_stream, 3, concurrency=1)
    assert len([entry async for entry in results]) == 6 and opened == [0, 1, 2]


async def test_leaving_while_the_downloads_wait_on_a_full_buffer(
    net_kit: tuple[Net, Kit],
) -> None:
    net, kit = net_kit
    job = await _ended_job(kit, 3000, 1000)  # 3 batches: more than the buffer holds
    async with job.results(concurrency=3) as results:
        async for _ in results:
            await _wait_until_open(net, 3)
            for _ in range(200):  # the downloads fill the buffer and wait on it
                await anyio.lowlevel.checkpoint()
            break
    assert len(net.opened) == 3 and sorted(net.closed) == sorted(net.opened)
