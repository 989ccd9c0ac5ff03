"""The loopback HTTP fault matrix (``tests/reliability/test_fault_matrix_http.py``), run
again with the async client on ``DefaultAioHttpClient``.

The test bodies are imported unchanged; only the client differs (aiohttp runs on asyncio
only, so the flavour is ``aiohttp`` on asyncio). One is restated: aiohttp itself sends an
idempotent request once more, without a pause, when a kept-alive connection turns out to
be closed, so a dropped read is recovered with fewer of our retries.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, AsyncIterator, List, Optional

import pytest

pytest.importorskip("httpx_aiohttp")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

import test_fault_matrix_http as http_matrix
from reliability_kit import Rig, closed_port, make_requests

import anthropic
from anthropic.emulator import Emulator, Fault

# The module's fixtures and the tests that run here unchanged.
served = http_matrix.served
emu = http_matrix.emu
base_url = http_matrix.base_url
test_create_dropped_on_a_real_socket_is_never_resent = (
    http_matrix.test_create_dropped_on_a_real_socket_is_never_resent
)
test_results_cut_on_a_real_socket = http_matrix.test_results_cut_on_a_real_socket


class AiohttpRig(Rig):
    """The async client, sending through aiohttp when it talks to a real server."""

    def __init__(self) -> None:
        super().__init__("aiohttp")
        self.http: List[Any] = []

    def client(self, emu: Optional[Emulator] = None, **kwargs: Any) -> Any:
        if emu is None:
            http = anthropic.DefaultAioHttpClient()
            self.http.append(http)
            kwargs["http_client"] = http
        return super().client(emu, **kwargs)

    async def aclose(self) -> None:
        await super().aclose()
        for http in self.http:
            await http.aclose()


@pytest.fixture
def flavor() -> str:
    return "aiohttp"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def rig() -> AsyncIterator[Rig]:
    harness = AiohttpRig()
    yield harness
    await harness.aclose()


@pytest.mark.anyio
@pytest.mark.parametrize("fault", ["drop_before", "drop_after", "529"])
async def test_reads_recover_over_aiohttp(
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
    # 529s are ours to retry; a dropped connection may be re-sent by aiohttp first.
    assert len(rig.delays) == 2 if fault == "529" else 1 <= len(rig.delays) <= 2


@pytest.mark.anyio
async def test_connection_refused_is_a_connection_error_not_a_timeout(rig: Rig) -> None:
    client = rig.client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=1)
    with pytest.raises(anthropic.APIConnectionError) as caught:
        await rig.call(client.messages.batches.list)
    assert not isinstance(caught.value, anthropic.APITimeoutError)
    assert len(rig.delays) == 1
