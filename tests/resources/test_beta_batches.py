"""``client.beta.messages.batches``: the official beta surface, on sync, asyncio and trio.

Code written for the official SDK's beta batches (``betas=[...]``, the beta types at
``anthropic.types.beta.messages``) runs unchanged: every call names the batches beta in
``anthropic-beta`` and sends ``?beta=true`` as the official SDK does, and results lines
parse into ``BetaMessageBatchIndividualResponse`` holding ``BetaMessage`` replies.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, List

import httpx
import pytest
from batches_kit import BATCH_ID, BATCH_PATH, RESULTS_PATH, Api, sent_query

from anthropic.lib import BatchResultError
from anthropic.types import TextBlock
from anthropic.types.beta import BetaMessage, BetaTextBlock, BetaUsage
from anthropic.types.beta.messages import (
    BetaDeletedMessageBatch,
    BetaMessageBatch,
    BetaMessageBatchIndividualResponse,
    BetaMessageBatchRequestCounts,
    BetaMessageBatchSucceededResult,
)
from anthropic.types.messages import MessageBatch
from support import Router, api_json, fixture_response

pytestmark = pytest.mark.anyio

BATCHES = "/v1/messages/batches"
DEFAULT_BETA = "message-batches-2024-09-24"
REQUESTS = [
    {
        "custom_id": "q1",
        "params": {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 16,
            "messages": [{"role": "user", "content": "Hi"}],
        },
    }
]


class BetaApi(Api):
    @property
    def batches(self) -> Any:
        return self.client.beta.messages.batches


@pytest.fixture
async def beta(flavor: str, router: Router) -> AsyncIterator[BetaApi]:
    harness = BetaApi(flavor, router)
    yield harness
    await harness.aclose()


def assert_beta_call(request: httpx.Request, beta: str = DEFAULT_BETA, query: bool = True) -> None:
    assert request.headers["anthropic-beta"] == beta
    assert sent_query(request) == ({"beta": "true"} if query else {})


async def test_create_retrieve_cancel_delete_send_the_beta_and_return_beta_types(
    beta: BetaApi, router: Router
) -> None:
    router.add("POST", BATCHES, fixture_response("batch.in_progress.json"))
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    router.add("POST", f"{BATCH_PATH}/cancel", fixture_response("batch.canceling.json"))
    router.add("DELETE", BATCH_PATH, fixture_response("batch.deleted.json"))

    created = await beta.call("create", requests=REQUESTS)
    retrieved = await beta.call("retrieve", BATCH_ID)
    canceled = await beta.call("cancel", BATCH_ID)
    deleted = await beta.call("delete", BATCH_ID)

    for batch in (created, retrieved, canceled):
        assert type(batch) is BetaMessageBatch
        assert isinstance(batch, MessageBatch)  # usable wherever a MessageBatch is taken
        assert type(batch.request_counts) is BetaMessageBatchRequestCounts
    assert type(deleted) is BetaDeletedMessageBatch
    assert "request_counts=BetaMessageBatchRequestCounts(" in repr(retrieved)
    for request in router.calls:
        assert_beta_call(request)


async def test_betas_are_named_before_the_batches_beta(beta: BetaApi, router: Router) -> None:
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    await beta.call("retrieve", BATCH_ID, betas=["files-api-2025-04-14", "some-future-beta"])
    assert_beta_call(router.only_call(), f"files-api-2025-04-14,some-future-beta,{DEFAULT_BETA}")


async def test_extra_headers_and_query_win_over_the_endpoints(
    beta: BetaApi, router: Router
) -> None:
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    await beta.call(
        "retrieve",
        BATCH_ID,
        betas=["x"],
        extra_headers={"anthropic-beta": "mine"},
        extra_query={"trace": "1"},
    )
    request = router.only_call()
    assert request.headers["anthropic-beta"] == "mine"
    # As the official SDK: another query parameter replaces the ``beta=true`` marker.
    assert sent_query(request) == {"trace": "1"}


async def test_the_beta_marker_goes_only_on_a_request_without_other_query(
    flavor: str, router: Router
) -> None:
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    harness = BetaApi(flavor, router, default_query={"tenant": "t1"})
    try:
        await harness.call("retrieve", BATCH_ID)
    finally:
        await harness.aclose()
    assert sent_query(router.only_call()) == {"tenant": "t1"}


@pytest.mark.parametrize("betas", ["message-batches-2024-09-24", [1], ("a", None)])
async def test_bad_betas_raise_before_any_request(
    beta: BetaApi, router: Router, betas: Any
) -> None:
    with pytest.raises(TypeError, match="betas must be a list of beta names"):
        await beta.call("retrieve", BATCH_ID, betas=betas)
    assert router.calls == []


async def test_list_walks_every_page_on_the_beta_endpoint(beta: BetaApi, router: Router) -> None:
    router.add(
        "GET",
        BATCHES,
        fixture_response("batch.list.page1.json"),
        fixture_response("batch.list.page2.json"),
    )
    batches = await beta.drain(beta.batches.list(limit=2, betas=["b1"]))
    assert len(batches) == 3
    assert all(type(b) is BetaMessageBatch for b in batches)
    assert len(router.calls) == 2
    for request in router.calls:
        assert request.headers["anthropic-beta"] == f"b1,{DEFAULT_BETA}"
        assert "beta" not in sent_query(request)  # the official SDK's wire: limit replaces it
    assert sent_query(router.calls[0]) == {"limit": "2"}
    assert sent_query(router.calls[1])["after_id"]


async def test_list_without_parameters_sends_the_beta_marker(beta: BetaApi, router: Router) -> None:
    router.add("GET", BATCHES, fixture_response("batch.list.page2.json"))
    await beta.drain(beta.batches.list())
    assert_beta_call(router.only_call())


async def test_results_parse_into_beta_messages(beta: BetaApi, router: Router) -> None:
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    router.add("GET", RESULTS_PATH, fixture_response("batch.results.jsonl"))
    handle = beta.batches.results(BATCH_ID, betas=["b1"])
    decoder = await handle if beta.is_async else handle
    lines: List[Any] = await beta.drain(decoder)
    assert all(type(line) is BetaMessageBatchIndividualResponse for line in lines)
    first = lines[0]
    assert type(first.result) is BetaMessageBatchSucceededResult
    message = first.unwrap()
    assert type(message) is BetaMessage
    block = message.content[0]
    assert type(block) is BetaTextBlock and isinstance(block, TextBlock)
    assert block.text == "The capital of France is Paris."
    assert type(message.usage) is BetaUsage
    # Printed as the official SDK prints it (class names and field order).
    assert repr(message).startswith("BetaMessage(id='msg_014VwiXbi91y3JMjcpyGBHX5', container=None")
    assert "content=[BetaTextBlock(citations=None, text='The capital" in repr(message)
    errored = next(line for line in lines if line.result.type == "errored")
    with pytest.raises(BatchResultError) as caught:
        errored.unwrap()
    assert caught.value.custom_id == errored.custom_id and caught.value.error_type
    retrieve, results = router.calls
    assert_beta_call(retrieve)  # as the official SDK: the retrieve names the batches beta only
    # The download goes to ``results_url`` as given, with the beta header only.
    assert_beta_call(results, f"b1,{DEFAULT_BETA}", query=False)
    assert results.headers["accept"] == "application/binary"


async def test_raw_response_parses_into_the_beta_type(beta: BetaApi, router: Router) -> None:
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    response = await beta.raw("retrieve", BATCH_ID)
    parsed = await beta.parse(response)
    assert type(parsed) is BetaMessageBatch
    assert_beta_call(router.only_call())


async def test_workflows_run_on_the_beta_endpoint(beta: BetaApi, router: Router) -> None:
    router.add("POST", BATCHES, fixture_response("batch.in_progress.json"))
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    job = await beta.call("submit", REQUESTS, betas=["b1"])
    batch = await beta.call("wait", BATCH_ID)
    assert batch.processing_status == "ended"
    assert job.batch_ids == [BATCH_ID]
    create, poll = router.calls
    assert_beta_call(create, f"b1,{DEFAULT_BETA}")
    assert_beta_call(poll)


LENIENT_LINES = [
    b'{"custom_id":"a","result":"??"}',
    b'{"custom_id":"b","result":{"type":"succeeded"}}',
    b'{"custom_id":"c","result":{"no_type":1}}',
    b'{"custom_id":"d","result":{"type":"errored","error":"??"}}',
    b'{"custom_id":"e","result":{"type":"brand_new"}}',
]


async def test_unwrap_of_leniently_parsed_lines_raises_batch_result_error(
    beta: BetaApi, router: Router
) -> None:
    router.add("GET", RESULTS_PATH, httpx.Response(200, content=b"\n".join(LENIENT_LINES)))
    handle = beta.batches.results(ended_beta_batch())
    lines: List[Any] = await beta.drain(await handle if beta.is_async else handle)
    assert [line.custom_id for line in lines] == ["a", "b", "c", "d", "e"]
    for line in lines:
        with pytest.raises(BatchResultError):
            line.unwrap()


def ended_beta_batch() -> BetaMessageBatch:
    return BetaMessageBatch.model_validate(api_json("batch.ended.json"))


async def test_streaming_response_parses_into_beta_types(beta: BetaApi, router: Router) -> None:
    router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    async with beta.streaming("retrieve", BATCH_ID) as response:
        assert response.http_response.status_code == 200
        parsed = await beta.parse(response)
    assert type(parsed) is BetaMessageBatch
    assert_beta_call(router.only_call())
