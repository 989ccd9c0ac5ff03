"""The async in-process transport, under asyncio and trio."""

from __future__ import annotations

from typing import AsyncIterator

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, make_requests
from test_scale import big_body

from anthropic.emulator import Emulator, Fault, ManualClock

pytestmark = pytest.mark.anyio


@pytest.fixture
async def aclient(emu: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        transport=emu.async_transport(), base_url="http://emulator.local", headers=HEADERS
    ) as client:
        yield client


async def test_async_lifecycle(emu: Emulator, aclient: httpx.AsyncClient) -> None:
    created = await aclient.post(BATCHES, json={"requests": make_requests(2)})
    assert created.status_code == 200
    batch_id = created.json()["id"]
    emu.advance(60)
    assert (await aclient.get(f"{BATCHES}/{batch_id}")).json()["request_counts"]["succeeded"] == 2
    lines = []
    async with aclient.stream("GET", f"{BATCHES}/{batch_id}/results") as r:
        assert r.headers["content-type"] == "application/x-jsonl"
        async for line in r.aiter_lines():
            lines.append(line)
    assert len(lines) == 2 and lines[0].startswith('{"custom_id":"req-0"')
    assert (await aclient.delete(f"{BATCHES}/{batch_id}")).status_code == 200


async def test_large_create_is_handled_off_the_event_loop(
    emu: Emulator, aclient: httpx.AsyncClient
) -> None:
    body = big_body(5_000)  # above the offload threshold
    assert len(body) > 256 * 1024
    r = await aclient.post(BATCHES, content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200
    assert r.json()["request_counts"]["processing"] == 5_000


async def test_async_faults_raise_network_errors(emu: Emulator, aclient: httpx.AsyncClient) -> None:
    emu.faults.add(Fault.drop(route="list", times=1))
    emu.faults.add(Fault.drop(route="list", after_processing=True, times=1))
    emu.faults.add(Fault.delay(10, route="list", times=1))
    with pytest.raises(httpx.ConnectError):
        await aclient.get(BATCHES)
    with pytest.raises(httpx.RemoteProtocolError):
        await aclient.get(BATCHES)
    with pytest.raises(httpx.ReadTimeout):
        await aclient.get(BATCHES, timeout=1)
    assert (await aclient.get(BATCHES)).status_code == 200
    assert [e.fault for e in emu.requests_log] == ["drop_before", "drop_after", "delay", None]


async def test_async_cut_stream(clock: ManualClock) -> None:
    emu = Emulator(clock=clock)
    async with httpx.AsyncClient(
        transport=emu.async_transport(), base_url="http://e", headers=HEADERS
    ) as c:
        batch_id = (await c.post(BATCHES, json={"requests": make_requests(3)})).json()["id"]
        emu.faults.add(Fault.cut_stream(after_bytes=10))
        received = b""
        with pytest.raises(httpx.RemoteProtocolError):
            async with c.stream("GET", f"{BATCHES}/{batch_id}/results") as r:
                async for chunk in r.aiter_raw():
                    received += chunk
    assert received == b'{"custom_i'
