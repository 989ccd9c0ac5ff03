"""The emulator as an HTTP server under hostile clients: malformed HTTP, bodies that are not
JSON (NaN, nested thousands deep), half-open and idle connections.

Every server is on 127.0.0.1 and stopped by the test. Timed behaviour uses a short
``idle_timeout`` and waits for the event (the socket closing) with a bounded timeout.
"""

from __future__ import annotations

import json
import socket
from typing import Iterator, List

import httpx
import pytest
from emulator_helpers import BATCHES, HEADERS, make_requests

from anthropic.emulator import Emulator, EmulatorServer

WAIT = 10.0  # the most any test waits for the server to act (it acts in ~idle_timeout)


@pytest.fixture
def server() -> Iterator[EmulatorServer]:
    with EmulatorServer(Emulator(), idle_timeout=0.3) as running:
        yield running


def connect(server: EmulatorServer) -> socket.socket:
    return socket.create_connection((server.host, server.port), timeout=WAIT)


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes (raises socket.timeout if it never does)."""
    chunks: List[bytes] = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def split_response(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, body


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GARBAGE\r\n\r\n",
        b"GET /v1/messages/batches HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    ],
)
def test_malformed_http_gets_an_api_shaped_json_400(
    server: EmulatorServer, request_bytes: bytes
) -> None:
    with connect(server) as sock:
        sock.sendall(request_bytes)
        status, headers, body = split_response(read_all(sock))
    assert status == 400
    assert headers["content-type"] == "application/json"
    error = json.loads(body)
    assert error["type"] == "error"
    assert error["error"]["type"] == "invalid_request_error"
    assert "not valid HTTP" in error["error"]["message"]


def post(server: EmulatorServer, content: bytes) -> httpx.Response:
    headers = {**HEADERS, "content-type": "application/json"}
    return httpx.post(server.base_url + BATCHES, content=content, headers=headers, timeout=WAIT)


@pytest.mark.parametrize(
    "body",
    [
        b'{"requests": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b"[" * 100_000,
        b'{"requests": [{"custom_id": "a", "params": '
        + b'{"x": ' * 3000
        + b"1"
        + b"}" * 3002
        + b"]}",
    ],
)
def test_a_deeply_nested_body_is_a_400_not_a_500(server: EmulatorServer, body: bytes) -> None:
    response = post(server, body)
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "invalid_request_error"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_rejected(server: EmulatorServer, constant: str) -> None:
    body = json.dumps({"requests": make_requests(1, temperature=0.5)}).replace("0.5", constant)
    response = post(server, body.encode())
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error" and constant.lstrip("-") in error["message"]


@pytest.mark.parametrize(
    "sent",
    [
        b"",  # opened, never spoke
        b"POST /v1/messages/batches HTTP/1.1\r\nHost: x\r\n",  # headers cut short
        b"POST /v1/messages/batches HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{",
    ],
)
def test_half_open_connections_are_closed_after_the_idle_timeout(
    server: EmulatorServer, sent: bytes
) -> None:
    with connect(server) as sock:
        if sent:
            sock.sendall(sent)
        assert read_all(sock) == b""  # closed by the server, nothing answered
    # and the server still serves
    assert httpx.get(server.base_url + BATCHES, headers=HEADERS, timeout=WAIT).status_code == 200


IDLE_CONNECTIONS = 1500


def test_responsive_under_many_idle_connections() -> None:
    # A long idle timeout, so none of them is closed while the requests run.
    with EmulatorServer(Emulator(), idle_timeout=60) as server:
        idle: List[socket.socket] = []
        try:
            for _ in range(IDLE_CONNECTIONS):
                idle.append(connect(server))
            idle[0].sendall(b"GET /v1/messages/batches HTTP/1.1\r\n")  # and one half request
            with httpx.Client(base_url=server.base_url, headers=HEADERS, timeout=WAIT) as http:
                created = http.post(BATCHES, json={"requests": make_requests(3)})
                assert created.status_code == 200
                for _ in range(20):
                    assert http.get(f"{BATCHES}/{created.json()['id']}").status_code == 200
        finally:
            for sock in idle:
                sock.close()


@pytest.mark.parametrize("bad", [0, -1, float("inf"), float("nan"), "5"])
def test_idle_timeout_must_be_positive_seconds(bad: object) -> None:
    with pytest.raises(ValueError, match="idle_timeout"):
        EmulatorServer(Emulator(), idle_timeout=bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["0", "-1", "inf", "soon"])
def test_the_idle_timeout_option_is_checked(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    from anthropic.emulator.__main__ import main

    with pytest.raises(SystemExit) as info:
        main(["--idle-timeout", bad])
    assert info.value.code == 2 and "--idle-timeout" in capsys.readouterr().err
