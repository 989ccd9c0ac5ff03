"""Each status's error class and attributes through the clients; httpx errors translated."""

from __future__ import annotations

import httpx
import pytest
from client_kit import Kit, Model, Recorder

from anthropic import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeadlineExceededError,
    InternalServerError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    RequestTooLargeError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from support import api_bytes, api_json, fixture_response

GOLDEN = [
    ("errors/400.invalid_request_error.json", BadRequestError),
    ("errors/401.authentication_error.json", AuthenticationError),
    ("errors/403.permission_error.json", PermissionDeniedError),
    ("errors/404.not_found_error.json", NotFoundError),
    ("errors/413.request_too_large.json", RequestTooLargeError),
    ("errors/429.rate_limit_error.json", RateLimitError),
    ("errors/500.api_error.json", InternalServerError),
    ("errors/529.overloaded_error.json", OverloadedError),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("name", "cls"), GOLDEN)
async def test_golden_error_bodies(kit: Kit, name: str, cls: type) -> None:
    status = int(name.split("/")[1].split(".")[0])
    rec = Recorder(fixture_response(name, status, **{"request-id": "req_golden"}))
    client = kit.client(rec, max_retries=0)
    with pytest.raises(cls) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_missing")
    err = info.value
    body = api_json(name)
    assert type(err) is cls
    assert err.status_code == status
    assert err.body == body
    assert err.type == body["error"]["type"]
    assert err.message == body["error"]["message"]
    assert err.request_id == "req_golden"
    assert err.response.status_code == status
    assert err.response.content == api_bytes(name)
    assert err.request.url.path == "/v1/messages/batches/msgbatch_missing"
    assert str(err) == f"{status} {err.type}: {err.message} (request_id: req_golden)"


@pytest.mark.anyio
async def test_not_found_error_string(kit: Kit) -> None:
    rec = Recorder(fixture_response("errors/404.not_found_error.json", 404))
    client = kit.client(rec)
    with pytest.raises(NotFoundError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_missing")
    assert str(info.value) == (
        "404 not_found_error: No message batch found with id 'msgbatch_missing'. "
        "(request_id: req_fixture)"
    )


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (503, ServiceUnavailableError),
        (504, DeadlineExceededError),
        (418, APIStatusError),
    ],
)
async def test_other_statuses(kit: Kit, status: int, cls: type) -> None:
    body = {"type": "error", "error": {"type": "x_error", "message": "said so"}}
    rec = Recorder(httpx.Response(status, json=body, headers={"retry-after": "4"}))
    client = kit.client(rec, max_retries=0)
    with pytest.raises(cls) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    err = info.value
    assert type(err) is cls
    assert (err.status_code, err.type, err.message, err.retry_after) == (
        status,
        "x_error",
        "said so",
        4.0,
    )
    assert err.request_id is None
    assert str(err) == f"{status} x_error: said so"


@pytest.mark.anyio
async def test_text_error_body(kit: Kit) -> None:
    rec = Recorder(httpx.Response(502, text="<h1>Bad Gateway</h1>", headers={"request-id": "r"}))
    client = kit.client(rec, max_retries=0)
    with pytest.raises(InternalServerError) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert info.value.body == "<h1>Bad Gateway</h1>"
    assert info.value.type is None
    assert str(info.value) == "502: <h1>Bad Gateway</h1> (request_id: r)"


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("exc", "cls"),
    [
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.ReadError("reset"), APIConnectionError),
        (httpx.RemoteProtocolError("bad"), APIConnectionError),
        (httpx.UnsupportedProtocol("gopher"), APIConnectionError),
        (httpx.ConnectTimeout("slow"), APITimeoutError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.WriteTimeout("slow"), APITimeoutError),
        (httpx.PoolTimeout("slow"), APITimeoutError),
    ],
)
async def test_httpx_exceptions_never_escape(kit: Kit, exc: Exception, cls: type) -> None:
    rec = Recorder(exc)
    client = kit.client(rec, max_retries=0)
    with pytest.raises(cls) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    err = info.value
    assert type(err) is cls
    assert err.__cause__ is exc
    assert err.request.url.path == "/v1/messages/batches/msgbatch_1"
    assert err.body is None
    assert not isinstance(err, httpx.HTTPError)


@pytest.mark.anyio
async def test_invalid_json_body_on_success(kit: Kit) -> None:
    rec = Recorder(httpx.Response(200, text="not json", headers={"request-id": "req_v"}))
    client = kit.client(rec)
    with pytest.raises(APIResponseValidationError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert (info.value.status_code, info.value.request_id, info.value.body) == (
        200,
        "req_v",
        "not json",
    )
    assert rec.count == 1  # not retried


@pytest.mark.anyio
async def test_models_carry_request_id(kit: Kit) -> None:
    rec = Recorder(fixture_response("batch.ended.json", **{"request-id": "req_abc"}))
    client = kit.client(rec)
    batch = await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert batch._request_id == "req_abc"
    assert batch.id == api_json("batch.ended.json")["id"]
    assert batch.request_counts._request_id is None
    model = await kit.call(client.get, "/v1/x", cast_to=Model)
    assert model._request_id == "req_abc"
