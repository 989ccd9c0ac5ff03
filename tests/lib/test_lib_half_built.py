"""Our helpers never crash on what the lenient parser lets through.

Each case is a body the API could send after a change of shape: a result line whose
``custom_id`` is ``null`` or whose ``result`` is a string or has no type, a batch whose
``request_counts`` is ``null`` or whose ``results_url`` is a number. They parse (leniently,
as the official SDK does) and ``summarize``, ``retryable_requests``, ``unwrap`` and
``job.progress()`` count, skip or report them instead of raising ``AttributeError`` or
``TypeError``. Sync client, asyncio and trio.
"""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Dict, List

import httpx
import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic.lib import BatchResultError, asummarize, retryable_requests, summarize, unwrap
from anthropic.lib._job_state import JobProgress, JobState
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from support import TEST_KEY, Router, api_json

pytestmark = pytest.mark.anyio

BATCH_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
RESULTS_URL = f"https://api.anthropic.com/v1/messages/batches/{BATCH_ID}/results"

OVERLOADED = {
    "type": "errored",
    "error": {"type": "error", "error": {"type": "overloaded_error", "message": "busy"}},
}
LINES: List[Dict[str, Any]] = [
    {"custom_id": None, "result": {"type": "expired"}},
    {"custom_id": "as-string", "result": "errored"},
    {"custom_id": "no-type", "result": {}},
    {"custom_id": "no-message", "result": {"type": "succeeded"}},
    {"custom_id": "busy", "result": OVERLOADED},
    {"custom_id": "list-id", "result": {"type": "expired"}},
]
LINES[5]["custom_id"] = ["x"]  # unhashable: must not reach a set or dict


def half_built_batch(**changes: Any) -> Dict[str, Any]:
    batch: Dict[str, Any] = api_json("batch.ended.json")
    batch.update(changes)
    return batch


def router(batch: Dict[str, Any]) -> Router:
    body = b"".join(json.dumps(line).encode() + b"\n" for line in LINES)
    return (
        Router()
        .add("GET", f"/v1/messages/batches/{BATCH_ID}", httpx.Response(200, json=batch))
        .add("GET", f"/v1/messages/batches/{BATCH_ID}/results", httpx.Response(200, content=body))
    )


@pytest.fixture(params=["sync", "asyncio", "trio"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    return "trio" if flavor == "trio" else "asyncio"


class Client:
    def __init__(self, flavor: str, routes: Router) -> None:
        self.is_async = flavor != "sync"
        if self.is_async:
            self.client: Any = AsyncAnthropic(api_key=TEST_KEY, http_client=routes.async_client())
        else:
            self.client = Anthropic(api_key=TEST_KEY, http_client=routes.sync_client())

    async def call(self, target: Any, method: str, *args: Any) -> Any:
        result = getattr(target, method)(*args)
        return (await result) if self.is_async else result

    async def results(self) -> List[MessageBatchIndividualResponse]:
        batches = self.client.messages.batches
        if self.is_async:
            return [entry async for entry in await batches.results(BATCH_ID)]
        return list(batches.results(BATCH_ID))

    async def aclose(self) -> None:
        await self.call(self.client, "close")


@pytest.fixture
async def client(flavor: str) -> AsyncIterator[Client]:
    harness = Client(flavor, router(half_built_batch()))
    yield harness
    await harness.aclose()


async def test_malformed_result_lines_are_counted_not_raised(client: Client) -> None:
    entries = await client.results()
    assert len(entries) == len(LINES)
    assert entries[0].custom_id is None and entries[1].result == "errored"
    summary = summarize(entries, submitted=["as-string", "no-type", "no-message", "busy"])
    also = await asummarize(entries, submitted=["as-string", "no-type", "no-message", "busy"])
    assert summary.to_dict() == also.to_dict()
    assert summary.malformed == 4  # null id, string result, no type, list id
    assert summary.counts["succeeded"] == 1 and summary.counts["errored"] == 1
    assert summary.total == 6 and not summary.ok
    assert summary.missing == []  # lines whose id is readable were seen
    assert "malformed" in summary.describe_failures()


async def test_retryable_requests_skips_lines_it_cannot_match(client: Client) -> None:
    entries = await client.results()
    requests: List[Dict[str, Any]] = [
        {"custom_id": c, "params": {}} for c in ("as-string", "no-type", "busy")
    ]
    assert retryable_requests(entries, requests) == [requests[2]]
    assert retryable_requests(entries, {r["custom_id"]: r for r in requests}) == [requests[2]]


async def test_unwrap_raises_batch_result_error_for_every_unusable_line(client: Client) -> None:
    entries = await client.results()
    seen: List[str] = []
    for entry in entries:
        with pytest.raises(BatchResultError) as info:
            unwrap(entry)
        seen.append(info.value.result_type)
    assert seen == ["expired", "malformed", "malformed", "succeeded", "errored", "expired"]


@pytest.mark.parametrize(
    "changes",
    [
        {"request_counts": None},
        {"request_counts": "many"},
        {"request_counts": {"processing": "x", "succeeded": 2}},
        {"results_url": 5, "processing_status": None},
    ],
)
async def test_job_progress_and_summary_survive_a_half_built_batch(
    flavor: str, changes: Dict[str, Any]
) -> None:
    harness = Client(flavor, router(half_built_batch(**changes)))
    try:
        job = harness.client.messages.batches.job([BATCH_ID])
        progress = await harness.call(job, "progress")
        assert progress.batch_count == 1
        batch = await harness.call(harness.client.messages.batches, "retrieve", BATCH_ID)
        for key, value in changes.items():
            assert getattr(batch, key) == value  # kept as sent, not dropped
        summary = summarize([], batches=[batch])
        if "request_counts" in changes and not isinstance(changes["request_counts"], dict):
            assert summary.unreadable_batches == [BATCH_ID] and summary.mismatches == {}
    finally:
        await harness.aclose()


def test_job_state_and_progress_read_only_integer_counts() -> None:
    batch = MessageBatch.model_construct(id=BATCH_ID, processing_status=7, request_counts=None)
    progress = JobProgress.of([batch])
    assert progress.statuses == {"unknown": 1} and progress.counts == {}
    state = JobState([BATCH_ID])
    state.seen(0, batch)
    assert state.request_counts == [None]  # unknown, not a crash


def test_results_url_of_the_wrong_type_is_kept_in_lenient_mode() -> None:
    batch = MessageBatch.model_validate_json(json.dumps(half_built_batch()))
    assert batch.results_url == RESULTS_URL


async def test_results_of_a_batch_whose_results_url_is_not_a_string_use_the_id_path(
    flavor: str,
) -> None:
    harness = Client(flavor, router(half_built_batch(results_url=5)))
    try:
        entries = await harness.results()
        assert len(entries) == len(LINES)
    finally:
        await harness.aclose()


def test_find_created_batch_skips_half_built_batches() -> None:
    from anthropic import BatchCreateOutcomeUnknownError
    from anthropic._models import parse_json
    from anthropic.lib._find import _Finder

    good = MessageBatch.model_validate_json(json.dumps(half_built_batch()))
    sent_at = good.created_at.timestamp()
    request = httpx.Request("POST", "https://api.anthropic.com/v1/messages/batches")
    error = BatchCreateOutcomeUnknownError(request=request, sent_at=sent_at, request_count=3)
    finder = _Finder(error, skew=60)
    for changes in ({"request_counts": None}, {"created_at": "yesterday"}, {}):
        finder.feed(parse_json(MessageBatch, json.dumps(half_built_batch(**changes))))
    assert finder.best() == good and not finder.done


@pytest.mark.parametrize("body", [b'{"has_more": false}', b'{"data": null}', b'{"data": true}'])
async def test_iterating_a_page_without_a_list_of_items_raises_pagination_error(
    flavor: str, body: bytes
) -> None:
    from anthropic import PaginationError

    routes = Router().add("GET", "/v1/messages/batches", httpx.Response(200, content=body))
    harness = Client(flavor, routes)
    try:
        with pytest.raises(PaginationError, match="not a list"):
            if harness.is_async:
                [item async for item in harness.client.messages.batches.list()]
            else:
                list(harness.client.messages.batches.list())
    finally:
        await harness.aclose()
