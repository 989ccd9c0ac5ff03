"""The senders follow redirects themselves; credentials never leave the base URL's origin."""

from __future__ import annotations

import httpx
import pytest
from client_kit import Kit, Model, Recorder

from anthropic import APIConnectionError
from support import TEST_KEY


def redirect(status: int, location: str) -> httpx.Response:
    return httpx.Response(status, headers={"location": location})


@pytest.mark.anyio
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_same_origin_redirect_keeps_credentials(kit: Kit, status: int) -> None:
    rec = Recorder(redirect(status, "/v1/moved"), httpx.Response(200, json={"ok": 1}))
    client = kit.client(rec, auth_token="tok")
    result = await kit.call(client.get, "/v1/x", cast_to=Model)
    assert result.to_dict() == {"ok": 1}
    assert rec.urls == ["https://api.anthropic.com/v1/x", "https://api.anthropic.com/v1/moved"]
    assert rec.headers[1]["x-api-key"] == TEST_KEY
    assert rec.headers[1]["authorization"] == "Bearer tok"


@pytest.mark.anyio
@pytest.mark.parametrize("status", [302, 307])
@pytest.mark.parametrize(
    "location",
    [
        "https://elsewhere.example/v1/x",
        "http://api.anthropic.com/v1/x",
        "https://api.anthropic.com:444/",
    ],
)
async def test_cross_origin_redirect_drops_credentials(
    kit: Kit, status: int, location: str
) -> None:
    rec = Recorder(redirect(status, location), httpx.Response(200, json={}))
    client = kit.client(rec, auth_token="tok", default_headers={"x-keep": "yes"})
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.urls[1] == location
    moved = rec.headers[1]
    assert "x-api-key" not in moved
    assert "authorization" not in moved
    assert moved["x-keep"] == "yes"
    assert TEST_KEY not in str(moved)


@pytest.mark.anyio
async def test_credentials_are_not_restored_when_redirected_back(kit: Kit) -> None:
    rec = Recorder(
        redirect(302, "https://elsewhere.example/a"),
        redirect(302, "https://api.anthropic.com/b"),
        httpx.Response(200, json={}),
    )
    client = kit.client(rec)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert [("x-api-key" in h) for h in rec.headers] == [True, False, False]


@pytest.mark.anyio
async def test_prefix_base_url_origin_is_host_not_path(kit: Kit) -> None:
    rec = Recorder(redirect(307, "http://host/other/v1/x"), httpx.Response(200, json={}))
    client = kit.client(rec, base_url="http://host/proxy")
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.headers[1]["x-api-key"] == TEST_KEY  # same origin, other path


@pytest.mark.anyio
@pytest.mark.parametrize(("status", "method"), [(303, "GET"), (302, "GET"), (307, "POST")])
async def test_post_redirect_methods(kit: Kit, status: int, method: str) -> None:
    rec = Recorder(redirect(status, "/v1/y"), httpx.Response(200, json={}))
    client = kit.client(rec)
    await kit.call(client.post, "/v1/x", cast_to=Model, body={"a": 1})
    assert rec.requests[1].method == method
    assert rec.requests[1].content == (b'{"a":1}' if method == "POST" else b"")


@pytest.mark.anyio
async def test_user_http_client_follow_redirects_is_not_used(kit: Kit) -> None:
    rec = Recorder(redirect(307, "https://elsewhere.example/x"), httpx.Response(200, json={}))
    http = kit.http_client(rec, follow_redirects=True)
    client = kit.client(http_client=http)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert "x-api-key" not in rec.headers[1]


@pytest.mark.anyio
async def test_redirect_loop_is_an_error(kit: Kit) -> None:
    rec = Recorder(redirect(302, "/loop"))
    client = kit.client(rec)
    with pytest.raises(APIConnectionError, match="Exceeded 20 redirects"):
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.count == 21  # the first request and 20 redirects; not retried
    assert kit.delays == []


@pytest.mark.anyio
async def test_retry_after_a_redirect_starts_from_the_base_url(kit: Kit) -> None:
    rec = Recorder(redirect(307, "/v1/y"), httpx.Response(503), httpx.Response(200, json={}))
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert [u.split(".com")[1] for u in rec.urls] == ["/v1/x", "/v1/y", "/v1/x"]
    assert [h["x-stainless-retry-count"] for h in rec.headers] == ["0", "0", "1"]
