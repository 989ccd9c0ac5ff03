"""``with_raw_response`` and ``with_streaming_response`` have the official SDK's (0.66) shapes.

Raw: a ``LegacyAPIResponse`` with the body read, so ``.text``/``.content`` are properties
and ``parse()`` is a plain call, on the async client too. Streaming: ``APIResponse`` /
``AsyncAPIResponse`` with ``is_closed``, ``http_version``, ``elapsed``, ``parse(to=...)``
and the ``iter_*`` readers. ``results`` (ours only) has the same shapes.
"""

from __future__ import annotations

import datetime
import inspect
import json
from typing import Any, Dict, List

import httpx
import pytest
from batches_kit import BATCH_ID, Api
from test_batches_raw import route_all

import anthropic
from anthropic._legacy_response import LegacyAPIResponse
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from support import api_json, fixture_response

pytestmark = pytest.mark.anyio


async def maybe(value: Any) -> Any:
    """``value``, awaited if the async client returned an awaitable."""
    return await value if inspect.isawaitable(value) else value


async def test_raw_response_is_read_and_parse_is_a_plain_call(api: Api) -> None:
    route_all(api.router)
    response = await api.raw("retrieve", BATCH_ID)
    assert isinstance(response, LegacyAPIResponse)
    body = fixture_response("batch.ended.json").content
    assert response.content == body and isinstance(response.content, bytes)
    assert response.text == body.decode() and isinstance(response.text, str)
    assert response.is_closed
    assert response.http_version == "HTTP/1.1"
    assert isinstance(response.elapsed, datetime.timedelta)
    assert response.url.path.endswith(BATCH_ID)
    assert (response.method, response.status_code, response.retries_taken) == ("GET", 200, 0)
    assert response.request_id == "req_retrieve"
    assert response.http_request.method == "GET"
    parsed = response.parse()  # not awaited, also on the async client
    assert not inspect.isawaitable(parsed)
    assert isinstance(parsed, MessageBatch)


async def test_raw_parse_to(api: Api) -> None:
    route_all(api.router)
    response = await api.raw("retrieve", BATCH_ID)
    expected = api_json("batch.ended.json")
    assert response.parse(to=dict) == expected
    assert response.parse(to=Dict[str, Any]) == expected
    assert response.parse(to=object) == expected
    assert response.parse(to=str) == response.text
    assert response.parse(to=bytes) == response.content
    assert response.parse(to=httpx.Response) is response.http_response
    as_model = response.parse(to=MessageBatch)
    assert isinstance(as_model, MessageBatch) and as_model.id == BATCH_ID
    assert response.parse(to=dict) is response.parse(to=dict)  # computed once per type


async def test_raw_results_has_the_same_shape(api: Api) -> None:
    route_all(api.router)
    response = await api.raw("results", BATCH_ID)
    assert isinstance(response, LegacyAPIResponse)
    assert response.is_closed
    assert response.content == fixture_response("batch.results.jsonl").content
    lines = response.text.splitlines()
    decoder = response.parse()  # a plain call: the decoder over the read body
    entries: List[Any] = await api.drain(decoder)
    assert len(entries) == len(lines)
    assert all(isinstance(e, MessageBatchIndividualResponse) for e in entries)


async def test_streaming_response_shape(api: Api) -> None:
    route_all(api.router)
    async with api.streaming("retrieve", BATCH_ID) as response:
        expected_cls = anthropic.AsyncAPIResponse if api.is_async else anthropic.APIResponse
        assert isinstance(response, expected_cls)
        assert not response.is_closed  # not read up front
        assert response.http_version == "HTTP/1.1"
        parsed = await maybe(response.parse(to=dict))
        assert parsed == api_json("batch.ended.json")
        assert response.is_closed
        assert isinstance(response.elapsed, datetime.timedelta)
        assert isinstance(await maybe(response.parse()), MessageBatch)
    assert response.is_closed


@pytest.mark.parametrize("reader", ["iter_bytes", "iter_text", "iter_lines"])
async def test_streaming_response_readers(api: Api, reader: str) -> None:
    route_all(api.router)
    raw = fixture_response("batch.results.jsonl").content
    async with api.streaming("results", BATCH_ID) as response:
        iterator = getattr(response, reader)()
        chunks: List[Any] = await api.drain(iterator)
    if reader == "iter_bytes":
        assert b"".join(chunks) == raw
    elif reader == "iter_text":
        assert "".join(chunks) == raw.decode()
    else:
        assert chunks == raw.decode().splitlines()


async def test_streaming_results_parse_to_json_lines_text(api: Api) -> None:
    route_all(api.router)
    async with api.streaming("results", BATCH_ID) as response:
        text = await maybe(response.parse(to=str))
    first = json.loads(text.splitlines()[0])
    assert first["custom_id"]
