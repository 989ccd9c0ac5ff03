"""``copy()``/``with_options()`` overrides and sharing, and the close/lifecycle rules."""

from __future__ import annotations

import httpx
import pytest
from client_kit import Kit, Model, Recorder

from anthropic import Anthropic, AsyncAnthropic, MissingCredentialsError, Omit
from support import TEST_KEY


@pytest.mark.anyio
async def test_copy_keeps_every_option(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(
        rec,
        auth_token="tok",
        base_url="http://host/p",
        timeout=httpx.Timeout(9, connect=2),
        max_retries=4,
        default_headers={"x-a": "1"},
        default_query={"q": "1"},
    )
    copy = client.copy()
    assert copy is not client
    assert type(copy) is type(client)
    assert (copy.api_key, copy.auth_token, copy.base_url, copy.timeout, copy.max_retries) == (
        TEST_KEY,
        "tok",
        httpx.URL("http://host/p/"),
        httpx.Timeout(9, connect=2),
        4,
    )
    assert copy._http is client._http  # shares the pool
    assert copy._sender.sleep is client._sender.sleep
    assert copy._clock is client._clock and copy._rand is client._rand
    await kit.call(copy.get, "/v1/x", cast_to=Model)
    h = rec.last
    assert (h["x-api-key"], h["authorization"], h["x-a"]) == (TEST_KEY, "Bearer tok", "1")
    assert h["x-stainless-read-timeout"] == "9"
    assert rec.urls[-1] == "http://host/p/v1/x?q=1"


@pytest.mark.anyio
async def test_with_options_is_copy(kit: Kit) -> None:
    client = kit.client(Recorder())
    assert type(client).with_options is type(client).copy


@pytest.mark.anyio
async def test_copy_overrides(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    copy = client.with_options(
        api_key="other", base_url="http://other.example/", timeout=3, max_retries=0
    )
    assert (copy.api_key, str(copy.base_url), copy.timeout, copy.max_retries) == (
        "other",
        "http://other.example/",
        3,  # kept as given, as the official SDK
        0,
    )
    await kit.call(copy.get, "/v1/x", cast_to=Model)
    assert rec.last["x-api-key"] == "other"
    assert rec.last["x-stainless-read-timeout"] == "3"
    assert rec.urls[-1] == "http://other.example/v1/x"
    assert (client.api_key, client.max_retries) == (TEST_KEY, 2)


@pytest.mark.anyio
async def test_default_headers_merge_and_set_default_headers_replace(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, default_headers={"x-a": "1", "x-b": "1"})
    merged = client.copy(default_headers={"x-b": "2", "x-c": "2", "x-a": Omit()})
    await kit.call(merged.get, "/v1/x", cast_to=Model)
    assert (rec.last.get("x-a"), rec.last["x-b"], rec.last["x-c"]) == (None, "2", "2")

    replaced = client.copy(set_default_headers={"x-c": "3"})
    await kit.call(replaced.get, "/v1/x", cast_to=Model)
    assert (rec.last.get("x-a"), rec.last.get("x-b"), rec.last["x-c"]) == (None, None, "3")

    with pytest.raises(ValueError, match="not both"):
        client.copy(default_headers={"x": "1"}, set_default_headers={"y": "2"})


@pytest.mark.anyio
async def test_default_query_merge_and_set_default_query_replace(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, default_query={"a": "1", "b": "1"})
    await kit.call(client.copy(default_query={"b": "2", "c": "2"}).get, "/x", cast_to=Model)
    assert rec.urls[-1] == "https://api.anthropic.com/x?a=1&b=2&c=2"
    await kit.call(client.copy(set_default_query={"c": "3"}).get, "/x", cast_to=Model)
    assert rec.urls[-1] == "https://api.anthropic.com/x?c=3"
    with pytest.raises(ValueError, match="not both"):
        client.copy(default_query={"x": "1"}, set_default_query={"y": "2"})


@pytest.mark.anyio
async def test_api_key_none_clears_the_credential_even_with_env(
    kit: Kit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "env-key")
    rec = Recorder()
    client = kit.client(rec, auth_token="tok")
    copy = client.copy(api_key=None)
    assert copy.api_key is None
    await kit.call(copy.get, "/v1/x", cast_to=Model)
    assert "x-api-key" not in rec.last
    assert rec.last["authorization"] == "Bearer tok"
    # ... and stays cleared in a copy of the copy
    again = copy.copy(max_retries=0)
    assert (again.api_key, again.auth_token) == (None, "tok")
    await kit.call(again.get, "/v1/x", cast_to=Model)
    assert "x-api-key" not in rec.last


@pytest.mark.anyio
async def test_auth_token_none_clears_it(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "env-tok")
    rec = Recorder()
    client = kit.client(rec)
    assert client.auth_token == "env-tok"
    copy = client.copy(auth_token=None)
    assert copy.auth_token is None
    assert copy.copy().auth_token is None
    await kit.call(copy.get, "/v1/x", cast_to=Model)
    assert "authorization" not in rec.last


@pytest.mark.anyio
async def test_clearing_every_credential_raises_on_request(kit: Kit) -> None:
    rec = Recorder()
    copy = kit.client(rec).copy(api_key=None)
    with pytest.raises(MissingCredentialsError):
        await kit.call(copy.get, "/v1/x", cast_to=Model)
    assert rec.count == 0


@pytest.mark.anyio
async def test_closing_a_copy_leaves_the_shared_pool_open(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    copy = client.copy(max_retries=0)
    await kit.close(copy)
    assert not copy.is_closed()
    assert not client.is_closed()
    await kit.call(client.get, "/v1/x", cast_to=Model)
    await kit.close(client)
    assert client.is_closed()
    assert copy.is_closed()


@pytest.mark.anyio
async def test_copy_with_its_own_http_client(kit: Kit) -> None:
    rec_a, rec_b = Recorder(), Recorder()
    client = kit.client(rec_a)
    other_http = kit.http_client(rec_b)
    copy = client.copy(http_client=other_http)
    await kit.call(copy.get, "/v1/x", cast_to=Model)
    assert (rec_a.count, rec_b.count) == (0, 1)
    await kit.close(copy)
    assert not other_http.is_closed  # not the copy's to close


def test_sync_lifecycle() -> None:
    http = httpx.Client(transport=httpx.MockTransport(Recorder()))
    with Anthropic(api_key="k", http_client=http) as client:
        assert client.is_closed() is False
    assert client.is_closed() is True
    assert http.is_closed
    client = Anthropic(api_key="k")
    client.close()
    client.close()  # idempotent
    assert client.is_closed()


@pytest.mark.anyio
async def test_async_lifecycle(anyio_backend: str) -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(Recorder()))
    async with AsyncAnthropic(api_key="k", http_client=http) as client:
        assert client.is_closed() is False
    assert client.is_closed() is True
    assert http.is_closed
    client = AsyncAnthropic(api_key="k")
    await client.close()
    assert client.is_closed()


def test_no_finalizers() -> None:
    assert "__del__" not in vars(Anthropic)
    assert "__del__" not in vars(AsyncAnthropic)
    for cls in Anthropic.__mro__ + AsyncAnthropic.__mro__:
        if cls.__module__.startswith("anthropic"):
            assert "__del__" not in vars(cls)
