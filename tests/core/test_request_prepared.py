"""Requests built from prepared headers (Host and the body's length added once per header
set, not re-normalised per request) are exactly what ``httpx.Request`` builds itself:
same method, URL, header bytes in the same order and casing, body, stream type and
extensions."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import httpx
import pytest

from anthropic import Anthropic
from anthropic._core.request import RequestSpec
from support import TEST_KEY

HTTPX_ADDS = (b"Host", b"Content-Length")  # as httpx spells them; ours are lower-case


def reference(request: httpx.Request) -> httpx.Request:
    """What httpx builds from the same request minus the headers it adds itself."""
    ours = [(k, v) for k, v in request.headers.raw if k not in HTTPX_ADDS]
    return httpx.Request(
        request.method,
        request.url,
        headers=ours,
        content=request.content or None,
        extensions=request.extensions,
    )


def shape(request: httpx.Request) -> Tuple[Any, ...]:
    return (
        request.method,
        str(request.url),
        request.headers.raw,
        request.content,
        type(request.stream),
        request.extensions,
    )


SPECS: Dict[str, RequestSpec] = {
    "get": RequestSpec("GET", "/v1/messages/batches/msgbatch_01"),
    "get with query": RequestSpec("GET", "/v1/messages/batches", query={"limit": 20}),
    "post with body": RequestSpec("POST", "/v1/messages/batches", content=b'{"requests":[]}'),
    "post with json": RequestSpec("POST", "/v1/messages", json={"a": [1, "é"]}),
    "post without body": RequestSpec("POST", "/v1/messages/batches/msgbatch_01/cancel"),
    "post with empty body": RequestSpec("POST", "/v1/messages/batches", content=b""),
    "delete": RequestSpec("DELETE", "/v1/messages/batches/msgbatch_01"),
    "accept": RequestSpec("GET", "/v1/messages/batches/x/results", accept="application/binary"),
    "timeout": RequestSpec("GET", "/v1/models", timeout=12.5),
    "extra headers": RequestSpec("GET", "/v1/models", extra_headers={"X-Trace": "t"}),
    "extra query": RequestSpec("GET", "/v1/models", extra_query={"beta": "true"}),
    "extra body": RequestSpec("POST", "/v1/messages", json={"a": 1}, extra_body={"b": 2}),
}

CLIENTS: Dict[str, Dict[str, Any]] = {
    "plain": {},
    "base path and port": {"base_url": "http://127.0.0.1:8123/proxy/"},
    "default headers": {"default_headers": {"X-Team": "core", "Accept": "text/plain"}},
    "default query": {"default_query": {"tag": "x"}},
    "caller's host header": {"default_headers": {"Host": "gateway.internal"}},
    "caller's content length": {"default_headers": {"Content-Length": "0"}},
}


@pytest.mark.parametrize("client_kw", list(CLIENTS))
@pytest.mark.parametrize("spec_name", list(SPECS))
def test_prepared_requests_are_what_httpx_builds(spec_name: str, client_kw: str) -> None:
    http = httpx.Client(headers={"X-From-Http-Client": "1"})
    with Anthropic(api_key=TEST_KEY, http_client=http, **CLIENTS[client_kw]) as client:
        for _ in range(2):  # the first build fills the caches, the second reads them
            spec = SPECS[spec_name]
            request = client._build(spec)
            assert shape(request) == shape(reference(request))
            if "host" not in client_kw:
                assert request.headers.raw[0][0] == b"Host"


def test_each_prepared_request_owns_its_headers() -> None:
    with Anthropic(api_key=TEST_KEY, http_client=httpx.Client()) as client:
        first = client._build(RequestSpec("GET", "/v1/models"))
        first.headers["x-mutated"] = "1"
        second = client._build(RequestSpec("GET", "/v1/models"))
        assert "x-mutated" not in second.headers


def test_the_host_header_is_the_base_urls() -> None:
    seen: List[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"data": [], "has_more": False})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    base: Optional[str] = "https://API.example.com:443/v2"
    with Anthropic(api_key=TEST_KEY, base_url=base, http_client=http) as client:
        client.models.list()
    assert seen[0].headers["host"] == "api.example.com"
    assert str(seen[0].url).startswith("https://api.example.com/v2/v1/models")
