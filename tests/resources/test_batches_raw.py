"""``with_raw_response`` and ``with_streaming_response`` for all six methods."""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, Dict, Iterator, Optional, Tuple

import httpx
import pytest
from batches_kit import BATCH_ID, BATCH_PATH, RESULTS_PATH, Api

import anthropic
from anthropic._legacy_response import LegacyAPIResponse
from anthropic.types.messages import DeletedMessageBatch, MessageBatch
from support import Router, api_json, error_response, fixture_response

pytestmark = pytest.mark.anyio

LIST_PATH = "/v1/messages/batches"


class LazyBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body httpx does not read up front (in-memory ``content=`` is read eagerly)."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.reads = 0

    def __iter__(self) -> Iterator[bytes]:
        self.reads += 1
        yield self.content

    def __aiter__(self) -> AsyncIterator[bytes]:
        self.reads += 1
        return _One(self.content)


class _One:
    def __init__(self, chunk: bytes) -> None:
        self.chunk: Optional[bytes] = chunk

    def __aiter__(self) -> _One:
        return self

    async def __anext__(self) -> bytes:
        chunk, self.chunk = self.chunk, None
        if chunk is None:
            raise StopAsyncIteration
        return chunk


def with_headers(name: str, request_id: str) -> Callable[[httpx.Request], httpx.Response]:
    fixture = fixture_response(name)
    headers = {**fixture.headers, "request-id": request_id, "x-extra": "yes"}
    headers.pop("content-length", None)
    return lambda request: httpx.Response(200, headers=headers, stream=LazyBody(fixture.content))


def route_all(router: Router) -> None:
    router.add("POST", LIST_PATH, with_headers("batch.in_progress.json", "req_create"))
    router.add("GET", BATCH_PATH, with_headers("batch.ended.json", "req_retrieve"))
    router.add("POST", f"{BATCH_PATH}/cancel", with_headers("batch.canceling.json", "req_cancel"))
    router.add("DELETE", BATCH_PATH, with_headers("batch.deleted.json", "req_delete"))
    router.add("GET", RESULTS_PATH, with_headers("batch.results.jsonl", "req_results"))

    def list_handler(request: httpx.Request) -> httpx.Response:
        name = (
            "batch.list.page2.json" if "after_id" in request.url.params else "batch.list.page1.json"
        )
        return with_headers(name, "req_list")(request)

    router.add("GET", LIST_PATH, list_handler)


PAGE1_IDS = [b["id"] for b in api_json("batch.list.page1.json")["data"]]
CREATE_REQUESTS = api_json("batch.create.request.json")["requests"]

# method -> (args, kwargs, (http method, path), check of the parsed value)
CASES: Dict[str, Tuple[tuple[Any, ...], Dict[str, Any], Tuple[str, str], Callable[[Any], Any]]] = {
    "create": ((), {"requests": CREATE_REQUESTS}, ("POST", LIST_PATH),
               lambda v: isinstance(v, MessageBatch) and v.processing_status == "in_progress"),
    "retrieve": ((BATCH_ID,), {}, ("GET", BATCH_PATH),
                 lambda v: isinstance(v, MessageBatch) and v.processing_status == "ended"),
    "cancel": ((BATCH_ID,), {}, ("POST", f"{BATCH_PATH}/cancel"),
               lambda v: isinstance(v, MessageBatch) and v.processing_status == "canceling"),
    "delete": ((BATCH_ID,), {}, ("DELETE", BATCH_PATH),
               lambda v: isinstance(v, DeletedMessageBatch) and v.id == BATCH_ID),
    "list": ((), {"limit": 2}, ("GET", LIST_PATH),
             lambda v: [b.id for b in v.data] == PAGE1_IDS),
    "results": ((MessageBatch.model_validate(api_json("batch.ended.json")),), {},
                ("GET", RESULTS_PATH), lambda v: v is not None),
}  # fmt: skip
REQUEST_IDS = {
    "create": "req_create",
    "retrieve": "req_retrieve",
    "cancel": "req_cancel",
    "delete": "req_delete",
    "list": "req_list",
    "results": "req_results",
}
METHODS = list(CASES)


async def _values(api: Api, method: str, value: Any) -> Any:
    """Something comparable for the parsed value of ``method``."""
    if method == "results":
        return [line.to_dict() for line in await api.drain(value)]
    if method == "list":
        return [b.id for b in await api.drain(value)]  # walks to page 2
    return value.to_dict()


@pytest.mark.parametrize("method", METHODS)
async def test_raw_response_parses_like_the_plain_method(api: Api, method: str) -> None:
    route_all(api.router)
    args, kwargs, (http_method, path), check = CASES[method]

    plain = await _values(api, method, await api.call(method, *args, **kwargs))
    plain_calls = len(api.router.calls)

    response = await api.raw(method, *args, **kwargs)
    assert isinstance(response, LegacyAPIResponse)  # sync and async, as the official SDK
    assert response.status_code == 200
    assert response.request_id == REQUEST_IDS[method]
    assert response.headers["x-extra"] == "yes"
    assert response.retries_taken == 0
    assert response.http_response.is_closed  # raw: the body was read (connection released)
    assert response.http_request.method == http_method
    assert response.http_request.url.path == path
    assert response.method == http_method
    parsed = await api.parse(response)
    assert check(parsed)
    assert await api.parse(response) is parsed  # parsed once
    if method not in ("results", "list"):
        assert parsed._request_id == REQUEST_IDS[method]
    assert await _values(api, method, parsed) == plain
    assert len(api.router.calls) == 2 * plain_calls


@pytest.mark.parametrize("method", METHODS)
async def test_streaming_response(api: Api, method: str) -> None:
    route_all(api.router)
    args, kwargs, (http_method, path), check = CASES[method]
    plain = await _values(api, method, await api.call(method, *args, **kwargs))

    async with api.streaming(method, *args, **kwargs) as response:
        assert response.request_id == REQUEST_IDS[method]
        assert response.http_request.url.path == path
        assert response.http_request.method == http_method
        if method != "results":
            assert not response.http_response.is_closed
        parsed = await api.parse(response)
        assert check(parsed)
        assert await _values(api, method, parsed) == plain
    assert response.http_response.is_closed


@pytest.mark.parametrize("method", ["retrieve", "results"])
async def test_streaming_response_body_is_read_lazily(api: Api, method: str) -> None:
    route_all(api.router)
    args, kwargs, _, _ = CASES[method]
    async with api.streaming(method, *args, **kwargs) as response:
        body = await api.read(response)
    expected = "batch.results.jsonl" if method == "results" else "batch.ended.json"
    assert body == fixture_response(expected).content


async def test_raw_results_by_id_retrieves_parsed_then_returns_raw(api: Api) -> None:
    route_all(api.router)
    response = await api.raw("results", BATCH_ID, extra_headers={"x-trace": "t"})
    assert response.http_request.url.path == RESULTS_PATH
    assert response.request_id == "req_results"
    lines = await api.drain(await api.parse(response))
    assert len(lines) == 8
    assert [c.url.path for c in api.router.calls] == [BATCH_PATH, RESULTS_PATH]
    assert all(c.headers["x-trace"] == "t" for c in api.router.calls)


async def test_raw_response_counts_retries(api: Api) -> None:
    api.router.add(
        "GET",
        BATCH_PATH,
        error_response(500, "api_error"),
        error_response(529, "overloaded_error"),
        fixture_response("batch.ended.json"),
    )
    response = await api.raw("retrieve", BATCH_ID)
    assert response.retries_taken == 2
    assert (await api.parse(response)).id == BATCH_ID
    assert len(api.sleeps) == 2


async def test_raw_response_error_status_still_raises(api: Api) -> None:
    api.router.add("GET", BATCH_PATH, error_response(404, "not_found_error"))
    with pytest.raises(anthropic.NotFoundError):
        await api.raw("retrieve", BATCH_ID)


async def test_raw_mode_does_not_leak_into_the_next_call(api: Api) -> None:
    route_all(api.router)
    await api.raw("retrieve", BATCH_ID)
    assert isinstance(await api.call("retrieve", BATCH_ID), MessageBatch)
    async with api.streaming("retrieve", BATCH_ID):
        pass
    assert isinstance(await api.call("retrieve", BATCH_ID), MessageBatch)


async def test_raw_list_pages_fetch_parsed(api: Api) -> None:
    route_all(api.router)
    response = await api.raw("list", limit=2)
    page = await api.parse(response)
    nxt = await (page.get_next_page() if api.is_async else _sync(page.get_next_page))
    assert isinstance(nxt, (anthropic.pagination.SyncPage, anthropic.pagination.AsyncPage))
    assert [b.id for b in nxt.data] == ["msgbatch_01Aq2mW3nkBZyQXUoT9cXo5F"]
    assert dict(api.router.calls[-1].url.params) == {
        "limit": "2",
        "after_id": "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d",
    }


async def _sync(fn: Callable[[], Any]) -> Any:
    return fn()


def test_raw_mode_does_not_leak_into_calls_made_while_building_the_request() -> None:
    """A ``requests`` generator that calls ``retrieve()`` while a raw ``create`` is being
    built gets a parsed batch, and the outer raw call still returns an ``APIResponse``
    (the mode used to travel in a context variable that the first call consumed)."""
    router = Router()
    route_all(router)
    api = Api("sync", router)
    seen: list[Any] = []

    def requests() -> Iterator[Any]:
        seen.append(api.batches.retrieve(BATCH_ID))
        yield from CREATE_REQUESTS

    response = api.batches.with_raw_response.create(requests=requests())
    assert isinstance(seen[0], MessageBatch)
    assert seen[0].processing_status == "ended"
    assert isinstance(response, LegacyAPIResponse)
    assert response.request_id == "req_create"
    assert response.parse().processing_status == "in_progress"


async def test_inner_retrieve_of_raw_results_is_parsed(api: Api) -> None:
    """Raw ``results(id)`` retrieves the batch first: that inner step is parsed, and only
    the results response comes back raw."""
    route_all(api.router)
    response = await api.raw("results", BATCH_ID)
    assert response.request_id == "req_results"
    assert [c.url.path for c in api.router.calls] == [BATCH_PATH, RESULTS_PATH]
