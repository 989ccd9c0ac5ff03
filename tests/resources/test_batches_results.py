"""``batches.results``: where it fetches from, what it sends, how it streams and closes."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Iterator, List

import httpx
import pytest
from batches_kit import BATCH_ID, BATCH_PATH, RESULTS_PATH, Api

import anthropic
from anthropic._jsonl_stream import AsyncJSONLDecoder, AsyncStreamHandle, JSONLDecoder
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from support import TEST_KEY, Router, api_bytes, api_json, fixture_response

pytestmark = pytest.mark.anyio

# Leaving an httpx response body early under trio: httpx's own nested async generators
# (Response.aiter_raw, BoundAsyncStream.__aiter__) cannot be closed by the caller, and
# trio warns when they are collected (encode/httpx#3686). Our stream *is* released
# (asserted by the stream counters); only that warning from httpx's internals is ignored.
HTTPX_TRIO_GC_WARNING = pytest.mark.filterwarnings(
    "ignore:Async generator 'httpx\\.:ResourceWarning"
)

RESULT_IDS = [
    "capital-fr",
    "weather_tool-2",
    "think-3",
    "bad-params-4",
    "server-err-5",
    "canceled-6",
    "expired-7",
    "future-8",
]
RESULT_TYPES = [
    "succeeded",
    "succeeded",
    "succeeded",
    "errored",
    "errored",
    "canceled",
    "expired",
    "succeeded",
]


def ended_batch(**overrides: Any) -> MessageBatch:
    return MessageBatch.model_validate({**api_json("batch.ended.json"), **overrides})


def check_lines(lines: List[Any]) -> None:
    assert all(isinstance(line, MessageBatchIndividualResponse) for line in lines)
    assert [line.custom_id for line in lines] == RESULT_IDS
    assert [line.result.type for line in lines] == RESULT_TYPES
    assert lines[0].result.message.content[0].text == "The capital of France is Paris."


async def test_results_of_a_batch_object_needs_no_retrieve(api: Api) -> None:
    api.router.add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    decoder = await api.call("results", ended_batch())
    assert isinstance(decoder, AsyncJSONLDecoder if api.is_async else JSONLDecoder)
    lines = await api.drain(decoder)
    check_lines(lines)

    request = api.router.only_call()
    assert request.method == "GET"
    assert str(request.url) == f"https://api.anthropic.com{RESULTS_PATH}"
    assert request.headers["accept"] == "application/binary"
    assert request.headers["x-api-key"] == TEST_KEY
    assert request.headers["anthropic-version"] == "2023-06-01"
    assert request.content == b""


async def test_results_by_id_retrieves_first_with_callers_options(api: Api) -> None:
    api.router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    api.router.add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    decoder = await api.call(
        "results", BATCH_ID, extra_headers={"x-trace": "abc"}, extra_query={"q": "1"}, timeout=3
    )
    check_lines(await api.drain(decoder))

    retrieve, results = api.router.calls
    assert (retrieve.method, retrieve.url.path) == ("GET", BATCH_PATH)
    assert retrieve.headers["x-trace"] == "abc"
    assert retrieve.headers["accept"] == "application/json"
    assert dict(retrieve.url.params) == {"q": "1"}
    assert retrieve.extensions["timeout"]["read"] == 3
    assert (results.method, results.url.path) == ("GET", RESULTS_PATH)
    assert results.headers["x-trace"] == "abc"
    assert results.headers["accept"] == "application/binary"
    assert results.extensions["timeout"]["read"] == 3


@pytest.mark.parametrize("fixture", ["batch.in_progress.json", "batch.canceling.json"])
async def test_results_before_the_batch_ended(api: Api, fixture: str) -> None:
    status = api_json(fixture)["processing_status"]
    batch = MessageBatch.model_validate(api_json(fixture))
    with pytest.raises(anthropic.BatchNotEndedError) as info:
        await api.call("results", batch)
    assert info.value.processing_status == status
    assert repr(status) in str(info.value)
    assert BATCH_ID in str(info.value)
    assert api.router.calls == []

    api.router.add("GET", BATCH_PATH, fixture_response(fixture))
    with pytest.raises(anthropic.BatchNotEndedError, match=status):
        await api.call("results", BATCH_ID)
    assert [c.url.path for c in api.router.calls] == [BATCH_PATH]  # no results request


async def test_results_url_on_another_host_is_fetched_from_base_url(api: Api) -> None:
    api.router.add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    batch = ended_batch(results_url=f"https://evil.example.net:8443{RESULTS_PATH}")
    check_lines(await api.drain(await api.call("results", batch)))
    request = api.router.only_call()
    assert request.url.scheme == "https"
    assert request.url.host == "api.anthropic.com"
    assert request.url.port is None
    assert request.url.path == RESULTS_PATH
    assert all(c.url.host == "api.anthropic.com" for c in api.router.calls)


@pytest.mark.parametrize(
    "results_url",
    [
        f"https://api.anthropic.com{RESULTS_PATH}",
        f"http://proxy.local/prefix{RESULTS_PATH}",  # already carries the prefix
    ],
)
async def test_results_with_a_base_url_path_prefix(flavor: str, results_url: str) -> None:
    router = Router()
    api = Api(flavor, router, base_url="http://proxy.local/prefix")
    try:
        batch = ended_batch(results_url=results_url)
        router.add("GET", f"/prefix{RESULTS_PATH}", fixture_response("batch.results.jsonl"))
        check_lines(await api.drain(await api.call("results", batch)))
    finally:
        await api.aclose()
    request = router.only_call()
    assert str(request.url) == f"http://proxy.local/prefix{RESULTS_PATH}"
    assert request.headers["x-api-key"] == TEST_KEY


async def test_results_url_query_is_kept(api: Api) -> None:
    api.router.add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    batch = ended_batch(results_url=f"https://api.anthropic.com{RESULTS_PATH}?part=1")
    await api.drain(await api.call("results", batch))
    assert api.router.only_call().url.query == b"part=1"


async def test_results_rejects_other_types(api: Api) -> None:
    with pytest.raises(TypeError, match="MessageBatch"):
        await api.call("results", 42)
    assert api.router.calls == []


# -- the decoder handle ----------------------------------------------------------------------


def test_sync_decoder_is_a_context_manager(router: Router) -> None:
    router.add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    with anthropic.Anthropic(api_key=TEST_KEY, http_client=router.sync_client()) as client:
        with client.messages.batches.results(ended_batch()) as results:
            first = next(results)
            rest = list(results)
        assert results.http_response.is_closed
    check_lines([first, *rest])


@pytest.mark.parametrize("flavor", ["asyncio", "trio"])
async def test_async_handle_await_for_and_with(flavor: str) -> None:
    router = Router().add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    async with anthropic.AsyncAnthropic(
        api_key=TEST_KEY, http_client=router.async_client()
    ) as client:
        batches = client.messages.batches

        handle = batches.results(ended_batch())
        assert isinstance(handle, AsyncStreamHandle)
        assert router.calls == []  # nothing is sent until it is used
        decoder = await handle
        assert isinstance(decoder, AsyncJSONLDecoder)
        async with decoder:
            check_lines([line async for line in decoder])

        check_lines([line async for line in batches.results(ended_batch())])

        async with batches.results(ended_batch()) as results:
            assert isinstance(results, AsyncJSONLDecoder)
            check_lines([line async for line in results])
        assert results.http_response.is_closed

        async with await batches.results(ended_batch()) as results:
            check_lines([line async for line in results])
    assert len(router.calls) == 4


class CountingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that records whether it was opened and closed."""

    def __init__(self, chunks: List[bytes], fail_after: Any = None) -> None:
        self.chunks = chunks
        self.fail_after = fail_after
        self.opened = 0
        self.closed = 0
        self.sent = 0

    def _next_chunks(self) -> Iterator[bytes]:
        self.opened += 1
        for i, chunk in enumerate(self.chunks):
            if self.fail_after is not None and i == self.fail_after:
                raise self.fail_after_exc
            self.sent += 1
            yield chunk

    fail_after_exc: Exception = httpx.ReadError("connection reset by peer")

    def __iter__(self) -> Iterator[bytes]:
        yield from self._next_chunks()

    def __aiter__(self) -> AsyncIterator[bytes]:
        # A plain iterator object, not an async generator: nothing for trio to warn about.
        return _AsyncChunks(self._next_chunks())

    def close(self) -> None:
        self.closed += 1

    async def aclose(self) -> None:
        self.closed += 1


class _AsyncChunks:
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks

    def __aiter__(self) -> _AsyncChunks:
        return self

    async def __anext__(self) -> bytes:
        try:
            return next(self._chunks)
        except StopIteration:
            raise StopAsyncIteration from None


def line_chunks() -> List[bytes]:
    return [line + b"\n" for line in api_bytes("batch.results.jsonl").splitlines()]


def stream_route(router: Router, stream: CountingStream) -> None:
    router.add(
        "GET",
        RESULTS_PATH,
        lambda request: httpx.Response(
            200, stream=stream, headers={"content-type": "application/x-jsonl", "request-id": "r"}
        ),
    )


@HTTPX_TRIO_GC_WARNING
async def test_break_and_close_releases_the_connection(api: Api) -> None:
    stream = CountingStream(line_chunks())
    stream_route(api.router, stream)
    decoder = await api.call("results", ended_batch())
    if api.is_async:
        async for line in decoder:
            assert line.custom_id == "capital-fr"
            break
    else:
        for line in decoder:
            assert line.custom_id == "capital-fr"
            break
    assert stream.sent < len(line_chunks())
    await api.close_decoder(decoder)
    assert (stream.opened, stream.closed) == (1, 1)
    assert decoder.http_response.is_closed
    await api.close_decoder(decoder)  # closing twice is fine
    assert stream.closed == 1


async def test_exhausting_the_stream_releases_the_connection(api: Api) -> None:
    stream = CountingStream(line_chunks())
    stream_route(api.router, stream)
    check_lines(await api.drain(await api.call("results", ended_batch())))
    assert (stream.opened, stream.closed) == (1, 1)


@HTTPX_TRIO_GC_WARNING
@pytest.mark.parametrize("flavor", ["asyncio", "trio"])
async def test_async_with_on_handle_closes_after_break(flavor: str) -> None:
    router = Router()
    stream = CountingStream(line_chunks())
    stream_route(router, stream)
    async with anthropic.AsyncAnthropic(
        api_key=TEST_KEY, http_client=router.async_client()
    ) as client:
        async with client.messages.batches.results(ended_batch()) as results:
            async for _line in results:
                break
        assert (stream.opened, stream.closed) == (1, 1)


@pytest.mark.parametrize(
    "exc",
    [httpx.ReadError("reset"), httpx.RemoteProtocolError("peer closed"), httpx.ReadTimeout("t")],
    ids=lambda e: type(e).__name__,
)
async def test_connection_dropped_mid_stream(api: Api, exc: Exception) -> None:
    stream = CountingStream(line_chunks(), fail_after=3)
    stream.fail_after_exc = exc
    stream_route(api.router, stream)
    decoder = await api.call("results", ended_batch())
    got: List[str] = []
    with pytest.raises(anthropic.APIConnectionError) as info:
        if api.is_async:
            async for line in decoder:
                got.append(line.custom_id)
        else:
            for line in decoder:
                got.append(line.custom_id)
    assert got == RESULT_IDS[:3]
    assert not isinstance(info.value, httpx.HTTPError)
    assert info.value.__cause__ is exc
    assert info.value.request.url.path == RESULTS_PATH
    if isinstance(exc, httpx.TimeoutException):
        assert isinstance(info.value, anthropic.APITimeoutError)
    assert stream.closed == 1
    await api.close_decoder(decoder)


async def test_malformed_line_reports_its_line_number(api: Api) -> None:
    lines = api_bytes("batch.results.jsonl").splitlines()
    body = b"\n".join([lines[0], b"", lines[1], b'{"custom_id": "x", "result": ', lines[2]])
    api.router.add("GET", RESULTS_PATH, httpx.Response(200, content=body))
    decoder = await api.call("results", ended_batch())
    got: List[str] = []
    with pytest.raises(anthropic.ResultsDecodeError) as info:
        if api.is_async:
            async for line in decoder:
                got.append(line.custom_id)
        else:
            for line in decoder:
                got.append(line.custom_id)
    assert got == ["capital-fr", "weather_tool-2"]
    assert info.value.line_number == 4  # blank line 2 counts
    assert "line 4" in str(info.value)
    assert isinstance(info.value, anthropic.APIResponseValidationError)
    await api.close_decoder(decoder)
    assert decoder.http_response.is_closed


async def test_error_status_on_results(api: Api) -> None:
    api.router.add(
        "GET",
        RESULTS_PATH,
        httpx.Response(
            404,
            content=api_bytes("errors/404.not_found_error.json"),
            headers={"request-id": "req_404"},
        ),
    )
    with pytest.raises(anthropic.NotFoundError) as info:
        await api.call("results", ended_batch())
    assert info.value.request_id == "req_404"
    assert json.loads(api_bytes("errors/404.not_found_error.json"))["error"]["message"] in str(
        info.value
    )


@HTTPX_TRIO_GC_WARNING
@pytest.mark.parametrize("flavor", ["asyncio", "trio"])
async def test_async_for_on_handle_then_close(flavor: str) -> None:
    router = Router()
    stream = CountingStream(line_chunks())
    stream_route(router, stream)
    async with anthropic.AsyncAnthropic(
        api_key=TEST_KEY, http_client=router.async_client()
    ) as client:
        handle = client.messages.batches.results(ended_batch())
        await handle.close()  # nothing opened yet: a no-op
        assert router.calls == []
        async for line in handle:
            assert line.custom_id == "capital-fr"
            break
        assert stream.closed == 0
        await handle.close()
        assert (stream.opened, stream.closed) == (1, 1)


@HTTPX_TRIO_GC_WARNING
@pytest.mark.parametrize("flavor", ["asyncio", "trio"])
async def test_awaiting_a_handle_twice_sends_once_and_close_closes_it(flavor: str) -> None:
    router = Router()
    stream = CountingStream(line_chunks())
    stream_route(router, stream)
    async with anthropic.AsyncAnthropic(
        api_key=TEST_KEY, http_client=router.async_client()
    ) as client:
        handle = client.messages.batches.results(ended_batch())
        first = await handle
        assert await handle is first  # one request, one decoder
        assert len(router.calls) == 1
        line = await first.__anext__()
        assert line.custom_id == "capital-fr"
        await handle.close()  # closes the decoder obtained by awaiting
        assert first.http_response.is_closed
        assert (stream.opened, stream.closed) == (1, 1)
