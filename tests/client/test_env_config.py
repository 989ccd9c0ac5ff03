"""Constructor arguments, environment variables and base_url joins, through real requests."""

from __future__ import annotations

import httpx
import pytest
from client_kit import Kit, Model, Recorder

from anthropic import Anthropic, AsyncAnthropic


@pytest.mark.anyio
async def test_api_key_from_environment(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    rec = Recorder()
    client = kit.client(rec, api_key=None)
    assert client.api_key == "env-key"
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.last["x-api-key"] == "env-key"
    assert "authorization" not in rec.last


@pytest.mark.anyio
async def test_auth_token_from_environment(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "env-token")
    rec = Recorder()
    client = kit.client(rec, api_key=None)
    assert client.auth_token == "env-token"
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.last["authorization"] == "Bearer env-token"
    assert "x-api-key" not in rec.last


@pytest.mark.anyio
async def test_arguments_beat_environment(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://env.example")
    rec = Recorder()
    client = kit.client(rec, api_key="arg-key", base_url="http://arg.example")
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.last["x-api-key"] == "arg-key"
    assert rec.urls == ["http://arg.example/v1/x"]


@pytest.mark.anyio
async def test_base_url_from_environment(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_BASE_URL", "http://localhost:4010/")
    rec = Recorder()
    client = kit.client(rec)
    assert client.base_url == httpx.URL("http://localhost:4010/")
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert rec.urls == ["http://localhost:4010/v1/messages/batches/msgbatch_1"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("base_url", "path", "url"),
    [
        (None, "/v1/x", "https://api.anthropic.com/v1/x"),
        ("http://host/proxy/", "/v1/x", "http://host/proxy/v1/x"),
        ("http://host/proxy", "/v1/x", "http://host/proxy/v1/x"),
        ("http://host/proxy/", "v1/x", "http://host/proxy/v1/x"),
        ("http://host:8080/a/b/", "/v1/x", "http://host:8080/a/b/v1/x"),
        ("https://api.anthropic.com/", "/v1/x", "https://api.anthropic.com/v1/x"),
    ],
)
async def test_base_url_joins(kit: Kit, base_url: str, path: str, url: str) -> None:
    rec = Recorder()
    client = kit.client(rec, base_url=base_url)
    await kit.call(client.get, path, cast_to=Model, query={"q": "1"})
    assert rec.urls == [url + "?q=1"]


@pytest.mark.anyio
async def test_base_url_prefix_is_kept_for_resource_calls(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, base_url="http://host/proxy/")
    assert str(client.base_url) == "http://host/proxy/"
    await kit.call(client.messages.batches.cancel, "msgbatch_1")
    assert rec.urls == ["http://host/proxy/v1/messages/batches/msgbatch_1/cancel"]


@pytest.mark.parametrize("cls", [Anthropic, AsyncAnthropic])
def test_bad_base_url_is_rejected_at_construction(cls: type) -> None:
    with pytest.raises(ValueError, match="base_url"):
        cls(api_key="k", base_url="api.anthropic.com")


@pytest.mark.parametrize("cls", [Anthropic, AsyncAnthropic])
def test_max_retries_none_is_a_type_error(cls: type) -> None:
    with pytest.raises(TypeError, match="max_retries=0"):
        cls(api_key="k", max_retries=None)


@pytest.mark.parametrize("cls", [Anthropic, AsyncAnthropic])
def test_arguments_are_keyword_only(cls: type) -> None:
    with pytest.raises(TypeError):
        cls("k")


def test_http_client_of_the_wrong_kind_names_what_was_expected() -> None:
    sync_http = httpx.Client()
    with pytest.raises(TypeError) as info:
        AsyncAnthropic(api_key="k", http_client=sync_http)  # type: ignore[arg-type]
    assert "httpx.AsyncClient" in str(info.value)
    assert "DefaultAsyncHttpxClient" in str(info.value)
    assert "got Client" in str(info.value)
    sync_http.close()

    with pytest.raises(TypeError) as info:
        Anthropic(api_key="k", http_client=object())  # type: ignore[arg-type]
    assert "httpx.Client" in str(info.value)
    assert "DefaultHttpxClient" in str(info.value)
    assert "got object" in str(info.value)


@pytest.mark.anyio
async def test_options_are_readable(kit: Kit) -> None:
    client = kit.client(Recorder(), max_retries=5, timeout=12.5)
    assert client.max_retries == 5
    assert client.timeout == 12.5  # as given, like the official SDK
    assert client.base_url == httpx.URL("https://api.anthropic.com")  # printed as there
