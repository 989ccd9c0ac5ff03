"""Scale: a 100,000-request batch end to end, and 1,000 concurrent requests over loopback."""

from __future__ import annotations

import json

import anyio
import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS

from anthropic.emulator import Emulator, ManualClock

CHUNK = 64 * 1024


def big_body(n: int) -> bytes:
    params = json.dumps(
        {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 16,
            "messages": [{"role": "user", "content": "Hi"}],
        }
    )
    items = ",".join(f'{{"custom_id":"r-{i}","params":{params}}}' for i in range(n))
    return f'{{"requests":[{items}]}}'.encode()


@pytest.mark.slow
def test_100k_request_batch_streams_every_result_in_bounded_chunks() -> None:
    emu = Emulator(clock=ManualClock(), processing_time=100)
    with httpx.Client(
        transport=emu.transport(), base_url="http://e", headers=HEADERS, timeout=None
    ) as c:
        created = c.post(
            BATCHES, content=big_body(100_000), headers={"content-type": "application/json"}
        )
        assert created.status_code == 200
        batch_id = created.json()["id"]
        assert created.json()["request_counts"]["processing"] == 100_000
        emu.advance(50)
        assert c.post(f"{BATCHES}/{batch_id}/cancel").status_code == 200  # half finished
        emu.advance(1)
        counts = c.get(f"{BATCHES}/{batch_id}").json()["request_counts"]
        assert counts == {
            "processing": 0,
            "succeeded": 50_000,
            "errored": 0,
            "canceled": 50_000,
            "expired": 0,
        }
        lines = 0
        largest = 0
        tail = b""
        first_canceled = -1
        with c.stream("GET", f"{BATCHES}/{batch_id}/results") as r:
            for chunk in r.iter_raw():
                largest = max(largest, len(chunk))
                if first_canceled < 0 and b'"canceled"' in chunk:
                    first_canceled = lines + chunk[: chunk.index(b'"canceled"')].count(b"\n")
                lines += chunk.count(b"\n")
                tail = (tail + chunk)[-200:]
    assert lines == 100_000
    assert first_canceled == 50_000
    assert largest <= CHUNK + 100  # bounded: never the whole body at once
    assert tail.endswith(b'{"custom_id":"r-99999","result":{"type":"canceled"}}\n')


RAW_LIST = (
    b"GET /v1/messages/batches HTTP/1.1\r\nhost: emulator\r\nx-api-key: k\r\n"
    b"anthropic-version: 2023-06-01\r\n\r\n"
)


@pytest.mark.slow
@pytest.mark.anyio
async def test_1000_concurrent_connections_over_loopback() -> None:
    # Raw sockets on the client side: httpx's pool scans every connection per request,
    # which would make this a benchmark of the client rather than of the emulator.
    emu = Emulator(clock=ManualClock())
    heads: list = []
    with emu.serve() as server:

        async def one() -> None:
            async with await anyio.connect_tcp("127.0.0.1", server.port) as stream:
                await stream.send(RAW_LIST)
                data = b""
                while not data.endswith(b"}"):
                    data += await stream.receive()
                heads.append(data.split(b"\r\n", 1)[0])

        with anyio.fail_after(60):
            async with anyio.create_task_group() as tg:
                for _ in range(1000):
                    tg.start_soon(one)
    assert heads == [b"HTTP/1.1 200 OK"] * 1000
    assert emu.count("list") == 1000
