"""``messages.count_tokens`` and ``models.list`` / ``models.retrieve``."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from messages_kit import PARAMS, Msgs, Server, json_reply

from anthropic.types import MessageTokensCount, ModelInfo
from support import api_bytes, api_json

pytestmark = pytest.mark.anyio


async def test_count_tokens_sends_the_request_and_parses_the_count(flavor: str) -> None:
    server = Server(json_reply("messages.count_tokens.json"))
    api = Msgs(flavor, server)
    params = {k: v for k, v in PARAMS.items() if k != "max_tokens"}
    count = await api.call("messages.count_tokens", **params, system="Be brief.")
    assert isinstance(count, MessageTokensCount) and count.input_tokens == 14
    request = server.requests[0]
    assert (request.method, request.url.path) == ("POST", "/v1/messages/count_tokens")
    assert server.sent_json() == {**params, "system": "Be brief."}
    await api.aclose()


async def test_count_tokens_checks_params_before_sending(flavor: str) -> None:
    server = Server(json_reply("messages.count_tokens.json"))
    api = Msgs(flavor, server)
    with pytest.raises(ValueError, match="model"):
        await api.call("messages.count_tokens", model="", messages=[])
    assert server.requests == []
    await api.aclose()


def _models_pages(request: httpx.Request) -> Any:
    page1 = api_json("models.list.page1.json")
    if request.url.params.get("after_id") == page1["last_id"]:
        page2 = {
            "data": [
                {
                    "type": "model",
                    "id": "claude-3-5-haiku-20241022",
                    "display_name": "Claude Haiku 3.5",
                    "created_at": "2024-10-22T00:00:00Z",
                }
            ],
            "has_more": False,
            "first_id": "claude-3-5-haiku-20241022",
            "last_id": "claude-3-5-haiku-20241022",
        }
        return 200, json.dumps(page2).encode(), {}
    return 200, json.dumps(page1).encode(), {}


async def test_models_list_walks_every_page(flavor: str) -> None:
    server = Server(_models_pages)
    api = Msgs(flavor, server)
    models = await api.drain(api.client.models.list(limit=2))
    assert [m.id for m in models] == [
        "claude-opus-4-1-20250805",
        "claude-sonnet-4-20250514",
        "claude-3-5-haiku-20241022",
    ]
    assert all(isinstance(m, ModelInfo) for m in models)
    first, second = server.requests
    assert first.url.path == "/v1/models" and dict(first.url.params) == {"limit": "2"}
    assert dict(second.url.params) == {"limit": "2", "after_id": "claude-sonnet-4-20250514"}
    await api.aclose()


async def test_models_list_first_page(flavor: str) -> None:
    api = Msgs(flavor, Server(_models_pages))
    page = await api.call("models.list")
    assert page.has_more and page.last_id == "claude-sonnet-4-20250514"
    assert [m.display_name for m in page.data] == ["Claude Opus 4.1", "Claude Sonnet 4"]
    await api.aclose()


async def test_models_retrieve_encodes_the_id(flavor: str) -> None:
    server = Server(lambda request: (200, api_bytes("model.json"), {}))
    api = Msgs(flavor, server)
    model = await api.call("models.retrieve", "claude-sonnet-4-20250514")
    assert model.created_at.year == 2025 and model.display_name == "Claude Sonnet 4"
    await api.call("models.retrieve", "a/../b")
    assert server.requests[1].url.raw_path == b"/v1/models/a%2F..%2Fb"
    with pytest.raises(ValueError, match="model_id"):
        await api.call("models.retrieve", "")
    await api.aclose()


@pytest.mark.parametrize("kwargs", [{"limit": 0}, {"after_id": "a", "before_id": "b"}])
async def test_models_list_checks_its_query(flavor: str, kwargs: Any) -> None:
    api = Msgs(flavor, Server(_models_pages))
    with pytest.raises(ValueError):
        await api.call("models.list", **kwargs)
    await api.aclose()


async def test_models_betas_go_out_as_the_anthropic_beta_header(flavor: str) -> None:
    # As the official SDK: one comma-separated header on every page, no query added, an
    # empty list sends an empty header, and extra_headers still win.
    server = Server(_models_pages)
    api = Msgs(flavor, server)
    models = await api.drain(api.client.models.list(limit=2, betas=["b-1", "b-2"]))
    assert len(models) == 3
    for request in server.requests:
        assert request.headers["anthropic-beta"] == "b-1,b-2"
        assert "beta" not in request.url.params
    await api.call("models.list", betas=[])
    assert server.requests[-1].headers["anthropic-beta"] == ""
    await api.call("models.list")
    assert "anthropic-beta" not in server.requests[-1].headers
    await api.aclose()


async def test_models_retrieve_and_the_views_take_betas(flavor: str) -> None:
    server = Server(lambda request: (200, api_bytes("model.json"), {}))
    api = Msgs(flavor, server)
    await api.call("models.retrieve", "claude-sonnet-4-0", betas=["b-1"])
    assert server.requests[-1].headers["anthropic-beta"] == "b-1"
    assert server.requests[-1].url.query == b""
    overridden = {"extra_headers": {"anthropic-beta": "mine"}}
    await api.call("models.retrieve", "m", betas=["b-1"], **overridden)
    assert server.requests[-1].headers["anthropic-beta"] == "mine"
    raw = await api.call("models.with_raw_response.retrieve", "m", betas=["b-2"])
    assert raw.http_request.headers["anthropic-beta"] == "b-2"
    raw = await api.call("models.with_raw_response.list", betas=["b-3"])
    assert server.requests[-1].headers["anthropic-beta"] == "b-3"
    with pytest.raises(TypeError, match="betas must be a list"):
        await api.call("models.retrieve", "m", betas="b-1")
    assert len(server.requests) == 4  # the bad call sent nothing
    await api.aclose()
