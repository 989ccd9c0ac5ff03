"""The HTTP server: lifecycle, faults over a real socket, the CLI."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, make_requests, results_of

from anthropic.emulator import Emulator, EmulatorServer, Fault, ManualClock

SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture
def emu() -> Emulator:
    return Emulator(clock=ManualClock(), processing_time=60, seed=4)


@pytest.fixture
def server(emu: Emulator):  # type: ignore[no-untyped-def]
    with EmulatorServer(emu) as running:
        yield running


@pytest.fixture
def http(server: EmulatorServer):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=server.base_url, headers=HEADERS) as client:
        yield client


def test_binds_loopback_on_a_free_port_and_stops(emu: Emulator) -> None:
    server = EmulatorServer(emu, port=0)
    assert repr(server).endswith("stopped>")
    with server:
        assert server.host == "127.0.0.1" and server.port > 0
        assert server.base_url == f"http://127.0.0.1:{server.port}"
        r = httpx.get(server.base_url + BATCHES, headers=HEADERS)
        assert r.status_code == 200
        assert r.headers["request-id"].startswith("req_")
    with pytest.raises(httpx.ConnectError):
        httpx.get(server.base_url + BATCHES, headers=HEADERS)
    server.stop()  # idempotent


def test_full_lifecycle_over_http(emu: Emulator, http: httpx.Client) -> None:
    created = http.post(BATCHES, json={"requests": make_requests(3)})
    assert created.status_code == 200
    batch_id = created.json()["id"]
    assert http.get(f"{BATCHES}/{batch_id}").json()["processing_status"] == "in_progress"
    assert http.delete(f"{BATCHES}/{batch_id}").status_code == 400
    emu.advance(60)
    ended = http.get(f"{BATCHES}/{batch_id}").json()
    assert ended["request_counts"]["succeeded"] == 3
    results = http.get(f"{BATCHES}/{batch_id}/results")
    assert results.headers["content-type"] == "application/x-jsonl"
    assert [x["custom_id"] for x in results_of(results)] == ["req-0", "req-1", "req-2"]
    assert http.get(BATCHES).json()["first_id"] == batch_id
    assert http.delete(f"{BATCHES}/{batch_id}").json() == {
        "id": batch_id,
        "type": "message_batch_deleted",
    }
    assert http.get(f"{BATCHES}/{batch_id}").status_code == 404
    assert http.put(BATCHES).status_code == 405
    assert http.get("/v2/other").status_code == 404


def test_drop_before_processing_over_http(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.drop(route="create", times=1))
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        http.post(BATCHES, json={"requests": make_requests(1)})
    assert emu.batch_count == 0
    assert http.post(BATCHES, json={"requests": make_requests(1)}).status_code == 200


def test_drop_after_processing_over_http(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.drop(route="create", after_processing=True, times=1))
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(BATCHES, json={"requests": make_requests(1)})
    assert emu.batch_count == 1
    assert emu.count("create") == 1


def test_cut_results_stream_over_http(emu: Emulator, http: httpx.Client) -> None:
    batch_id = http.post(BATCHES, json={"requests": make_requests(50)}).json()["id"]
    emu.advance(60)
    full = http.get(f"{BATCHES}/{batch_id}/results").content
    emu.faults.add(Fault.cut_stream(after_bytes=1000, times=1))
    received = b""
    with (
        pytest.raises(httpx.RemoteProtocolError),
        http.stream("GET", f"{BATCHES}/{batch_id}/results") as r,
    ):
        assert r.status_code == 200
        for chunk in r.iter_raw():
            received += chunk
    assert received == full[:1000]
    assert not received.endswith(b"\n")
    assert http.get(f"{BATCHES}/{batch_id}/results").content == full


def test_delay_over_http_really_delays(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.delay(0.3, route="list", times=1))
    with pytest.raises(httpx.ReadTimeout):
        http.get(BATCHES, timeout=0.05)
    assert http.get(BATCHES).status_code == 200


def test_error_fault_over_http_carries_retry_after(emu: Emulator, http: httpx.Client) -> None:
    emu.faults.add(Fault.error(429, times=1, retry_after=2))
    r = http.get(BATCHES)
    assert r.status_code == 429
    assert r.headers["retry-after"] == "2"
    assert r.json()["error"]["type"] == "rate_limit_error"


def test_oversized_content_length_is_413_without_reading_the_body(server: EmulatorServer) -> None:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/messages/batches HTTP/1.1\r\nhost: x\r\nx-api-key: k\r\n"
            b"anthropic-version: 2023-06-01\r\ncontent-type: application/json\r\n"
            b"content-length: 300000000\r\n\r\n{"
        )
        data = b""
        while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body)["error"]["type"] == "request_too_large"


def test_cli_serves_and_prints_the_base_url() -> None:
    env = {**os.environ, "PYTHONPATH": SRC}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "anthropic.emulator",
            "--port",
            "0",
            "--api-key",
            "sk-cli",
            "--log-level",
            "warning",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Anthropic Message Batches emulator listening on http://127.0.0.1:")
        base_url = first.rsplit(" ", 1)[1].strip()
        assert proc.stdout.readline().strip() == f"export ANTHROPIC_BASE_URL={base_url}"
        ok = httpx.get(base_url + BATCHES, headers={**HEADERS, "x-api-key": "sk-cli"})
        assert ok.status_code == 200
        assert httpx.get(base_url + BATCHES, headers=HEADERS).status_code == 401
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
    assert proc.returncode is not None
