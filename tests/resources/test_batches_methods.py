"""retrieve, cancel, delete and list: the exact request sent and the parsed result."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from batches_kit import BATCH_ID, BATCH_PATH, Api, sent_query

import anthropic
from anthropic.types.messages import DeletedMessageBatch, MessageBatch
from support import TEST_KEY, api_json, error_response, fixture_response

pytestmark = pytest.mark.anyio


def assert_common_headers(request: httpx.Request, *, has_body: bool) -> None:
    assert request.headers["x-api-key"] == TEST_KEY
    assert request.headers["anthropic-version"] == "2023-06-01"
    assert request.headers["accept"] == "application/json"
    assert request.headers["x-stainless-retry-count"] == "0"
    assert "authorization" not in request.headers
    if has_body:
        assert request.headers["content-type"] == "application/json"
    else:
        assert "content-type" not in request.headers
        assert request.content == b""


async def test_retrieve(api: Api) -> None:
    api.router.add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    batch = await api.call("retrieve", BATCH_ID)

    request = api.router.only_call()
    assert request.method == "GET"
    assert str(request.url) == f"https://api.anthropic.com{BATCH_PATH}"
    assert_common_headers(request, has_body=False)
    assert isinstance(batch, MessageBatch)
    assert batch.to_dict(mode="json") == api_json("batch.ended.json")
    assert batch.id == BATCH_ID
    assert batch.processing_status == "ended"
    assert batch.request_counts.succeeded == 2
    assert batch.request_counts.errored == 1
    assert batch.ended_at == dt.datetime(2024, 9, 24, 19, 2, 11, 530442, tzinfo=dt.timezone.utc)
    assert batch._request_id == "req_fixture"


async def test_retrieve_forwards_extra_headers_query_and_timeout(api: Api) -> None:
    api.router.add("GET", BATCH_PATH, fixture_response("batch.in_progress.json"))
    batch = await api.call(
        "retrieve",
        BATCH_ID,
        extra_headers={"x-trace": "t-1", "anthropic-beta": "b1"},
        extra_query={"debug": "1"},
        timeout=7.5,
    )
    request = api.router.only_call()
    assert request.headers["x-trace"] == "t-1"
    assert request.headers["anthropic-beta"] == "b1"
    assert sent_query(request) == {"debug": "1"}
    assert request.extensions["timeout"] == {
        "connect": 7.5,
        "read": 7.5,
        "write": 7.5,
        "pool": 7.5,
    }
    assert batch.processing_status == "in_progress"


async def test_cancel(api: Api) -> None:
    api.router.add("POST", f"{BATCH_PATH}/cancel", fixture_response("batch.canceling.json"))
    batch = await api.call("cancel", BATCH_ID)

    request = api.router.only_call()
    assert request.method == "POST"
    assert request.url.path == f"{BATCH_PATH}/cancel"
    assert sent_query(request) == {}
    assert_common_headers(request, has_body=False)
    assert isinstance(batch, MessageBatch)
    assert batch.to_dict(mode="json") == api_json("batch.canceling.json")
    assert batch.processing_status == "canceling"
    assert batch.cancel_initiated_at == dt.datetime(
        2024, 9, 24, 18, 39, 3, 114875, tzinfo=dt.timezone.utc
    )


async def test_delete(api: Api) -> None:
    api.router.add("DELETE", BATCH_PATH, fixture_response("batch.deleted.json"))
    deleted = await api.call("delete", BATCH_ID)

    request = api.router.only_call()
    assert request.method == "DELETE"
    assert request.url.path == BATCH_PATH
    assert sent_query(request) == {}
    assert_common_headers(request, has_body=False)
    assert isinstance(deleted, DeletedMessageBatch)
    assert (deleted.id, deleted.type) == (BATCH_ID, "message_batch_deleted")


async def test_list_first_page(api: Api) -> None:
    api.router.add("GET", "/v1/messages/batches", fixture_response("batch.list.page1.json"))
    page = await api.call("list", limit=2)

    request = api.router.only_call()
    assert request.method == "GET"
    assert request.url.path == "/v1/messages/batches"
    assert sent_query(request) == {"limit": "2"}
    assert_common_headers(request, has_body=False)
    assert [b.id for b in page.data] == [
        "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF",
        "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d",
    ]
    assert all(isinstance(b, MessageBatch) for b in page.data)
    assert page.has_more is True
    assert page.first_id == "msgbatch_013Zva2CMHLNnXjNJJKqJ2EF"
    assert page.last_id == "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"


@pytest.mark.parametrize(
    ("kwargs", "query"),
    [
        ({}, {}),
        ({"limit": 1}, {"limit": "1"}),
        ({"limit": 1000}, {"limit": "1000"}),
        ({"after_id": "msgbatch_a"}, {"after_id": "msgbatch_a"}),
        ({"before_id": "msgbatch_b", "limit": 5}, {"before_id": "msgbatch_b", "limit": "5"}),
    ],
)
async def test_list_query(api: Api, kwargs: dict[str, object], query: dict[str, str]) -> None:
    api.router.add("GET", "/v1/messages/batches", fixture_response("batch.list.empty.json"))
    page = await api.call("list", **kwargs)
    assert sent_query(api.router.only_call()) == query
    assert page.data == []
    assert (page.has_more, page.first_id, page.last_id) == (False, None, None)


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"limit": -5}, "limit"),
        ({"limit": True}, "limit"),
        ({"limit": "10"}, "limit"),
        ({"limit": 2.0}, "limit"),
        ({"after_id": ""}, "after_id"),
        ({"before_id": ""}, "before_id"),
        ({"after_id": "msgbatch_a", "before_id": "msgbatch_b"}, "not both"),
    ],
)
async def test_list_local_validation(api: Api, kwargs: dict[str, object], needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        await api.call("list", **kwargs)
    assert api.router.calls == []


@pytest.mark.parametrize(
    ("status", "kind", "exc_type"),
    [
        (404, "not_found_error", anthropic.NotFoundError),
        (401, "authentication_error", anthropic.AuthenticationError),
        (400, "invalid_request_error", anthropic.BadRequestError),
    ],
)
async def test_error_status_maps_to_typed_error(
    api: Api, status: int, kind: str, exc_type: type[anthropic.APIStatusError]
) -> None:
    api.router.add("GET", BATCH_PATH, error_response(status, kind, "nope"))
    with pytest.raises(exc_type) as info:
        await api.call("retrieve", BATCH_ID)
    assert info.value.status_code == status
    assert info.value.request_id == "req_err"
    assert len(api.router.calls) == 1  # 4xx (other than 408/409/429) is not retried


async def test_auth_token_is_sent_as_bearer(flavor: str) -> None:
    from batches_kit import Api as Harness

    from support import Router

    router = Router().add("GET", BATCH_PATH, fixture_response("batch.ended.json"))
    api = Harness(flavor, router, api_key=None, auth_token="tok-123")
    try:
        await api.call("retrieve", BATCH_ID)
    finally:
        await api.aclose()
    request = router.only_call()
    assert request.headers["authorization"] == "Bearer tok-123"
    assert "x-api-key" not in request.headers
