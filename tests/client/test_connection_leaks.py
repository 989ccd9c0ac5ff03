"""No connection is left checked out: every response body the transport opens is closed,
after retries, after giving up, after redirects, and after streaming responses."""

from __future__ import annotations

from typing import List, Union

import httpx
import pytest
from client_kit import Kit, Model, StreamBody

from anthropic import InternalServerError, NotFoundError
from support import api_bytes


class Ledger:
    """A MockTransport handler serving queued (status, body, headers) with tracked bodies."""

    def __init__(self, *replies: Union[int, tuple]) -> None:
        self.replies = list(replies)
        self.streams: List[StreamBody] = []
        self.closed_before_next: List[bool] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        # the previous body was closed before this attempt went out
        self.closed_before_next.append(all(s.closed for s in self.streams))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        status, body, headers = reply if isinstance(reply, tuple) else (reply, b"{}", {})
        stream = StreamBody(body)
        self.streams.append(stream)
        return httpx.Response(status, stream=stream, headers=headers)

    @property
    def opened(self) -> int:
        return len(self.streams)

    @property
    def open_now(self) -> int:
        return sum(not s.closed for s in self.streams)


@pytest.mark.anyio
async def test_failed_responses_are_closed_before_the_retry(kit: Kit) -> None:
    ledger = Ledger(500, 503, 200)
    client = kit.client(ledger, _random=lambda: 0.0)
    await kit.call(client.get, "/x", cast_to=Model)
    assert ledger.opened == 3
    assert ledger.open_now == 0
    assert ledger.closed_before_next == [True, True, True]


@pytest.mark.anyio
async def test_nothing_left_open_after_retries_are_exhausted(kit: Kit) -> None:
    ledger = Ledger(529)
    client = kit.client(ledger, max_retries=3, _random=lambda: 0.0)
    with pytest.raises(InternalServerError):
        await kit.call(client.get, "/x", cast_to=Model)
    assert ledger.opened == 4
    assert ledger.open_now == 0


@pytest.mark.anyio
async def test_nothing_left_open_after_a_non_retryable_error(kit: Kit) -> None:
    ledger = Ledger(404)
    client = kit.client(ledger)
    with pytest.raises(NotFoundError):
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert (ledger.opened, ledger.open_now) == (1, 0)


@pytest.mark.anyio
async def test_redirect_responses_are_closed(kit: Kit) -> None:
    ledger = Ledger((307, b"", {"location": "/y"}), (302, b"", {"location": "/z"}), 200)
    client = kit.client(ledger)
    await kit.call(client.get, "/x", cast_to=Model)
    assert (ledger.opened, ledger.open_now) == (3, 0)


@pytest.mark.anyio
async def test_too_many_redirects_leaves_nothing_open(kit: Kit) -> None:
    from anthropic import APIConnectionError

    ledger = Ledger((302, b"", {"location": "/loop"}))
    client = kit.client(ledger, max_retries=0)
    with pytest.raises(APIConnectionError, match="redirects"):
        await kit.call(client.get, "/x", cast_to=Model)
    assert ledger.opened == 21
    assert ledger.open_now == 0


@pytest.mark.anyio
async def test_parse_errors_leave_nothing_open(kit: Kit) -> None:
    from anthropic import APIResponseValidationError

    ledger = Ledger((200, b"not json", {}))
    client = kit.client(ledger)
    with pytest.raises(APIResponseValidationError):
        await kit.call(client.get, "/x", cast_to=Model)
    assert (ledger.opened, ledger.open_now) == (1, 0)


@pytest.mark.anyio
async def test_streaming_response_is_open_inside_and_closed_after(kit: Kit) -> None:
    ledger = Ledger(500, (200, api_bytes("batch.ended.json"), {}))
    client = kit.client(ledger, _random=lambda: 0.0)
    cm = client.messages.batches.with_streaming_response.retrieve("msgbatch_1")
    if kit.is_async:
        async with cm as response:
            assert ledger.open_now == 1
            assert response.retries_taken == 1
    else:
        with cm as response:
            assert ledger.open_now == 1
            assert response.retries_taken == 1
    assert (ledger.opened, ledger.open_now) == (2, 0)


@pytest.mark.anyio
async def test_raw_response_body_is_read_and_released(kit: Kit) -> None:
    ledger = Ledger((200, api_bytes("batch.ended.json"), {}))
    client = kit.client(ledger)
    raw = await kit.call(client.messages.batches.with_raw_response.retrieve, "msgbatch_1")
    assert (ledger.opened, ledger.open_now) == (1, 0)
    assert raw.http_response.content == api_bytes("batch.ended.json")
