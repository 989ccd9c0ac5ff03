"""A path never changes where a request goes (issue 11, item 1).

Every request URL is the base URL with only its path set (``paths.UrlJoiner``): a
``results_url`` or a low-level ``client.get/post/delete`` path never contributes a
scheme, userinfo, host or port, and never leaves the ``base_url`` path prefix. Before
the fix, ``base_url + path`` was glued as a string: ``".evil.example/x"`` became the host
``api.example.evil.example`` and ``"@evil.example/x"`` made ``api.example`` userinfo.
"""

from __future__ import annotations

import json
from typing import Any, List

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_kit import Rig

from anthropic._models import BaseModel
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, api_bytes, api_json

HOST = "api.example"
BASES = ("https://api.example", "https://api.example/proxy")

# results_url values that must stay on our host, under the prefix: (value, path sent)
STAYS = [
    (".evil.example/x", "/.evil.example/x"),
    ("@evil.example/x", "/@evil.example/x"),
    ("/@evil.example/x", "/@evil.example/x"),
    (":8443/x", "/:8443/x"),
    ("//evil.example/v1/r", "/v1/r"),  # a //host reference: only its path is used
    ("https://evil.example/v1/r", "/v1/r"),  # another origin: only its path is used
    ("https://user:pw@evil.example/v1/r", "/v1/r"),
    ("/v1/a/../b/./c", "/v1/b/c"),
]
# results_url values refused before any request: they escape the prefix or are ambiguous
REFUSED = [
    "/v1/../../admin",
    "../admin",
    "/v1/%2e%2e/%2E%2E/admin",
    "/v1/.%2e/%2E./admin",
    "\\evil.example/x",
    "/v1\\..\\..\\admin",
    "/v1/x#frag",
    "/v1/a\r\nHost: evil.example",
]


class Network:
    """Answers every request with a batch or results; records what it saw."""

    def __init__(self, results_url: str = "") -> None:
        self.results_url = results_url
        self.seen: List[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.seen.append(request)
        if request.headers.get("accept") == "application/binary":
            return httpx.Response(200, content=api_bytes("batch.results.jsonl"))
        data = api_json("batch.ended.json")
        if self.results_url:
            data["results_url"] = self.results_url
        return httpx.Response(200, content=json.dumps(data).encode())


def client_on(rig: Rig, base: str, network: Network) -> Any:
    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    return rig.client(base_url=base, http_client=cls(transport=httpx.MockTransport(network)))


def ended(results_url: str) -> MessageBatch:
    data = api_json("batch.ended.json")
    data["results_url"] = results_url
    return MessageBatch.model_validate(data)


def prefix_of(base: str) -> str:
    return httpx.URL(base).path.rstrip("/")


# -- results_url -------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize(("results_url", "path"), STAYS)
async def test_results_url_stays_on_the_base_url(
    rig: Rig, base: str, results_url: str, path: str
) -> None:
    network = Network()
    client = client_on(rig, base, network)
    lines = await rig.results(client, ended(results_url))
    assert len(lines) == len(api_bytes("batch.results.jsonl").splitlines())
    (request,) = network.seen
    assert (request.url.scheme, request.url.host, request.url.port) == ("https", HOST, None)
    assert request.url.userinfo == b""
    assert request.url.path == prefix_of(base) + path
    assert request.headers["x-api-key"] == TEST_KEY


@pytest.mark.anyio
@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("results_url", REFUSED)
async def test_results_url_leaving_the_prefix_is_refused_before_any_io(
    rig: Rig, base: str, results_url: str
) -> None:
    network = Network()
    client = client_on(rig, base, network)
    with pytest.raises(ValueError, match="cannot request path") as info:
        await rig.results(client, ended(results_url))
    assert not isinstance(info.value, UnicodeError)
    assert network.seen == []


@pytest.mark.anyio
async def test_results_by_id_with_a_hostile_relative_results_url(rig: Rig) -> None:
    # results(id): the retrieve's results_url is relative and looks like a host
    network = Network(results_url=".evil.example/x")
    client = client_on(rig, "https://api.example/proxy", network)
    await rig.results(client, "msgbatch_x")
    assert [str(r.url) for r in network.seen] == [
        "https://api.example/proxy/v1/messages/batches/msgbatch_x",
        "https://api.example/proxy/.evil.example/x",
    ]


@pytest.mark.anyio
async def test_results_url_with_the_prefix_is_not_doubled(rig: Rig) -> None:
    network = Network()
    client = client_on(rig, "https://api.example/proxy", network)
    await rig.results(client, ended("https://cdn.example/proxy/v1/r?sig=a%2Fb"))
    (request,) = network.seen
    assert str(request.url) == "https://api.example/proxy/v1/r?sig=a%2Fb"


# -- low-level client.get / post / delete ------------------------------------------------


class Any_(BaseModel):
    """Whatever the server answered."""


async def low_level(rig: Rig, client: Any, verb: str, path: str) -> Any:
    return await rig.call(getattr(client, verb), path, cast_to=Any_)


VERBS = ("get", "post", "delete")


@pytest.mark.anyio
@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize(
    ("path", "sent"),
    [
        (".evil.example/x", "/.evil.example/x"),
        ("@evil.example/x", "/@evil.example/x"),
        ("v1/messages/batches?limit=2", "/v1/messages/batches"),
        ("/v1/./messages/x/../batches", "/v1/messages/batches"),
    ],
)
async def test_low_level_relative_paths_stay_under_the_base_url(
    rig: Rig, verb: str, base: str, path: str, sent: str
) -> None:
    network = Network()
    client = client_on(rig, base, network)
    await low_level(rig, client, verb, path)
    (request,) = network.seen
    assert (request.url.host, request.url.userinfo) == (HOST, b"")
    assert request.url.path == prefix_of(base) + sent


@pytest.mark.anyio
@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize(
    "path",
    [
        "/v1/../../admin",
        "/v1/%2e%2e/%2e%2e/admin",
        "/..",
        "//evil.example/x",
        "\\\\evil.example\\x",
        "https://evil.example/v1/messages/batches",
        "http://api.example/v1/messages/batches",  # same host, another scheme
        "https://api.example:8443/v1/messages/batches",  # same host, another port
        "https://user@api.example/proxy/v1/x",
        "https://api.example/admin",  # our origin, outside /proxy (refused for that base)
    ],
)
async def test_low_level_paths_that_would_leave_are_refused(
    rig: Rig, verb: str, base: str, path: str
) -> None:
    network = Network()
    client = client_on(rig, base, network)
    if path == "https://api.example/admin" and base == "https://api.example":
        await low_level(rig, client, verb, path)  # inside the (empty) prefix: allowed
        assert [str(r.url) for r in network.seen] == ["https://api.example/admin"]
        return
    with pytest.raises(ValueError, match="cannot request path"):
        await low_level(rig, client, verb, path)
    assert network.seen == []


@pytest.mark.anyio
@pytest.mark.parametrize("verb", VERBS)
async def test_low_level_absolute_url_on_our_origin_is_used_as_is(rig: Rig, verb: str) -> None:
    network = Network()
    client = client_on(rig, "https://api.example/proxy", network)
    await low_level(rig, client, verb, "https://api.example/proxy/v1/messages/batches?limit=3")
    (request,) = network.seen
    assert str(request.url) == "https://api.example/proxy/v1/messages/batches?limit=3"
    assert request.headers["x-api-key"] == TEST_KEY


# -- the pure rule -------------------------------------------------------------------------


@pytest.mark.parametrize("base", BASES)
def test_joiner_keeps_encoded_ids_as_one_segment(base: str) -> None:
    from anthropic._core.paths import UrlJoiner

    url = UrlJoiner(base).join("/v1/messages/batches/a%2F..%2Fb/results")
    assert url.raw_path == (prefix_of(base) + "/v1/messages/batches/a%2F..%2Fb/results").encode()


def test_joiner_error_names_the_path_and_the_rule() -> None:
    from anthropic._core.paths import UrlJoiner

    with pytest.raises(ValueError) as info:
        UrlJoiner("https://api.example/proxy").join("/v1/../../admin")
    assert "'/v1/../../admin'" in str(info.value) and "base_url" in str(info.value)
    with pytest.raises(ValueError, match="another origin"):
        UrlJoiner("https://api.example").join("https://api.example.evil.example/x")


@settings(max_examples=400, deadline=None)
@given(
    path=st.one_of(
        st.text(),
        st.text(alphabet="./%2eE@:\\?#-ab", max_size=30),
        st.lists(st.sampled_from(["", ".", "..", "%2e", "%2E%2e", "x", "@h", "h:1"])).map("/".join),
    ),
    base=st.sampled_from(BASES),
)
def test_joiner_never_changes_the_origin_or_leaves_the_prefix(path: str, base: str) -> None:
    from anthropic._core.paths import UrlJoiner

    try:
        url = UrlJoiner(base).join(path)
    except ValueError:
        return
    assert (url.scheme, url.host, url.port, url.userinfo) == ("https", HOST, None, b"")
    prefix = prefix_of(base)
    assert url.path == prefix + "/" or url.path.startswith(prefix + "/")
    raw = url.raw_path.decode("ascii").partition("?")[0]
    assert all(seg.lower().replace("%2e", ".") not in (".", "..") for seg in raw.split("/"))
    assert url.fragment == ""


@given(
    segments=st.lists(
        st.text(alphabet="abcXYZ019_-~", min_size=1, max_size=8), min_size=1, max_size=5
    ),
    base=st.sampled_from(["https://api.example", "https://api.example/proxy", "http://h:8080/"]),
)
def test_the_plain_path_shortcut_equals_the_general_join(segments: list[str], base: str) -> None:
    from anthropic._core.paths import UrlJoiner

    joiner = UrlJoiner(base)
    path = "/" + "/".join(segments)
    general = joiner._finish(path, joiner.prefix + "/" + "/".join(segments), None)
    assert joiner.join(path) == general
