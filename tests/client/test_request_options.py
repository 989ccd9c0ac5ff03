"""Query and body options through the clients: defaults, per-call extras and ``Omit()``."""

from __future__ import annotations

import json

import httpx
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


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("method", "keyword"),
    [("get", "body"), ("get", "extra_body"), ("delete", "query"), ("post", "query")],
)
async def test_low_level_calls_refuse_keywords_they_do_not_take(
    kit: Kit, method: str, keyword: str
) -> None:
    # The keyword sets are TypedDicts shared by the sync and async clients; an untyped
    # caller still gets the TypeError a spelt-out signature gave, and nothing is sent.
    rec = Recorder()
    client = kit.client(rec)
    with pytest.raises(TypeError, match=f"{method}.*unexpected keyword argument '{keyword}'"):
        await kit.call(getattr(client, method), "/v1/x", cast_to=Model, **{keyword: {"a": 1}})
    assert rec.requests == []


@pytest.mark.anyio
async def test_low_level_options_max_retries_and_timeout(kit: Kit) -> None:
    rec = Recorder(httpx.Response(500), httpx.Response(500), httpx.Response(200, json={}))
    client = kit.client(rec, max_retries=0)
    await kit.call(client.delete, "x", cast_to=Model, options={"max_retries": 2, "timeout": 7})
    assert [r.url.path for r in rec.requests] == ["/x"] * 3
    assert rec.requests[-1].extensions["timeout"]["read"] == 7
