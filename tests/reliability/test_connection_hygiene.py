"""Leaving a loop early never leaves a connection checked out.

A counting transport wraps the emulator's: every response body records when it is
closed, so ``ledger.open`` is the number of connections a real pool would have checked
out. Breaking out of a results loop, raising inside it, breaking out of a list iteration
and cancelling the task that reads (asyncio and trio) all bring it back to zero.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, List, Tuple

import anyio
import httpx
import pytest
from reliability_kit import Rig, make_requests, new_emulator
from soak_kit import AsyncCountingTransport, CountingTransport, Ledger

from anthropic import AsyncAnthropic
from anthropic.emulator import Emulator
from support import TEST_KEY, api_bytes

# httpx's response streams are nested async generators; when a reader stops early the
# inner ones are left to the garbage collector, and trio warns about each (upstream:
# encode/httpx#3686). The connection is released regardless -- that is what the ledger
# checks. Only httpx's own generators are excused: an abandoned generator of ours fails.
pytestmark = pytest.mark.filterwarnings("ignore:Async generator 'httpx\\.:ResourceWarning")


class Boom(Exception):
    pass


async def setup(rig: Rig, batches: int = 1, requests: int = 50) -> Tuple[Any, Ledger, Emulator]:
    emu = new_emulator()
    if rig.is_async:
        counting: Any = AsyncCountingTransport(emu.async_transport())
        http: Any = httpx.AsyncClient(transport=counting)
    else:
        counting = CountingTransport(emu.transport())
        http = httpx.Client(transport=counting)
    client = rig.client(emu, http_client=http)
    for i in range(batches):
        await rig.call(client.messages.batches.create, requests=make_requests(requests, f"b{i}"))
    return client, counting.ledger, emu


async def an_ended_batch(rig: Rig, client: Any) -> Any:
    page = await rig.call(client.messages.batches.list, limit=1)
    return await rig.call(client.messages.batches.retrieve, page.data[0].id)


@pytest.mark.anyio
async def test_break_out_of_a_results_loop(rig: Rig) -> None:
    client, ledger, _ = await setup(rig)
    batch = await an_ended_batch(rig, client)
    if rig.is_async:
        async with await client.messages.batches.results(batch) as results:
            async for _entry in results:
                assert ledger.open == 1
                break
    else:
        with client.messages.batches.results(batch) as results:
            for _entry in results:
                assert ledger.open == 1
                break
    assert ledger.open == 0


@pytest.mark.anyio
async def test_break_then_close_without_a_with_block(rig: Rig) -> None:
    client, ledger, _ = await setup(rig)
    batch = await an_ended_batch(rig, client)
    if rig.is_async:
        handle = client.messages.batches.results(batch)
        async for _entry in handle:
            break
        assert ledger.open == 1
        await handle.close()
    else:
        results = client.messages.batches.results(batch)
        for _entry in results:
            break
        assert ledger.open == 1
        results.close()
    assert ledger.open == 0


@pytest.mark.anyio
async def test_exception_inside_a_results_loop(rig: Rig) -> None:
    client, ledger, _ = await setup(rig)
    batch = await an_ended_batch(rig, client)
    with pytest.raises(Boom):
        if rig.is_async:
            async with await client.messages.batches.results(batch) as results:
                async for _entry in results:
                    raise Boom
        else:
            with client.messages.batches.results(batch) as results:
                for _entry in results:
                    raise Boom
    assert ledger.open == 0


@pytest.mark.anyio
async def test_exhausting_results_without_a_with_block(rig: Rig) -> None:
    client, ledger, _ = await setup(rig)
    batch = await an_ended_batch(rig, client)
    if rig.is_async:
        got = [e async for e in client.messages.batches.results(batch)]
    else:
        got = list(client.messages.batches.results(batch))
    assert len(got) == 50
    assert ledger.open == 0


@pytest.mark.anyio
async def test_list_iteration_broken_early_and_raised_in(rig: Rig) -> None:
    client, ledger, _ = await setup(rig, batches=5, requests=1)
    seen: List[str] = []
    if rig.is_async:
        async for batch in client.messages.batches.list(limit=2):
            seen.append(batch.id)
            assert ledger.open == 0  # each page is read whole: nothing held while iterating
            if len(seen) == 3:
                break
        with pytest.raises(Boom):
            async for _batch in client.messages.batches.list(limit=1):
                raise Boom
    else:
        for batch in client.messages.batches.list(limit=2):
            seen.append(batch.id)
            assert ledger.open == 0
            if len(seen) == 3:
                break
        with pytest.raises(Boom):
            for _batch in client.messages.batches.list(limit=1):
                raise Boom
    assert len(set(seen)) == 3
    assert ledger.sent == 8  # 5 creates, 2 pages, 1 page
    assert ledger.open == 0


# -- cancellation (async only) ------------------------------------------------------------


class _Stalling(httpx.AsyncByteStream):
    """A body that sends ``head`` and then never finishes."""

    def __init__(self, head: bytes) -> None:
        self.head = head

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self.head
        await anyio.sleep_forever()


def stalling_client(body: bytes, head_bytes: int) -> Tuple[AsyncAnthropic, Ledger]:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Stalling(body[:head_bytes]))

    counting = AsyncCountingTransport(httpx.MockTransport(handler))
    client = AsyncAnthropic(api_key=TEST_KEY, http_client=httpx.AsyncClient(transport=counting))
    return client, counting.ledger


@pytest.mark.parametrize("flavor", ["async"])
@pytest.mark.anyio
async def test_cancelling_the_task_that_reads_results(anyio_backend: str, flavor: str) -> None:
    emu = new_emulator()
    counting = AsyncCountingTransport(emu.async_transport())
    client = emu.async_client(http_client=httpx.AsyncClient(transport=counting))
    created = await client.messages.batches.create(requests=make_requests(50))
    batch = await client.messages.batches.retrieve(created.id)
    first = anyio.Event()
    got: List[Any] = []

    async def consume() -> None:
        async with await client.messages.batches.results(batch) as results:
            async for entry in results:
                got.append(entry)
                first.set()
                await anyio.sleep_forever()

    async with anyio.create_task_group() as tg:
        tg.start_soon(consume)
        await first.wait()
        assert counting.ledger.open == 1
        tg.cancel_scope.cancel()
    assert len(got) == 1
    assert counting.ledger.open == 0
    await client.close()


@pytest.mark.parametrize("flavor", ["async"])
@pytest.mark.anyio
async def test_cancelling_while_a_body_is_being_read(anyio_backend: str, flavor: str) -> None:
    """Cancelled inside the SDK (a retrieve's body half read): the response is closed."""
    client, ledger = stalling_client(api_bytes("batch.ended.json"), 40)
    with anyio.move_on_after(0.01) as scope:
        await client.messages.batches.retrieve("msgbatch_x")
    assert scope.cancelled_caught
    assert (ledger.sent, ledger.open) == (1, 0)
    await client.close()


@pytest.mark.parametrize("flavor", ["async"])
@pytest.mark.anyio
async def test_cancelling_while_a_results_stream_stalls(anyio_backend: str, flavor: str) -> None:
    """Cancelled inside the decoder, waiting for the next chunk mid-line."""
    body = api_bytes("batch.results.jsonl")
    client, ledger = stalling_client(body, body.index(b"\n") + 10)
    from anthropic.types.messages import MessageBatch
    from support import api_json

    batch = MessageBatch.model_validate(api_json("batch.ended.json"))
    got: List[Any] = []
    with anyio.move_on_after(0.01) as scope:
        async with await client.messages.batches.results(batch) as results:
            async for entry in results:
                got.append(entry)
    assert scope.cancelled_caught
    assert len(got) == 1
    assert (ledger.sent, ledger.open) == (1, 0)
    await client.close()
