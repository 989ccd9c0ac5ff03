"""Pure redirect rules: method changes, and credentials only ever go to our origin."""

from __future__ import annotations

from typing import Optional

import httpx
import pytest

from anthropic._core.redirects import redirect_request

ORIGIN = ("https", "api.example", 443)
CREDS = {
    "x-api-key": "k",
    "authorization": "Bearer t",
    "proxy-authorization": "p",
    "cookie": "c",
    "x-other": "kept",
}


def follow(status: int, location: Optional[str], method: str = "POST") -> Optional[httpx.Request]:
    content = b'{"a":1}' if method == "POST" else None
    headers = dict(CREDS)
    if content:
        headers["content-type"] = "application/json"
    request = httpx.Request(method, "https://api.example/v1/x", headers=headers, content=content)
    response = httpx.Response(
        status, headers={"location": location} if location else {}, request=request
    )
    return redirect_request(request, response, ORIGIN)


@pytest.mark.parametrize("status", [200, 300, 304, 404, 500])
def test_not_a_redirect(status: int) -> None:
    assert follow(status, "https://api.example/y") is None


def test_redirect_without_location_is_not_followed() -> None:
    assert follow(307, None) is None


@pytest.mark.parametrize("status", [307, 308])
def test_307_308_keep_method_and_body(status: int) -> None:
    nxt = follow(status, "/v1/y")
    assert nxt is not None
    assert (nxt.method, str(nxt.url), nxt.content) == (
        "POST",
        "https://api.example/v1/y",
        b'{"a":1}',
    )


@pytest.mark.parametrize("status", [301, 302, 303])
def test_post_becomes_get_without_body(status: int) -> None:
    nxt = follow(status, "/v1/y")
    assert nxt is not None
    assert (nxt.method, nxt.content) == ("GET", b"")
    assert "content-type" not in nxt.headers


def test_303_keeps_head() -> None:
    nxt = follow(303, "/y", method="HEAD")
    assert nxt is not None and nxt.method == "HEAD"


def test_same_origin_keeps_credentials() -> None:
    nxt = follow(307, "https://api.example:443/other")
    assert nxt is not None
    for name, value in CREDS.items():
        assert nxt.headers[name] == value


@pytest.mark.parametrize(
    "location",
    [
        "https://evil.example/v1/x",
        "http://api.example/v1/x",  # scheme downgrade
        "https://api.example:8443/v1/x",  # other port
        "//evil.example/v1/x",  # scheme-relative
    ],
)
def test_cross_origin_drops_credentials(location: str) -> None:
    nxt = follow(307, location)
    assert nxt is not None
    for name in ("x-api-key", "authorization", "proxy-authorization", "cookie"):
        assert name not in nxt.headers
    assert nxt.headers["x-other"] == "kept"
    assert nxt.headers["host"] == nxt.url.netloc.decode()


def test_extensions_are_carried() -> None:
    request = httpx.Request("GET", "https://api.example/x", extensions={"timeout": {"read": 1}})
    response = httpx.Response(302, headers={"location": "/y"}, request=request)
    nxt = redirect_request(request, response, ORIGIN)
    assert nxt is not None and nxt.extensions == {"timeout": {"read": 1}}
