"""Credentials and header values are checked before anything is sent (issue 11, items 2, 12).

A key mounted from a file ends with a newline; h11 refuses such a header only when the
request is written, and its message quotes the value. Before the fix that was retried as
a connection error whose message held the key, and a create reported "outcome unknown"
although nothing had left the machine.
"""

from __future__ import annotations

import socket
import threading
from typing import Any, Iterator, List

import httpx
import pytest
from reliability_kit import Rig, make_requests

from anthropic import (
    Anthropic,
    APIConnectionError,
    AsyncAnthropic,
    BatchCreateOutcomeUnknownError,
)
from anthropic._models import BaseModel
from support import TEST_KEY

CLIENTS = (Anthropic, AsyncAnthropic)


class Loose(BaseModel):
    """Whatever the server answered."""


# -- construction ------------------------------------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize("argument", ["api_key", "auth_token"])
@pytest.mark.parametrize("padding", ["\n", "\r\n", " ", "\t\n"])
def test_surrounding_whitespace_is_stripped_with_a_warning(
    cls: Any, argument: str, padding: str
) -> None:
    with pytest.warns(UserWarning, match=f"^{argument} had leading or trailing whitespace") as rec:
        client = cls(**{argument: f" {TEST_KEY}{padding}"})
    assert getattr(client, argument) == TEST_KEY
    assert rec[0].filename == __file__  # points at the caller's line
    assert TEST_KEY not in str(rec[0].message)


@pytest.mark.parametrize("cls", CLIENTS)
def test_environment_key_with_a_newline_names_the_variable(
    cls: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", TEST_KEY + "\n")
    with pytest.warns(UserWarning, match="ANTHROPIC_API_KEY environment variable"):
        client = cls()
    assert client.api_key == TEST_KEY


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (TEST_KEY[:8] + "\n" + TEST_KEY[8:], "line break"),
        (TEST_KEY[:8] + "\r" + TEST_KEY[8:], "line break"),
        (TEST_KEY + "\x00", "control character"),
        (TEST_KEY + "é", "non-ASCII character"),
        (TEST_KEY + "\ud800", "non-ASCII character"),
    ],
)
def test_unsendable_key_is_a_value_error_naming_the_argument_never_the_value(
    cls: Any, value: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=r"^api_key cannot be sent in an HTTP header") as info:
        cls(api_key=value)
    assert problem in str(info.value)
    assert TEST_KEY[:8] not in str(info.value) and TEST_KEY[8:] not in str(info.value)
    assert info.value.__cause__ is None


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize("argument", ["api_key", "auth_token"])
@pytest.mark.parametrize("value", [123, b"sk-bytes", ["k"]])
def test_non_string_credential_is_a_type_error_naming_the_argument(
    cls: Any, argument: str, value: object
) -> None:
    with pytest.raises(TypeError, match=f"^{argument} must be a string") as info:
        cls(**{argument: value})
    assert "Header value" not in str(info.value)


@pytest.mark.parametrize("cls", CLIENTS)
def test_default_header_values_are_checked_at_construction(cls: Any) -> None:
    with pytest.raises(ValueError, match=r"default_headers\['x-team'\].*line break"):
        cls(api_key=TEST_KEY, default_headers={"x-team": "a\r\nInjected: yes"})
    with pytest.raises(ValueError, match="not a valid HTTP header name"):
        cls(api_key=TEST_KEY, default_headers={"bad name": "v"})
    with pytest.raises(TypeError, match=r"default_headers\['x-n'\] must be a string"):
        cls(api_key=TEST_KEY, default_headers={"x-n": 5})
    with pytest.warns(UserWarning):
        client = cls(api_key=TEST_KEY, default_headers={"x-team": "blue\n"})
    assert client.default_headers["x-team"] == "blue"


@pytest.mark.anyio
async def test_extra_headers_are_checked_before_any_io(rig: Rig) -> None:
    seen: List[httpx.Request] = []
    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    http = cls(transport=httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(200)))
    client = rig.client(base_url="https://api.example", http_client=http)
    with pytest.raises(ValueError, match=r"extra_headers\['x-api-key'\].*line break") as info:
        await rig.call(
            client.messages.batches.retrieve, "msgbatch_x", extra_headers={"x-api-key": "a\nb"}
        )
    assert "a\nb" not in str(info.value)
    assert seen == []


# -- refused by the HTTP library before the first byte: not sent, not retried --------------


class Listener:
    """A loopback server that records every byte it receives and answers nothing."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.05)
        self.received = bytearray()
        self.connections: List[socket.socket] = []
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        # Short timeouts so close() is noticed at once (closing a socket does not wake a
        # thread blocked in accept or recv).
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.connections.append(conn)
            with conn:
                conn.settimeout(0.05)
                while not self._stop:
                    try:
                        chunk = conn.recv(65536)
                    except socket.timeout:
                        continue
                    except OSError:
                        break
                    if not chunk:
                        break
                    self.received += chunk

    def close(self) -> None:
        self._stop = True
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def bad_header_hook(request: httpx.Request) -> None:
    # What a key with a newline looked like on the wire before construction checked it.
    request.headers["x-api-key"] = TEST_KEY + "\n"


async def abad_header_hook(request: httpx.Request) -> None:
    bad_header_hook(request)


def hooked_client(rig: Rig, base_url: str) -> Any:
    if rig.is_async:
        http: Any = httpx.AsyncClient(event_hooks={"request": [abad_header_hook]})
    else:
        http = httpx.Client(event_hooks={"request": [bad_header_hook]})
    return rig.client(base_url=base_url, http_client=http, max_retries=3)


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["create", "retrieve", "get"])
async def test_a_request_refused_before_sending_is_not_retried_nor_outcome_unknown(
    rig: Rig, listener: Listener, method: str
) -> None:
    client = hooked_client(rig, listener.base_url)
    with pytest.raises(APIConnectionError) as info:
        if method == "create":
            await rig.call(client.messages.batches.create, requests=make_requests(1))
        elif method == "retrieve":
            await rig.call(client.messages.batches.retrieve, "msgbatch_x")
        else:
            await rig.call(client.get, "/v1/messages/batches", cast_to=Loose)
    err = info.value
    assert not isinstance(err, BatchCreateOutcomeUnknownError)
    assert "Nothing was sent" in str(err) and "LocalProtocolError" in str(err)
    assert TEST_KEY not in str(err) and TEST_KEY not in repr(err.request.headers)
    assert err.__cause__ is None and err.__suppress_context__
    assert rig.delays == []  # not retried
    assert bytes(listener.received) == b""


@pytest.mark.anyio
async def test_connection_error_messages_never_quote_a_header_value(rig: Rig) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.LocalProtocolError(f"Illegal header value {TEST_KEY.encode()!r}")

    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    client = rig.client(
        base_url="https://api.example", http_client=cls(transport=httpx.MockTransport(refuse))
    )
    with pytest.raises(APIConnectionError) as info:
        await rig.call(client.messages.batches.create, requests=make_requests(1))
    assert type(info.value) is APIConnectionError
    assert TEST_KEY not in str(info.value)
    assert rig.delays == []


# -- item 12: ids and bodies that cannot be encoded ------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["retrieve", "cancel", "delete", "results"])
async def test_lone_surrogate_in_a_batch_id_is_a_clear_error(rig: Rig, method: str) -> None:
    seen: List[httpx.Request] = []
    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    http = cls(transport=httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(500)))
    client = rig.client(base_url="https://api.example", http_client=http)
    with pytest.raises(ValueError, match="message_batch_id is not valid text") as info:
        if method == "results":
            await rig.results(client, "msgbatch_\ud800")
        else:
            await rig.call(getattr(client.messages.batches, method), "msgbatch_\ud800")
    assert not isinstance(info.value, UnicodeError)
    assert seen == []


@pytest.mark.anyio
async def test_lone_surrogate_in_a_list_cursor_is_a_clear_error(rig: Rig) -> None:
    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    http = cls(transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    client = rig.client(base_url="https://api.example", http_client=http)
    with pytest.raises(ValueError, match="'after_id' is not valid text") as info:
        await rig.call(client.messages.batches.list, after_id="msgbatch_\udcff")
    assert not isinstance(info.value, UnicodeError)


@pytest.mark.anyio
@pytest.mark.parametrize("bad", [object(), "\ud800", b"\xff"])
async def test_a_request_that_cannot_be_encoded_is_named(rig: Rig, bad: object) -> None:
    requests = make_requests(3)
    requests[1]["params"] = {**requests[1]["params"], "metadata": {"x": bad}}
    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    http = cls(transport=httpx.MockTransport(lambda r: httpx.Response(500)))
    client = rig.client(base_url="https://api.example", http_client=http)
    with pytest.raises(ValueError) as info:
        await rig.call(client.messages.batches.create, requests=requests)
    err: Any = info.value
    custom_id = requests[1]["custom_id"]
    # which request, by index and custom_id, and where in it (the wording may vary)
    assert (err.index, err.custom_id) == (1, custom_id)
    assert err.field.startswith("params")
    assert str(err).startswith(f"requests[1] (custom_id {custom_id!r})")
