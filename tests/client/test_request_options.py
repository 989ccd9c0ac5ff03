"""Query and body options through the clients: defaults, per-call extras and ``Omit()``."""

from __future__ import annotations

import json

import pytest
from client_kit import Kit, Model, Recorder

from anthropic import Omit


@pytest.mark.anyio
async def test_query_layers(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, default_query={"d": "1", "shared": "default", "drop": "x"})
    await kit.call(
        client.get,
        "/v1/x",
        cast_to=Model,
        query={"shared": "query", "q": "2"},
        extra_query={"q": "extra", "drop": Omit(), "e": 3},
    )
    assert rec.urls == ["https://api.anthropic.com/v1/x?d=1&shared=query&q=extra&e=3"]


@pytest.mark.anyio
async def test_default_query_on_resource_calls(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, default_query={"beta": "true"})
    await kit.call(client.messages.batches.retrieve, "msgbatch_1", extra_query={"x": "y"})
    assert rec.urls == ["https://api.anthropic.com/v1/messages/batches/msgbatch_1?beta=true&x=y"]


@pytest.mark.anyio
async def test_default_query_omitted_per_call(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, default_query={"beta": "true"})
    await kit.call(client.get, "/v1/x", cast_to=Model, extra_query={"beta": Omit()})
    assert rec.urls == ["https://api.anthropic.com/v1/x"]


@pytest.mark.anyio
async def test_extra_body(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(
        client.post,
        "/v1/x",
        cast_to=Model,
        body={"a": 1, "b": 2, "n": None},
        extra_body={"b": Omit(), "c": {"deep": True}, "z": None},
    )
    assert json.loads(rec.requests[-1].content) == {
        "a": 1,
        "n": None,
        "c": {"deep": True},
        "z": None,
    }
    assert rec.last["content-type"] == "application/json"


@pytest.mark.anyio
async def test_extra_body_on_a_resource_call_without_body(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.messages.batches.cancel, "msgbatch_1", extra_body={"reason": "x"})
    assert rec.requests[-1].method == "POST"
    assert json.loads(rec.requests[-1].content) == {"reason": "x"}
    assert rec.last["content-type"] == "application/json"


@pytest.mark.anyio
async def test_post_without_body_sends_no_content(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.post, "/v1/x", cast_to=Model)
    assert rec.requests[-1].content == b""
    assert "content-type" not in rec.last


@pytest.mark.anyio
async def test_body_is_compact_utf8_json(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.post, "/v1/x", cast_to=Model, body={"text": "héllo", "n": [1, 2.5]})
    assert rec.requests[-1].content == '{"text":"héllo","n":[1,2.5]}'.encode()
