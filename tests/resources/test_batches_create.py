"""``batches.create``: the exact body sent, request shapes, local validation, retry safety."""

from __future__ import annotations

import copy
import json
from typing import Any, Iterator

import httpx
import pytest
from batches_kit import Api

import anthropic
import anthropic._core.batch_requests as batch_requests
from anthropic import InvalidBatchRequestError
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, Router, api_json, error_response, fixture_response

pytestmark = pytest.mark.anyio

CREATE = ("POST", "/v1/messages/batches")
FIXTURE_BODY: dict[str, Any] = api_json("batch.create.request.json")


def fixture_requests() -> list[dict[str, Any]]:
    return copy.deepcopy(FIXTURE_BODY["requests"])


def req(custom_id: object = "r-1", **params: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 16,
        "messages": [{"role": "user", "content": "hi"}],
    }
    p.update(params)
    return {"custom_id": custom_id, "params": p}


def add_create_route(api: Api, *replies: Any) -> None:
    api.router.add(*CREATE, *(replies or (fixture_response("batch.in_progress.json"),)))


async def test_create_sends_exact_fixture_body(api: Api) -> None:
    add_create_route(api)
    batch = await api.call("create", requests=fixture_requests())

    request = api.router.only_call()
    assert request.method == "POST"
    assert str(request.url) == "https://api.anthropic.com/v1/messages/batches"
    assert request.headers["x-api-key"] == TEST_KEY
    assert request.headers["anthropic-version"] == "2023-06-01"
    assert request.headers["accept"] == "application/json"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["content-length"] == str(len(request.content))
    assert json.loads(request.content) == FIXTURE_BODY
    # Serialized once, compactly, in the caller's key order.
    assert request.content == json.dumps(FIXTURE_BODY, separators=(",", ":")).encode()

    assert isinstance(batch, MessageBatch)
    assert batch.id == "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
    assert batch.processing_status == "in_progress"
    assert batch.request_counts.processing == 3
    assert batch.results_url is None


@pytest.mark.parametrize("kind", ["generator", "tuple", "iterator"])
async def test_create_accepts_any_iterable(api: Api, kind: str) -> None:
    add_create_route(api)
    items = fixture_requests()
    if kind == "generator":
        requests: Any = (r for r in items)
    elif kind == "tuple":
        requests = tuple(items)
    else:
        requests = iter(items)
    await api.call("create", requests=requests)
    assert json.loads(api.router.only_call().content) == FIXTURE_BODY


async def test_create_normalizes_method_url_body_shape(api: Api) -> None:
    add_create_route(api)
    items = fixture_requests()
    mixed = [
        {"custom_id": items[0]["custom_id"], "method": "POST", "url": "/v1/messages",
         "body": items[0]["params"]},
        items[1],
        {"custom_id": items[2]["custom_id"], "method": "POST", "url": "/v1/messages",
         "body": items[2]["params"]},
    ]  # fmt: skip
    await api.call("create", requests=mixed)
    assert json.loads(api.router.only_call().content) == FIXTURE_BODY


async def test_create_extra_body_headers_query(api: Api) -> None:
    add_create_route(api)
    await api.call(
        "create",
        requests=[req("a")],
        extra_body={"future_flag": True, "note": "x"},
        extra_headers={"anthropic-beta": "beta-1"},
        extra_query={"q": "1"},
    )
    request = api.router.only_call()
    assert json.loads(request.content) == {
        "requests": [req("a")],
        "future_flag": True,
        "note": "x",
    }
    assert request.headers["anthropic-beta"] == "beta-1"
    assert dict(request.url.params) == {"q": "1"}


async def test_create_stream_false_is_accepted(api: Api) -> None:
    add_create_route(api)
    await api.call("create", requests=[req("a", stream=False)])
    assert json.loads(api.router.only_call().content)["requests"][0]["params"]["stream"] is False


# -- local validation: every rule, before any I/O ------------------------------------------


def _bad_cases() -> list[Any]:
    long_id = "x" * 65
    cases = [
        # (requests, index, custom_id, field, message fragment)
        ([req("a"), 5], 1, None, "request", "must be a dict"),
        ([req("")], 0, "", "custom_id", "must match"),
        ([req(long_id)], 0, long_id, "custom_id", "must match"),
        ([req("has space")], 0, "has space", "custom_id", "must match"),
        ([req("dot.id")], 0, "dot.id", "custom_id", "must match"),
        ([req("caf\u00e9")], 0, "caf\u00e9", "custom_id", "must match"),
        ([req("ok\n")], 0, "ok\n", "custom_id", "must match"),
        ([req(12)], 0, None, "custom_id", "must match"),
        ([{"params": req()["params"]}], 0, None, "custom_id", "must match"),
        ([req("a"), req("b"), req("a")], 2, "a", "custom_id",
         "duplicates the custom_id of requests[0]"),
        ([{"custom_id": "a"}], 0, "a", "params", "is missing"),
        ([{"custom_id": "a", "params": "x"}], 0, "a", "params", "must be a dict"),
        ([req("a", model=None)], 0, "a", "params.model", "non-empty string"),
        ([req("a", model="")], 0, "a", "params.model", "non-empty string"),
        ([req("a", model=3)], 0, "a", "params.model", "non-empty string"),
        ([req("a", max_tokens=0)], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", max_tokens=-1)], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", max_tokens=True)], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", max_tokens=False)], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", max_tokens="5")], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", max_tokens=1.5)], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", max_tokens=None)], 0, "a", "params.max_tokens", "integer >= 1"),
        ([req("a", messages=None)], 0, "a", "params.messages", "must be a list"),
        ([req("a", messages="hi")], 0, "a", "params.messages", "must be a list"),
        ([req("a", messages={"role": "user"})], 0, "a", "params.messages", "must be a list"),
        ([req("a", messages=5)], 0, "a", "params.messages", "must be a list"),
        ([req("a", messages=True)], 0, "a", "params.messages", "must be a list"),
        ([req("a", stream=True)], 0, "a", "params.stream", "absent or False"),
        ([req("a", stream="yes")], 0, "a", "params.stream", "absent or False"),
        ([req("a", stream=1)], 0, "a", "params.stream", "absent or False"),
        ([{"custom_id": "a", "method": "GET", "url": "/v1/messages", "body": {}}], 0, "a",
         "method/url", "must be 'POST' and '/v1/messages'"),
        ([{"custom_id": "a", "method": "POST", "url": "/v1/complete", "body": {}}], 0, "a",
         "method/url", "must be 'POST' and '/v1/messages'"),
        ([{"custom_id": "a", "url": "/v1/messages", "body": {}}], 0, "a",
         "method/url", "must be 'POST' and '/v1/messages'"),
        ([{"custom_id": "a", "method": "POST", "url": "/v1/messages"}], 0, "a", "body",
         "is missing"),
        ([{"custom_id": "a", "method": "POST", "url": "/v1/messages", "body": {"model": "m"}}], 0,
         "a", "params.max_tokens", "integer >= 1"),
        ([req("a"), req("b", messages=[{"role": "user", "content": object()}])], 1, "b",
         "params", "cannot be encoded as JSON"),
    ]  # fmt: skip
    return [pytest.param(*case, id=f"{case[3]}-{i}") for i, case in enumerate(cases)]


@pytest.mark.parametrize(("requests", "index", "custom_id", "field", "fragment"), _bad_cases())
async def test_create_rejects_locally(
    api: Api,
    requests: list[Any],
    index: Any,
    custom_id: Any,
    field: str,
    fragment: str,
) -> None:
    add_create_route(api)
    with pytest.raises(InvalidBatchRequestError) as info:
        await api.call("create", requests=requests)
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, anthropic.AnthropicError)
    assert (err.index, err.custom_id, err.field) == (index, custom_id, field)
    message = str(err)
    assert fragment in message
    if index is not None:
        assert message.startswith(f"requests[{index}]")
        assert field in message
    if custom_id is not None:
        assert repr(custom_id) in message
    assert api.router.calls == []


@pytest.mark.parametrize("requests", [{"custom_id": "a"}, "abc", b"abc", None])
async def test_create_requires_an_iterable_of_requests(api: Api, requests: Any) -> None:
    with pytest.raises(TypeError, match="iterable of request dicts"):
        await api.call("create", requests=requests)
    assert api.router.calls == []


async def test_create_rejects_zero_requests(api: Api) -> None:
    with pytest.raises(InvalidBatchRequestError, match="at least one request") as info:
        await api.call("create", requests=iter(()))
    assert (info.value.index, info.value.custom_id, info.value.field) == (None, None, "requests")
    assert api.router.calls == []


def _many(n: int) -> Iterator[dict[str, Any]]:
    params = {"model": "m", "max_tokens": 1, "messages": []}
    return ({"custom_id": f"r{i}", "params": params} for i in range(n))


def test_create_rejects_100001_requests_sync_client() -> None:
    # The real limit, once (it is pure code run before any I/O); the flavors below use a
    # smaller patched limit to stay fast.
    router = Router()
    client = anthropic.Anthropic(api_key=TEST_KEY, http_client=router.sync_client())
    with client, pytest.raises(InvalidBatchRequestError, match="more than 100,000") as info:
        client.messages.batches.create(requests=_many(100_001))
    assert (info.value.index, info.value.custom_id, info.value.field) == (
        100_000,
        "r100000",
        "requests",
    )
    assert router.calls == []


async def test_create_request_count_limit(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_requests, "MAX_BATCH_REQUESTS", 3)
    add_create_route(api)
    with pytest.raises(InvalidBatchRequestError, match="more than 3 items") as info:
        await api.call("create", requests=_many(4))
    assert (info.value.index, info.value.custom_id) == (3, "r3")
    assert api.router.calls == []
    await api.call("create", requests=_many(3))
    assert len(json.loads(api.router.only_call().content)["requests"]) == 3


def test_100000_requests_encode() -> None:
    content, count = batch_requests.encode_create_body(_many(100_000))
    assert count == 100_000
    assert content.count(b'"custom_id"') == 100_000
    assert content.startswith(b'{"requests":[{"custom_id":"r0","params":')
    assert content.endswith(
        b'{"custom_id":"r99999","params":{"model":"m","max_tokens":1,"messages":[]}}]}'
    )


async def test_create_body_size_limit(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    add_create_route(api)
    requests = fixture_requests()
    size = len(json.dumps(FIXTURE_BODY, separators=(",", ":")).encode())

    monkeypatch.setattr(batch_requests, "MAX_BATCH_BYTES", size - 1)
    with pytest.raises(InvalidBatchRequestError) as info:
        await api.call("create", requests=requests)
    assert (info.value.index, info.value.custom_id, info.value.field) == (None, None, "requests")
    assert f"{size:,} bytes" in str(info.value)
    assert "Split the requests" in str(info.value)
    assert api.router.calls == []

    monkeypatch.setattr(batch_requests, "MAX_BATCH_BYTES", size)  # exactly at the limit: fine
    await api.call("create", requests=requests)
    assert len(api.router.calls) == 1


async def test_create_body_size_counts_extra_body(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = len(json.dumps({"requests": [req("a")]}, separators=(",", ":")).encode())
    monkeypatch.setattr(batch_requests, "MAX_BATCH_BYTES", size)
    with pytest.raises(InvalidBatchRequestError):
        await api.call("create", requests=[req("a")], extra_body={"pad": "x" * 10})
    assert api.router.calls == []


# -- retry safety ---------------------------------------------------------------------------


def _api_with_clock(flavor: str, router: Router) -> Api:
    return Api(flavor, router, _clock=lambda: 1_727_200_000.0)


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("server disconnected"),
        httpx.ReadError("connection reset"),
        httpx.WriteError("broken pipe"),
    ],
    ids=lambda e: type(e).__name__,
)
async def test_create_is_not_resent_when_outcome_unknown(
    flavor: str, router: Router, exc: Exception
) -> None:
    router.add(*CREATE, exc, fixture_response("batch.in_progress.json"))
    api = _api_with_clock(flavor, router)
    try:
        with pytest.raises(anthropic.BatchCreateOutcomeUnknownError) as info:
            await api.call("create", requests=fixture_requests())
    finally:
        await api.aclose()
    err = info.value
    assert isinstance(err, anthropic.APIConnectionError)
    assert err.sent_at == 1_727_200_000.0
    assert err.request_count == 3
    message = str(err)
    assert "may have been created" in message or "may exist" in message, message
    assert "list" in message
    assert "2024-09-24T17:46:40" in message  # sent_at, readable
    assert err.__cause__ is exc
    assert len(router.calls) == 1
    assert api.sleeps == []


async def test_create_not_resent_when_success_body_drops(flavor: str, router: Router) -> None:
    class Dropping(httpx.SyncByteStream, httpx.AsyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            yield b'{"id": "msgbatch_'
            raise httpx.ReadError("reset")

        async def __aiter__(self) -> Any:
            yield b'{"id": "msgbatch_'
            raise httpx.ReadError("reset")

    router.add(*CREATE, lambda request: httpx.Response(200, stream=Dropping()))
    api = _api_with_clock(flavor, router)
    try:
        with pytest.raises(anthropic.BatchCreateOutcomeUnknownError):
            await api.call("create", requests=[req("a")])
    finally:
        await api.aclose()
    assert len(router.calls) == 1


@pytest.mark.parametrize(
    "first",
    [
        error_response(429, "rate_limit_error"),
        error_response(500, "api_error"),
        error_response(529, "overloaded_error"),
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("connect timed out"),
    ],
    ids=["429", "500", "529", "ConnectError", "ConnectTimeout"],
)
async def test_create_retries_when_nothing_was_created(api: Api, first: Any) -> None:
    seen: list[tuple[str, bytes]] = []

    def snapshot(reply: Any) -> Any:
        def handler(request: httpx.Request) -> httpx.Response:
            seen.append((request.headers["x-stainless-retry-count"], request.content))
            if isinstance(reply, Exception):
                raise reply
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)

        return handler

    add_create_route(api, snapshot(first), snapshot(fixture_response("batch.in_progress.json")))
    batch = await api.call("create", requests=fixture_requests())
    assert batch.id == "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
    assert len(api.router.calls) == 2
    assert [count for count, _ in seen] == ["0", "1"]
    assert seen[0][1] == seen[1][1]
    assert json.loads(seen[1][1]) == FIXTURE_BODY
    assert len(api.sleeps) == 1
    assert 0 < api.sleeps[0] <= 8


async def test_create_gives_up_after_max_retries(api: Api) -> None:
    add_create_route(api, error_response(529, "overloaded_error"))
    with pytest.raises(anthropic.OverloadedError):
        await api.call("create", requests=[req("a")])
    assert len(api.router.calls) == 3  # 1 + max_retries (2)
    assert len(api.sleeps) == 2


def test_stream_none_is_rejected_like_any_value_but_false() -> None:
    import pytest as _pytest

    from anthropic import InvalidBatchRequestError
    from anthropic._core.batch_requests import validate_requests

    params = {"model": "m", "max_tokens": 1, "messages": [], "stream": None}
    with _pytest.raises(InvalidBatchRequestError) as info:
        validate_requests([{"custom_id": "a", "params": params}])
    assert info.value.field == "params.stream"
