"""Decoding through the public client is GC-aware (``anthropic._gc_pause``) and still exact.

Results lines and big list pages are parsed with automatic collection paused; these tests
check, sync, async (asyncio and trio) and from a thread pool, that every line still comes
out, that the caller's loop body runs with the collector as the program left it, that the
collector ends in the state it started in, and that a cycle the loop drops is reclaimed.
"""

from __future__ import annotations

import gc
import json
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Iterator, List, Optional

import httpx
import pytest

import anthropic
from anthropic import _gc_pause, _models
from anthropic._gc_pause import MIN_BYTES, PROMOTES, pause_state, paused_gc
from anthropic.types.messages import MessageBatch
from support import TEST_KEY

BATCH_ID = "msgbatch_01GcAwareDecoding000000"
RESULTS_PATH = f"/v1/messages/batches/{BATCH_ID}/results"
LINES = 3_000
CHUNK = 4 * 1024  # ~14 lines a chunk: a couple of hundred chunks


def result_line(i: int) -> bytes:
    if i % 7 == 6:
        result: Any = {"type": "canceled"}
    else:
        result = {
            "type": "succeeded",
            "message": {
                "id": f"msg_{i:08d}",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-20250514",
                "content": [{"type": "text", "text": f"answer number {i}"}],
                "stop_reason": "end_turn",
                "stop_sequence": None,
                "usage": {"input_tokens": 10, "output_tokens": i % 50},
            },
        }
    return json.dumps({"custom_id": f"req-{i}", "result": result}).encode()


BODY = b"\n".join(result_line(i) for i in range(LINES)) + b"\n"
WANT = [f"req-{i}" for i in range(LINES)]


def batch_json(batch_id: str) -> Any:
    return {
        "id": batch_id,
        "type": "message_batch",
        "processing_status": "ended",
        "request_counts": {
            "processing": 0,
            "succeeded": 1,
            "errored": 0,
            "canceled": 0,
            "expired": 0,
        },
        "ended_at": "2024-09-24T18:37:24.100435Z",
        "created_at": "2024-09-24T18:37:24.100435Z",
        "expires_at": "2024-09-25T18:37:24.100435Z",
        "archived_at": None,
        "cancel_initiated_at": None,
        "results_url": f"https://api.anthropic.com{RESULTS_PATH}",
    }


ENDED = MessageBatch.model_validate(batch_json(BATCH_ID))
PAGE_IDS = [f"msgbatch_{i:024d}" for i in range(300)]
PAGE = json.dumps(
    {
        "data": [batch_json(b) for b in PAGE_IDS],
        "has_more": False,
        "first_id": PAGE_IDS[0],
        "last_id": PAGE_IDS[-1],
    }
).encode()


class Chunked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """``BODY`` in ``CHUNK``-sized reads, for sync and async clients."""

    def __iter__(self) -> Iterator[bytes]:
        for start in range(0, len(BODY), CHUNK):
            yield BODY[start : start + CHUNK]

    def __aiter__(self) -> AsyncIterator[bytes]:
        return _AsyncChunks(iter(self))


class _AsyncChunks:
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks

    def __aiter__(self) -> _AsyncChunks:
        return self

    async def __anext__(self) -> bytes:
        try:
            return next(self.chunks)
        except StopIteration:
            raise StopAsyncIteration from None


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.path == RESULTS_PATH:
        headers = {"content-type": "application/x-jsonl", "request-id": "req_gc"}
        return httpx.Response(200, stream=Chunked(), headers=headers)
    if request.url.path == "/v1/messages/batches":
        return httpx.Response(200, content=PAGE, headers={"content-type": "application/json"})
    return httpx.Response(404, json={"type": "error", "error": {"type": "not_found_error"}})


def sync_client() -> anthropic.Anthropic:
    http = httpx.Client(transport=httpx.MockTransport(handler))
    return anthropic.Anthropic(api_key=TEST_KEY, http_client=http)


def async_client() -> anthropic.AsyncAnthropic:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    return anthropic.AsyncAnthropic(api_key=TEST_KEY, http_client=http)


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    assert gc.isenabled()
    try:
        yield
    finally:
        gc.enable()
    assert pause_state() == (0, False)


@pytest.fixture(params=[True, False], ids=["gc-enabled", "gc-disabled-by-program"])
def enabled(request: pytest.FixtureRequest) -> Iterator[bool]:
    """The collector's state as the program set it before decoding (restored after)."""
    if not request.param:
        gc.disable()
    yield bool(request.param)


def test_results_sync(enabled: bool) -> None:
    seen_enabled = set()
    ids = []
    with sync_client() as client, client.messages.batches.results(ENDED) as results:
        for line in results:
            seen_enabled.add(gc.isenabled())  # the loop body runs with GC as the program set it
            ids.append(line.custom_id)
    assert ids == WANT
    assert seen_enabled == {enabled}
    assert gc.isenabled() is enabled
    assert pause_state() == (0, False)


def test_results_sync_collected_with_list(enabled: bool) -> None:
    with sync_client() as client, client.messages.batches.results(ENDED) as results:
        lines = list(results)
    assert [line.custom_id for line in lines] == WANT
    assert lines[0].result.type == "succeeded"
    assert lines[0].result.message.content[0].text == "answer number 0"  # type: ignore[union-attr]
    assert gc.isenabled() is enabled


@pytest.mark.anyio
async def test_results_async(enabled: bool) -> None:
    seen_enabled = set()
    ids = []
    async with async_client() as client, await client.messages.batches.results(ENDED) as results:
        async for line in results:
            seen_enabled.add(gc.isenabled())
            ids.append(line.custom_id)
    assert ids == WANT
    assert seen_enabled == {enabled}
    assert gc.isenabled() is enabled
    assert pause_state() == (0, False)


@pytest.mark.parametrize("promotes", [True, False], ids=["promotion", "no-promotion"])
def test_lines_before_a_malformed_one_are_delivered(
    monkeypatch: pytest.MonkeyPatch, promotes: bool
) -> None:
    """Parsed per chunk under the pause, or lazily where there is none: same behaviour."""
    monkeypatch.setattr(_gc_pause, "PROMOTES", promotes and PROMOTES)
    body = result_line(0) + b"\n" + result_line(1) + b"\n{bad\n" + result_line(2) + b"\n"

    def bad_body(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/x-jsonl"})

    http = httpx.Client(transport=httpx.MockTransport(bad_body))
    with anthropic.Anthropic(api_key=TEST_KEY, http_client=http) as client:
        results = client.messages.batches.results(ENDED)
        assert next(results).custom_id == "req-0"
        assert next(results).custom_id == "req-1"
        with pytest.raises(anthropic.ResultsDecodeError) as info:
            next(results)
        assert info.value.line_number == 3
        results.close()


def test_results_without_promotion_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_gc_pause, "PROMOTES", False)  # e.g. PyPy or CPython 3.14+
    with sync_client() as client, client.messages.batches.results(ENDED) as results:
        assert [line.custom_id for line in results] == WANT
    assert gc.isenabled()


def test_results_from_a_thread_pool(enabled: bool) -> None:
    with sync_client() as client:

        def decode(_: int) -> List[str]:
            with client.messages.batches.results(ENDED) as results:
                return [line.custom_id for line in results]

        with ThreadPoolExecutor(max_workers=4) as pool:
            decoded = list(pool.map(decode, range(8)))
    assert decoded == [WANT] * 8
    assert gc.isenabled() is enabled
    assert pause_state() == (0, False)


def test_a_cycle_the_loop_drops_is_reclaimed() -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    ref: Optional[weakref.ref[Cycle]] = None
    alive_at_the_end: Optional[bool] = None
    with sync_client() as client, client.messages.batches.results(ENDED) as results:
        for i, _line in enumerate(results):
            if i == 0:
                ref = weakref.ref(Cycle())  # garbage as soon as it is made
            elif i == LINES - 1:
                assert ref is not None
                alive_at_the_end = ref() is not None
    if PROMOTES:
        # The next chunk's young collection reclaimed it, long before the end.
        assert alive_at_the_end is False
    gc.collect()
    assert ref is not None and ref() is None


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> List[Optional[int]]:
    """The sizes ``parse_json`` asks ``paused_gc`` about (the page parse is hooked)."""
    asked: List[Optional[int]] = []

    def recording(nbytes: Optional[int] = None) -> Any:
        asked.append(nbytes)
        return paused_gc(nbytes)

    monkeypatch.setattr(_models, "paused_gc", recording)
    return asked


def test_a_big_list_page_sync(enabled: bool, spy: List[Optional[int]]) -> None:
    assert len(PAGE) >= MIN_BYTES
    with sync_client() as client:
        batches = list(client.messages.batches.list(limit=300))
    assert [b.id for b in batches] == PAGE_IDS
    assert spy == [len(PAGE)]
    assert gc.isenabled() is enabled


@pytest.mark.anyio
async def test_a_big_list_page_async(enabled: bool, spy: List[Optional[int]]) -> None:
    async with async_client() as client:
        batches = [b async for b in client.messages.batches.list(limit=300)]
    assert [b.id for b in batches] == PAGE_IDS
    assert spy == [len(PAGE)]
    assert gc.isenabled() is enabled
