"""The faults that depend on a real socket, over the emulator's HTTP server on loopback.

In-process, a drop "before processing" is a connect error; over a real connection the
client has already sent the request when the socket closes, so it cannot know whether
the server acted on it: ``create`` must report ``BatchCreateOutcomeUnknownError`` after
exactly one request rather than guess, while reads retry and recover.
"""

from __future__ import annotations

from typing import Iterator, List

import pytest
from reliability_kit import Rig, make_requests, new_emulator

import anthropic
from anthropic.emulator import Emulator, EmulatorServer, Fault
from anthropic.types.messages import MessageBatchIndividualResponse


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Emulator, EmulatorServer]]:
    emu = new_emulator()
    with emu.serve() as server:
        yield emu, server


@pytest.fixture
def emu(served: tuple[Emulator, EmulatorServer]) -> Iterator[Emulator]:
    emu = served[0]
    emu.faults.clear()
    yield emu
    emu.faults.clear()


@pytest.fixture
def base_url(served: tuple[Emulator, EmulatorServer]) -> str:
    return served[1].base_url


@pytest.mark.anyio
async def test_create_dropped_on_a_real_socket_is_never_resent(
    rig: Rig, emu: Emulator, base_url: str
) -> None:
    client = rig.client(base_url=base_url, max_retries=2)
    before = emu.count("create")
    emu.faults.add(Fault.drop(route="create", times=1))
    with pytest.raises(anthropic.BatchCreateOutcomeUnknownError) as info:
        await rig.call(client.messages.batches.create, requests=make_requests(2))
    assert info.value.request_count == 2
    assert emu.count("create") - before == 1
    assert rig.delays == []


@pytest.mark.anyio
@pytest.mark.parametrize("fault", ["drop_before", "drop_after", "529"])
async def test_reads_recover_on_a_real_socket(
    rig: Rig, emu: Emulator, base_url: str, fault: str
) -> None:
    client = rig.client(base_url=base_url, max_retries=2)
    batch = await rig.call(client.messages.batches.create, requests=make_requests(2))
    rule = {
        "drop_before": Fault.drop(route="retrieve", times=2),
        "drop_after": Fault.drop(route="retrieve", times=2, after_processing=True),
        "529": Fault.error(529, route="retrieve", times=2),
    }[fault]
    emu.faults.add(rule)
    before = emu.count("retrieve")
    got = await rig.call(client.messages.batches.retrieve, batch.id)
    assert got.id == batch.id
    assert emu.count("retrieve") - before == 3
    assert len(rig.delays) == 2


@pytest.mark.anyio
async def test_results_cut_on_a_real_socket(rig: Rig, emu: Emulator, base_url: str) -> None:
    client = rig.client(base_url=base_url, max_retries=2)
    created = await rig.call(client.messages.batches.create, requests=make_requests(5))
    batch = await rig.call(client.messages.batches.retrieve, created.id)
    full = await rig.results(client, batch)
    assert len(full) == 5
    emu.faults.add(Fault.cut_stream(after_bytes=700, times=1))
    seen: List[MessageBatchIndividualResponse] = []
    with pytest.raises(anthropic.APIConnectionError):
        await rig.results(client, batch, seen)
    assert 0 < len(seen) < 5
    assert [e.custom_id for e in seen] == [e.custom_id for e in full[: len(seen)]]
