"""The client object behaves as the official SDK's (0.66) where official-SDK code touches it:
the user's ``http_client`` is honoured (its defaults, httpx's defaults, its timeout only if
it set one), and the client's public properties and low-level calls have the same shape."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import httpx
import pytest
from client_kit import Kit, Recorder

import anthropic
from anthropic import DEFAULT_TIMEOUT, Anthropic, AsyncAnthropic, MissingCredentialsError
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, api_json

pytestmark = pytest.mark.anyio


# -- your own http_client is honoured -------------------------------------------------------


async def test_requests_are_built_through_the_users_http_client(kit: Kit) -> None:
    rec = Recorder()
    http = kit.http_client(
        rec,
        headers={"x-from-http-client": "1", "accept": "text/plain"},
        params={"tenant": "t1"},
        cookies={"session": "abc"},
    )
    client = (AsyncAnthropic if kit.is_async else Anthropic)(api_key=TEST_KEY, http_client=http)
    kit.clients.append(client)
    await kit.call(client.messages.batches.retrieve, "msgbatch_1", extra_query={"x": "1"})
    sent = rec.requests[-1]
    assert sent.headers["x-from-http-client"] == "1"  # the client's default headers
    assert sent.headers["accept"] == "application/json"  # ...but ours win on a clash
    assert "gzip" in sent.headers["accept-encoding"]  # httpx's defaults: gzip negotiated
    assert sent.headers["cookie"] == "session=abc"  # the client's cookies
    assert sent.url.params["tenant"] == "t1"  # the client's default params
    assert sent.url.params["x"] == "1"
    assert sent.url.path == "/v1/messages/batches/msgbatch_1"


async def test_request_params_win_over_the_http_clients_params(kit: Kit) -> None:
    rec = Recorder()
    http = kit.http_client(rec, params={"limit": "5"})
    client = (AsyncAnthropic if kit.is_async else Anthropic)(api_key=TEST_KEY, http_client=http)
    kit.clients.append(client)
    page = client.messages.batches.list(limit=7)
    if kit.is_async:
        await page
    else:
        assert page is not None
    assert rec.requests[-1].url.params["limit"] == "7"


@pytest.mark.parametrize(
    ("http_timeout", "expected"),
    [
        (None, DEFAULT_TIMEOUT),  # httpx's own 5 s default: ours applies, as official
        (7.0, httpx.Timeout(7.0)),  # the user chose one: kept
    ],
)
async def test_timeout_rule_for_a_user_http_client(
    kit: Kit, http_timeout: Any, expected: httpx.Timeout
) -> None:
    rec = Recorder()
    kwargs: Dict[str, Any] = {} if http_timeout is None else {"timeout": http_timeout}
    http = kit.http_client(rec, **kwargs)
    client = (AsyncAnthropic if kit.is_async else Anthropic)(api_key=TEST_KEY, http_client=http)
    kit.clients.append(client)
    assert client.timeout == expected
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert rec.requests[-1].extensions["timeout"] == expected.as_dict()


async def test_an_explicit_timeout_beats_the_http_clients(kit: Kit) -> None:
    http = kit.http_client(Recorder(), timeout=7.0)
    cls = AsyncAnthropic if kit.is_async else Anthropic
    client = cls(api_key=TEST_KEY, http_client=http, timeout=3.0)
    kit.clients.append(client)
    assert client.timeout == 3.0


# -- client object -----------------------------------------------------------------------------


async def test_timeout_keeps_what_was_given(kit: Kit) -> None:
    client = kit.client(Recorder(), timeout=12.5)
    assert client.timeout == 12.5 and isinstance(client.timeout, float)
    assert client.copy(timeout=None).timeout is None
    assert client.with_options(max_retries=1).timeout == 12.5
    assert (AsyncAnthropic if kit.is_async else Anthropic)(api_key="k").timeout == DEFAULT_TIMEOUT


async def test_base_url_is_settable(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    client.base_url = "http://proxy.test/prefix"
    assert client.base_url == httpx.URL("http://proxy.test/prefix/")
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert rec.urls[-1] == "http://proxy.test/prefix/v1/messages/batches/msgbatch_1"
    assert rec.last["x-api-key"] == TEST_KEY


@pytest.mark.parametrize(
    ("given", "shown"),
    [  # observed on the official SDK 0.66
        (None, "https://api.anthropic.com"),
        ("https://api.anthropic.com/", "https://api.anthropic.com/"),
        ("http://host:8080", "http://host:8080"),
        ("http://host/proxy", "http://host/proxy/"),
        ("http://host/proxy/", "http://host/proxy/"),
    ],
)
async def test_base_url_prints_as_the_official_client(
    kit: Kit, given: Any, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    rec = Recorder()
    client = kit.client(rec) if given is None else kit.client(rec, base_url=given)
    assert str(client.base_url) == shown
    assert str(client.copy(max_retries=1).base_url) == shown
    assert str(client.with_options(timeout=3).base_url) == shown
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert rec.urls[-1] == shown.rstrip("/") + "/v1/messages/batches/msgbatch_1"
    monkeypatch.setenv("ANTHROPIC_BASE_URL", given or "https://api.anthropic.com")
    assert str(kit.client(Recorder()).base_url) == shown


def test_default_query_and_custom_auth_read_as_on_the_official_client() -> None:
    client = Anthropic(api_key="k", default_query={"a": 1})
    assert client.default_query == {"a": 1} and type(client.default_query) is dict
    client.default_query["b"] = 2  # a copy: the client's own query is unchanged
    assert client.default_query == {"a": 1}
    assert Anthropic(api_key="k").default_query == {}
    assert client.custom_auth is None


def test_default_timeout_prints_as_the_official_one() -> None:
    assert repr(DEFAULT_TIMEOUT) == "Timeout(connect=5.0, read=600, write=600, pool=600)"
    assert repr(Anthropic(api_key="k").timeout) == repr(DEFAULT_TIMEOUT)


async def test_auth_headers_user_agent_and_default_headers(kit: Kit) -> None:
    client = kit.client(Recorder(), default_headers={"X-Custom": "v"})
    assert client.auth_headers == {"X-Api-Key": TEST_KEY}
    name = "AsyncAnthropic" if kit.is_async else "Anthropic"
    assert client.user_agent == f"{name}/Python {anthropic.__version__}"
    headers = client.default_headers
    assert headers["X-Api-Key"] == TEST_KEY == headers["x-api-key"]  # case-insensitive
    assert headers["User-Agent"] == client.user_agent
    assert headers["anthropic-version"] == "2023-06-01"
    assert headers["x-custom"] == "v"
    assert TEST_KEY not in repr(headers)  # printing the mapping masks the key
    token_client = kit.client(Recorder(), api_key=None, auth_token="tok")
    assert token_client.auth_headers == {"Authorization": "Bearer tok"}


async def test_get_with_cast_to_httpx_response_returns_the_response(kit: Kit) -> None:
    client = kit.client(Recorder())
    response = await kit.call(client.get, "/v1/messages/batches/msgbatch_1", cast_to=httpx.Response)
    assert isinstance(response, httpx.Response)
    assert response.json() == api_json("batch.ended.json")
    batch = await kit.call(client.get, "/v1/messages/batches/msgbatch_1", cast_to=MessageBatch)
    assert isinstance(batch, MessageBatch)


async def test_low_level_calls_take_the_official_options(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    options: anthropic.RequestOptions = {
        "headers": {"x-a": "1"},
        "params": {"q": "1"},
        "extra_json": {"e": 1},
        "timeout": 3.0,
    }
    await kit.call(client.post, "/v1/x", cast_to=dict, body={"b": 2}, options=options)
    sent = rec.requests[-1]
    assert sent.headers["x-a"] == "1"
    assert sent.url.params["q"] == "1"
    assert json.loads(sent.content) == {"b": 2, "e": 1}
    assert sent.extensions["timeout"] == httpx.Timeout(3.0).as_dict()
    await kit.call(client.get, "/v1/y", cast_to=dict, options={"headers": {"x-b": "2"}})
    assert rec.requests[-1].headers["x-b"] == "2"


async def test_options_max_retries_applies_to_that_call(kit: Kit) -> None:
    rec = Recorder(httpx.Response(500), httpx.Response(200, json={}))
    client = kit.client(rec, max_retries=0)
    assert await kit.call(client.get, "/v1/y", cast_to=dict, options={"max_retries": 1}) == {}
    assert rec.count == 2


async def test_extra_body_on_a_get_is_not_sent(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.messages.batches.retrieve, "msgbatch_1", extra_body={"x": 1})
    sent = rec.requests[-1]
    assert sent.content == b""
    assert "content-type" not in sent.headers


@pytest.mark.parametrize("which", ["api_key", "auth_token"])
async def test_an_empty_credential_is_no_credential(
    kit: Kit, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "from-env")  # "" does not fall back to it
    monkeypatch.delenv("ANTHROPIC_AUTH_TOKEN", raising=False)
    rec = Recorder()
    client = kit.client(rec, **{"api_key": "", which: ""})
    with pytest.raises(TypeError) as info:  # as official: a TypeError before any I/O
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert isinstance(info.value, MissingCredentialsError)
    assert rec.count == 0


async def test_strict_response_validation_flag(kit: Kit) -> None:
    body = {**api_json("batch.ended.json"), "request_counts": "not an object"}
    lenient = kit.client(Recorder(httpx.Response(200, json=body)))
    batch = await kit.call(lenient.messages.batches.retrieve, "msgbatch_1")
    assert isinstance(batch, MessageBatch)  # default: lenient, as official
    strict = kit.client(Recorder(httpx.Response(200, json=body)), _strict_response_validation=True)
    with pytest.raises(anthropic.APIResponseValidationError):
        await kit.call(strict.messages.batches.retrieve, "msgbatch_1")
    with pytest.raises(anthropic.APIResponseValidationError):  # copies keep the flag
        await kit.call(strict.with_options(max_retries=0).messages.batches.retrieve, "msgbatch_1")
    raw = await kit.call(strict.messages.batches.with_raw_response.retrieve, "msgbatch_1")
    with pytest.raises(anthropic.APIResponseValidationError):
        raw.parse()


async def test_an_overridden_build_request_is_called(kit: Kit) -> None:
    built = []
    base = httpx.AsyncClient if kit.is_async else httpx.Client

    class Instrumented(base):  # type: ignore[valid-type,misc]
        def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
            request = super().build_request(*args, **kwargs)
            request.headers["x-instrumented"] = "yes"
            built.append(request)
            return request

    rec = Recorder()
    http = Instrumented(transport=httpx.MockTransport(rec), headers={"x-default": "d"})
    kit.http_clients.append(http)
    client = (AsyncAnthropic if kit.is_async else Anthropic)(api_key=TEST_KEY, http_client=http)
    kit.clients.append(client)
    await kit.call(client.messages.batches.list, limit=3, extra_query={"after_id": "a"})
    sent = rec.requests[-1]
    assert len(built) == 1
    assert sent.headers["x-instrumented"] == "yes"
    assert sent.headers["x-default"] == "d"
    assert sent.headers["x-api-key"] == TEST_KEY
    assert (sent.url.params["limit"], sent.url.params["after_id"]) == ("3", "a")


async def test_strict_response_validation_reaches_results_lines(kit: Kit) -> None:
    line = b'{"custom_id": "a", "result": {"type": "succeeded", "message": 5}}\n'
    batch = api_json("batch.ended.json")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/results"):
            return httpx.Response(200, content=line)
        return httpx.Response(200, json=batch)

    async def entries(client: Any) -> List[Any]:
        decoder = client.messages.batches.results(batch["id"])
        if kit.is_async:
            return [entry async for entry in await decoder]
        return list(decoder)

    assert len(await entries(kit.client(handler))) == 1  # lenient by default
    strict = kit.client(handler, _strict_response_validation=True)
    with pytest.raises(anthropic.APIResponseValidationError):
        await entries(strict)
