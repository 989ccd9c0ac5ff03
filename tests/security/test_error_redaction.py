"""Errors we raise are safe to log and to pickle (issue 11, item 3).

httpx masks only ``Authorization`` in a ``repr`` of headers, so before the fix
``repr(err.request.headers)`` showed ``x-api-key`` and ``pickle.dumps(err)`` held the key
(and most of our errors could not be unpickled at all: their constructors take
keyword-only arguments).
"""

from __future__ import annotations

import json
import logging
import pickle
from typing import Any, List

import httpx
import pytest
from reliability_kit import Rig, make_requests

import anthropic
from anthropic import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    BatchCreateOutcomeUnknownError,
    NotFoundError,
    ResultsDecodeError,
)
from anthropic._exceptions import (
    BatchNotEndedError,
    BatchResultError,
    MissingCredentialsError,
    PaginationError,
)
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, api_json, error_response

TOKEN = "tok-SECRET-bearer-4242424242"
COOKIE = "session=SECRET-cookie-77"
SECRETS = (TEST_KEY, TOKEN, COOKIE)


def client_on(rig: Rig, handler: Any, **kwargs: Any) -> Any:
    cls = httpx.AsyncClient if rig.is_async else httpx.Client
    http = cls(transport=httpx.MockTransport(handler), headers={"cookie": COOKIE})
    kwargs.setdefault("max_retries", 0)
    return rig.client(base_url="https://api.example", auth_token=TOKEN, http_client=http, **kwargs)


def assert_safe(err: BaseException) -> None:
    """No secret in the error's text, its repr, its request's headers or its pickle."""
    texts = [str(err), repr(err)]
    request = getattr(err, "request", None)
    if request is not None:
        texts += [repr(request.headers), repr(dict(request.headers)), repr(request)]
        assert request.headers["x-api-key"] == "***"
        assert request.headers["authorization"] == "***"
        assert request.headers["cookie"] == "***"
    response = getattr(err, "response", None)
    if response is not None:
        texts += [repr(response.request.headers), repr(dict(response.request.headers))]
    blob = pickle.dumps(err)
    for secret in SECRETS:
        assert all(secret not in text for text in texts), secret
        assert secret.encode() not in blob, secret
    again = pickle.loads(blob)
    assert type(again) is type(err)
    assert str(again) == str(err)
    assert again.__dict__.keys() == err.__dict__.keys()


@pytest.mark.anyio
async def test_status_error_carries_a_redacted_request(rig: Rig) -> None:
    client = client_on(rig, lambda r: error_response(404, "not_found_error", "no such batch"))
    with pytest.raises(NotFoundError) as info:
        await rig.call(client.messages.batches.retrieve, "msgbatch_x")
    err = info.value
    assert_safe(err)
    assert err.response.request is err.request
    assert err.request.url == "https://api.example/v1/messages/batches/msgbatch_x"
    assert err.request.headers["anthropic-version"] == "2023-06-01"  # the rest is kept
    again = pickle.loads(pickle.dumps(err))
    assert (again.status_code, again.type, again.request_id) == (404, "not_found_error", "req_err")
    assert again.response.status_code == 404 and again.body == err.body


@pytest.mark.anyio
async def test_connection_error_carries_a_redacted_request(rig: Rig) -> None:
    def drop(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    client = client_on(rig, drop)
    with pytest.raises(APIConnectionError) as info:
        await rig.call(client.messages.batches.list)
    assert_safe(info.value)


@pytest.mark.anyio
async def test_outcome_unknown_carries_a_redacted_request_and_its_body(rig: Rig) -> None:
    def cut(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("server disconnected")

    client = client_on(rig, cut)
    with pytest.raises(BatchCreateOutcomeUnknownError) as info:
        await rig.call(client.messages.batches.create, requests=make_requests(2))
    err = info.value
    assert_safe(err)
    assert json.loads(err.request.content)["requests"][0]["custom_id"] == "req-0"
    again = pickle.loads(pickle.dumps(err))
    assert (again.sent_at, again.request_count) == (err.sent_at, 2)


@pytest.mark.anyio
async def test_validation_and_results_errors_are_redacted(rig: Rig) -> None:
    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/results"):
            return httpx.Response(
                200, content=b'{"custom_id": "a", "result": {"type": "x"}}\nnot json\n'
            )
        return httpx.Response(200, content=b"[1, 2]")

    client = client_on(rig, reply)
    with pytest.raises(APIResponseValidationError) as info:
        await rig.call(client.messages.batches.retrieve, "msgbatch_x")
    assert_safe(info.value)
    batch = MessageBatch.model_validate(api_json("batch.ended.json"))
    seen: List[Any] = []
    with pytest.raises(ResultsDecodeError) as decode_info:
        await rig.results(client, batch, seen)
    assert_safe(decode_info.value)
    assert pickle.loads(pickle.dumps(decode_info.value)).line_number == 2


def test_every_error_class_round_trips_through_pickle() -> None:
    request = httpx.Request("GET", "https://api.example/x", headers={"x-api-key": TEST_KEY})
    response = httpx.Response(500, json={"error": {"type": "api_error"}}, request=request)
    batch = MessageBatch.model_validate(
        api_json("batch.ended.json") | {"processing_status": "in_progress"}
    )
    errors: List[BaseException] = [
        MissingCredentialsError(),
        BatchNotEndedError(batch),
        BatchResultError("c", "errored", "overloaded_error", "busy"),
        PaginationError("no cursor"),
        APIStatusError("boom", response=response, body=None),
        anthropic.APITimeoutError(request),
    ]
    for err in errors:
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err) and str(again) == str(err)
        assert TEST_KEY.encode() not in pickle.dumps(err)


def test_redact_request_masks_credentials_and_shares_the_body() -> None:
    from anthropic._core.credentials import redact_request

    body = b'{"requests": []}' * 1000
    request = httpx.Request(
        "POST",
        "https://api.example/v1/messages/batches",
        headers={"x-api-key": TEST_KEY, "Authorization": f"Bearer {TOKEN}", "x-other": "kept"},
        content=body,
    )
    clean = redact_request(request)
    assert clean.headers["x-api-key"] == "***" and clean.headers["authorization"] == "***"
    assert clean.headers["x-other"] == "kept" and clean.content is request.content
    assert request.headers["x-api-key"] == TEST_KEY  # the original is untouched
    plain = httpx.Request("GET", "https://api.example/")
    assert redact_request(plain) is plain


@pytest.mark.anyio
async def test_logging_an_error_with_its_request_shows_no_secret(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    client = client_on(rig, lambda r: error_response(401, "authentication_error"))
    with pytest.raises(APIStatusError) as info:
        await rig.call(client.messages.batches.list)
    logger = logging.getLogger("user.app")
    with caplog.at_level(logging.ERROR, logger="user.app"):
        logger.error("failed: %r headers=%r", info.value, info.value.request.headers)
        logger.exception("with traceback", exc_info=info.value)
    for secret in SECRETS:
        assert secret not in caplog.text
