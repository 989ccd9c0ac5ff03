"""Credentials go only to the configured base URL's origin, for every method.

A "network" of two origins: the API (``https://api.example``) and a stranger
(``https://evil.example``, or the same host on another port or scheme). Whatever the
API answers -- a redirect of any kind to the stranger, a ``results_url`` on the
stranger's host -- the stranger never receives ``x-api-key``, ``Authorization``,
``Proxy-Authorization`` or a cookie, and the API receives them on every request.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Tuple

import httpx
import pytest
from reliability_kit import METHODS, Rig, make_requests

from anthropic.types.messages import MessageBatch
from support import TEST_KEY, api_bytes, api_json

BASE = "https://api.example"
TOKEN = "tok-SECRET-bearer-0123456789"
CREDENTIAL_HEADERS = ("x-api-key", "authorization", "proxy-authorization", "cookie")
STRANGERS = ("https://evil.example", "https://api.example:8443", "http://api.example")


def body_for(method: str, path: str, *, from_create: bool = False) -> Tuple[bytes, str]:
    if path.endswith("/results"):
        return api_bytes("batch.results.jsonl"), "application/x-jsonl"
    if method == "DELETE":
        return api_bytes("batch.deleted.json"), "application/json"
    if path == "/v1/messages/batches" and method == "GET" and not from_create:
        return api_bytes("batch.list.page2.json"), "application/json"
    return api_bytes("batch.ended.json"), "application/json"


class Network:
    """Records every request by origin; the API redirects its first answer to ``to``."""

    def __init__(self, stranger: str, status: int) -> None:
        self.stranger = httpx.URL(stranger)
        self.status = status
        self.seen: List[Tuple[str, httpx.Request]] = []

    def origin(self, url: httpx.URL) -> str:
        return f"{url.scheme}://{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        origin = self.origin(request.url)
        self.seen.append((origin, request))
        if origin == self.origin(httpx.URL(BASE)) and self.status:
            target = self.stranger.copy_with(path=request.url.path, query=request.url.query or None)
            return httpx.Response(self.status, headers={"location": str(target)})
        # A create redirected with 301/302/303 arrives as a GET of the create path: answer
        # it with a batch, as the original POST would have been answered.
        from_create = len(self.seen) > 1 and self.seen[0][1].method == "POST"
        body, ctype = body_for(request.method, request.url.path, from_create=from_create)
        return httpx.Response(200, content=body, headers={"content-type": ctype})

    def leaks(self) -> List[str]:
        base = self.origin(httpx.URL(BASE))
        return [
            f"{request.method} {request.url} carried {name}"
            for origin, request in self.seen
            if origin != base
            for name in CREDENTIAL_HEADERS
            if name in request.headers
        ]


def ended_batch(results_url: str) -> MessageBatch:
    data: Dict[str, Any] = api_json("batch.ended.json")
    data["results_url"] = results_url
    return MessageBatch.model_validate(data)


def make_client(rig: Rig, network: Callable[[httpx.Request], httpx.Response]) -> Any:
    http_cls = httpx.AsyncClient if rig.is_async else httpx.Client
    http = http_cls(
        transport=httpx.MockTransport(network),
        headers={"cookie": "session=SECRET"},
        follow_redirects=True,  # the SDK must not let httpx follow them anyway
    )
    return rig.client(
        base_url=BASE,
        auth_token=TOKEN,
        http_client=http,
        default_headers={"proxy-authorization": "Basic SECRET"},
    )


@pytest.mark.anyio
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("stranger", STRANGERS)
async def test_redirect_to_another_origin_never_carries_credentials(
    rig: Rig, method: str, status: int, stranger: str
) -> None:
    network = Network(stranger, status)
    client = make_client(rig, network)
    batch = ended_batch(f"{BASE}/v1/messages/batches/msgbatch_x/results")
    if method == "create":
        await rig.call(client.messages.batches.create, requests=make_requests(1))
    else:
        await rig.invoke(client, method, batch)
    origins = [origin for origin, _ in network.seen]
    assert len(origins) == 2  # one hop to the API, one to the stranger
    assert network.leaks() == []
    first = network.seen[0][1]
    assert first.headers["x-api-key"] == TEST_KEY
    assert first.headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.anyio
@pytest.mark.parametrize("stranger", STRANGERS)
async def test_results_url_on_another_origin_is_fetched_from_the_base_url(
    rig: Rig, stranger: str
) -> None:
    network = Network(stranger, 0)
    client = make_client(rig, network)
    batch = ended_batch(f"{stranger}/v1/messages/batches/msgbatch_x/results?sig=1")
    lines = await rig.results(client, batch)
    assert len(lines) == len(api_bytes("batch.results.jsonl").splitlines())
    assert [origin for origin, _ in network.seen] == ["https://api.example:443"]
    request = network.seen[0][1]
    assert request.url.path == "/v1/messages/batches/msgbatch_x/results"
    assert request.headers["x-api-key"] == TEST_KEY


@pytest.mark.anyio
async def test_results_by_id_with_a_foreign_results_url_and_a_redirect(rig: Rig) -> None:
    """results(id): the retrieve names a foreign results_url, and the API then redirects
    the results request to that host: only the retrieve and the first results hop, both
    on the base origin, carry credentials."""
    seen: List[httpx.Request] = []

    def network(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.example" and request.url.path.endswith("/results"):
            return httpx.Response(302, headers={"location": "https://cdn.evil.example/r"})
        if request.url.host == "api.example":
            data = api_json("batch.ended.json")
            data["results_url"] = "https://cdn.evil.example/v1/messages/batches/x/results"
            return httpx.Response(200, content=json.dumps(data).encode())
        return httpx.Response(200, content=api_bytes("batch.results.jsonl"))

    client = make_client(rig, network)
    await rig.results(client, "msgbatch_x")
    assert [r.url.host for r in seen] == ["api.example", "api.example", "cdn.evil.example"]
    assert [name for name in CREDENTIAL_HEADERS if name in seen[2].headers] == []
    assert all(r.headers["x-api-key"] == TEST_KEY for r in seen[:2])
