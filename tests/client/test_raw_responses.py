"""``with_raw_response`` (body read) and ``with_streaming_response`` (body not pre-read)."""

from __future__ import annotations

import json
from typing import Any, List

import httpx
import pytest
from client_kit import Kit, Recorder, StreamBody

from anthropic import NotFoundError
from anthropic._legacy_response import LegacyAPIResponse
from anthropic.types.beta.messages import BetaMessageBatch
from anthropic.types.messages import DeletedMessageBatch, MessageBatch
from support import api_bytes, api_json, fixture_response


async def collect(it: Any) -> List[Any]:
    if hasattr(it, "__aiter__"):
        return [x async for x in it]
    return list(it)


@pytest.mark.anyio
async def test_raw_response_retrieve(kit: Kit) -> None:
    rec = Recorder(
        fixture_response("batch.ended.json", **{"request-id": "req_raw", "x-extra": "1"})
    )
    client = kit.client(rec)
    raw = await kit.call(client.messages.batches.with_raw_response.retrieve, "msgbatch_1")
    assert isinstance(raw, LegacyAPIResponse)  # sync and async alike, as the official SDK
    assert raw.status_code == 200
    assert raw.headers["x-extra"] == "1"
    assert raw.request_id == "req_raw"
    assert raw.retries_taken == 0
    assert raw.method == "GET"
    assert raw.url == httpx.URL("https://api.anthropic.com/v1/messages/batches/msgbatch_1")
    assert raw.http_request.headers["x-api-key"]
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.is_closed and raw.http_response.is_closed  # body read up front
    assert raw.http_version == "HTTP/1.1"
    assert raw.content == api_bytes("batch.ended.json")  # properties, not methods
    assert json.loads(raw.text) == api_json("batch.ended.json")
    batch = raw.parse()  # a plain call on the async client too: the body was read
    assert isinstance(batch, MessageBatch)
    assert batch.id == api_json("batch.ended.json")["id"]
    assert batch._request_id == "req_raw"
    assert raw.parse() is batch  # parsed once
    assert raw.json() == api_json("batch.ended.json")
    assert repr(raw).endswith("[200 OK] GET /v1/messages/batches/msgbatch_1>")


@pytest.mark.anyio
async def test_raw_response_other_methods(kit: Kit) -> None:
    rec = Recorder(fixture_response("batch.deleted.json"))
    client = kit.client(rec)
    raw = await kit.call(client.messages.batches.with_raw_response.delete, "msgbatch_1")
    assert raw.method == "DELETE"
    deleted = raw.parse()
    assert isinstance(deleted, DeletedMessageBatch)
    assert deleted.id == api_json("batch.deleted.json")["id"]


@pytest.mark.anyio
async def test_raw_response_raises_typed_errors(kit: Kit) -> None:
    rec = Recorder(fixture_response("errors/404.not_found_error.json", 404))
    client = kit.client(rec)
    with pytest.raises(NotFoundError):
        await kit.call(client.messages.batches.with_raw_response.retrieve, "msgbatch_1")


@pytest.mark.anyio
async def test_raw_mode_does_not_leak_into_the_next_call(kit: Kit) -> None:
    rec = Recorder(fixture_response("batch.ended.json"))
    client = kit.client(rec)
    await kit.call(client.messages.batches.with_raw_response.retrieve, "msgbatch_1")
    batch = await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert isinstance(batch, MessageBatch)


async def stream_retrieve(kit: Kit, client: Any, fn: Any) -> Any:
    """Open ``with_streaming_response.retrieve`` and run ``fn(response)`` inside it."""
    cm = client.messages.batches.with_streaming_response.retrieve("msgbatch_1")
    if kit.is_async:
        async with cm as response:
            return await fn(response)
    with cm as response:
        return await fn(response)


@pytest.mark.anyio
async def test_streaming_response_is_not_pre_read(kit: Kit) -> None:
    raw = api_bytes("batch.ended.json")
    body = StreamBody(raw[:100], raw[100:])

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=body, headers={"request-id": "req_s"})

    client = kit.client(handler)

    async def inside(response: Any) -> Any:
        assert body.reads == 0
        assert not response.http_response.is_closed
        assert (response.status_code, response.request_id) == (200, "req_s")
        assert await collect(response.iter_bytes()) == [raw[:100], raw[100:]]
        return response

    response = await stream_retrieve(kit, client, inside)
    assert response.http_response.is_closed  # closed on exit
    assert body.closed


@pytest.mark.anyio
async def test_streaming_response_unread_body_is_closed_on_exit(kit: Kit) -> None:
    body = StreamBody(b"{}")
    client = kit.client(lambda request: httpx.Response(200, stream=body))

    async def inside(response: Any) -> None:
        return None

    await stream_retrieve(kit, client, inside)
    assert (body.reads, body.closed) == (0, True)


@pytest.mark.anyio
@pytest.mark.parametrize("how", ["read", "text", "json", "iter_bytes", "iter_lines", "parse"])
async def test_streaming_response_readers(kit: Kit, how: str) -> None:
    client = kit.client(Recorder(fixture_response("batch.ended.json")))
    raw = api_bytes("batch.ended.json")

    async def inside(response: Any) -> Any:
        if how in ("iter_bytes", "iter_lines"):
            return await collect(getattr(response, how)())
        return await kit.call(getattr(response, how))

    result = await stream_retrieve(kit, client, inside)
    expected: Any = {
        "read": raw,
        "text": raw.decode(),
        "json": json.loads(raw),
        "iter_bytes": [raw],
        "iter_lines": raw.decode().splitlines(),
    }.get(how)
    if how == "parse":
        assert isinstance(result, MessageBatch)
        assert result.to_dict(mode="json") == api_json("batch.ended.json")
    elif how == "iter_bytes":
        assert b"".join(result) == raw
    else:
        assert result == expected


@pytest.mark.anyio
async def test_streaming_response_error_raises_on_enter(kit: Kit) -> None:
    rec = Recorder(fixture_response("errors/404.not_found_error.json", 404))
    client = kit.client(rec)

    async def inside(response: Any) -> None:
        raise AssertionError("not reached")

    with pytest.raises(NotFoundError):
        await stream_retrieve(kit, client, inside)


@pytest.mark.anyio
async def test_streaming_response_closes_when_the_body_raises(kit: Kit) -> None:
    client = kit.client(Recorder(fixture_response("batch.ended.json")))
    seen: List[Any] = []

    async def inside(response: Any) -> None:
        seen.append(response)
        raise KeyError("user code failed")

    with pytest.raises(KeyError):
        await stream_retrieve(kit, client, inside)
    assert seen[0].http_response.is_closed


@pytest.mark.anyio
async def test_client_level_views_are_the_resources_views(kit: Kit) -> None:
    # Official-SDK code reaches the views from the client too:
    # client.with_raw_response.messages.create(...), client.with_streaming_response.models...
    rec = Recorder(httpx.Response(200, content=api_bytes("model.json")))
    client = kit.client(rec)
    assert client.with_raw_response.messages is client.messages.with_raw_response
    assert client.with_streaming_response.messages is client.messages.with_streaming_response
    assert client.with_raw_response.models is client.models.with_raw_response
    raw = await kit.call(client.with_raw_response.models.retrieve, "claude-sonnet-4-20250514")
    assert raw.parse().display_name == "Claude Sonnet 4"
    assert raw.request_id is None and raw.status_code == 200
    cm = client.with_streaming_response.models.retrieve("claude-sonnet-4-20250514")
    if kit.is_async:
        async with cm as response:
            model = await response.parse()
    else:
        with cm as response:
            model = response.parse()
    assert model.id == "claude-sonnet-4-20250514"
    assert [r.url.path for r in rec.requests] == ["/v1/models/claude-sonnet-4-20250514"] * 2


@pytest.mark.anyio
async def test_batches_views_are_reached_from_messages_beta_and_the_client(kit: Kit) -> None:
    # As on the official client: client.messages.with_raw_response.batches,
    # client.beta(.messages).with_raw_response..., client.with_raw_response.beta, and the
    # same under with_streaming_response; each is that batches resource's view.
    rec = Recorder(fixture_response("batch.ended.json"))
    client = kit.client(rec)
    assert client.with_raw_response.beta is client.beta.with_raw_response
    assert client.with_streaming_response.beta is client.beta.with_streaming_response
    kinds = {"with_raw_response": "raw", "with_streaming_response": "stream"}
    for kind, mode in kinds.items():
        stable = [
            getattr(client.messages, kind).batches,
            getattr(client, kind).messages.batches,
        ]
        beta = [
            getattr(client.beta, kind).messages.batches,
            getattr(client.beta.messages, kind).batches,
            getattr(client, kind).beta.messages.batches,
        ]
        for view, model in [(v, MessageBatch) for v in stable] + [
            (v, BetaMessageBatch) for v in beta
        ]:
            assert view._resource._mode == mode
            if kind == "with_raw_response":
                batch = (await kit.call(view.retrieve, "msgbatch_1")).parse()
            elif kit.is_async:
                async with view.retrieve("msgbatch_1") as response:
                    batch = await response.parse()
            else:
                with view.retrieve("msgbatch_1") as response:
                    batch = response.parse()
            assert type(batch) is model
            sent = rec.requests[-1]
            assert ("anthropic-beta" in sent.headers) is (model is BetaMessageBatch)
    assert rec.count == 10
