"""The status → error class table, the error attributes and messages (pure)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import anthropic
from anthropic import (
    AnthropicError,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeadlineExceededError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    RequestTooLargeError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from anthropic._core.decode import decode_body, error_message, parse_body, status_error
from anthropic._exceptions import status_error_class
from support import api_bytes, api_json

NOW = 1_700_000_000.0  # the clock the client would pass

TABLE = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (402, APIStatusError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (405, APIStatusError),
    (408, APIStatusError),
    (409, ConflictError),
    (413, RequestTooLargeError),
    (418, APIStatusError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (501, InternalServerError),
    (502, InternalServerError),
    (503, ServiceUnavailableError),
    (504, DeadlineExceededError),
    (529, OverloadedError),
    (599, InternalServerError),
]


@pytest.mark.parametrize(("status", "cls"), TABLE)
def test_status_error_class(status: int, cls: type) -> None:
    assert status_error_class(status) is cls


def test_hierarchy() -> None:
    for _, cls in TABLE:
        assert issubclass(cls, APIStatusError)
    for cls in (ServiceUnavailableError, DeadlineExceededError, OverloadedError):
        assert issubclass(cls, InternalServerError)
    assert issubclass(APIStatusError, APIError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, APIError)
    assert issubclass(APIResponseValidationError, APIError)
    assert issubclass(APIError, AnthropicError)
    assert issubclass(MissingCredentialsError, AnthropicError)
    assert issubclass(MissingCredentialsError, TypeError)
    assert not issubclass(APIConnectionError, APIStatusError)


def test_all_error_classes_are_exported() -> None:
    for _, cls in TABLE:
        assert getattr(anthropic, cls.__name__) is cls


FIXTURES = [
    ("400.invalid_request_error.json", BadRequestError),
    ("401.authentication_error.json", AuthenticationError),
    ("403.permission_error.json", PermissionDeniedError),
    ("404.not_found_error.json", NotFoundError),
    ("413.request_too_large.json", RequestTooLargeError),
    ("429.rate_limit_error.json", RateLimitError),
    ("500.api_error.json", InternalServerError),
    ("529.overloaded_error.json", OverloadedError),
]


def response(status: int, content: bytes, **headers: str) -> httpx.Response:
    request = httpx.Request("GET", "https://api.anthropic.com/v1/messages/batches/x")
    return httpx.Response(status, content=content, headers=headers, request=request)


@pytest.mark.parametrize(("name", "cls"), FIXTURES)
def test_status_error_from_golden_fixture(name: str, cls: type) -> None:
    status = int(name.split(".")[0])
    body = api_json(f"errors/{name}")
    resp = response(status, api_bytes(f"errors/{name}"), **{"request-id": "req_hdr"})
    err = status_error(resp, NOW)
    assert type(err) is cls
    assert err.status_code == status
    assert err.response is resp
    assert err.request is resp.request
    assert err.body == body
    assert err.type == body["error"]["type"]
    assert err.message == body["error"]["message"]
    assert err.request_id == "req_hdr"
    assert err.retry_after is None
    assert str(err) == f"{status} {err.type}: {err.message} (request_id: req_hdr)"


def test_str_of_a_not_found_error() -> None:
    resp = response(404, api_bytes("errors/404.not_found_error.json"), **{"request-id": "req_1"})
    assert str(status_error(resp, NOW)) == (
        "404 not_found_error: No message batch found with id 'msgbatch_missing'. "
        "(request_id: req_1)"
    )


def test_retry_after_attribute() -> None:
    resp = response(429, b"{}", **{"retry-after": "12"})
    assert status_error(resp, NOW).retry_after == 12.0
    resp = response(529, b"{}", **{"retry-after-ms": "250"})
    assert status_error(resp, NOW).retry_after == 0.25


@pytest.mark.parametrize(
    ("content", "body", "message", "text"),
    [
        (b"Bad Gateway", "Bad Gateway", "Bad Gateway", "502: Bad Gateway"),
        (b"", "", "Error code: 502", "502: Error code: 502"),  # "" as the official SDK
        (b"   ", "   ", "Error code: 502", "502: Error code: 502"),
        (b'{"detail": "x"}', {"detail": "x"}, '{"detail": "x"}', '502: {"detail": "x"}'),
        (b'["a"]', ["a"], "Error code: 502", "502: Error code: 502"),
        (
            b'{"error": {"type": "api_error", "message": ""}}',
            {"error": {"type": "api_error", "message": ""}},
            '{"error": {"type": "api_error", "message": ""}}',
            '502 api_error: {"error": {"type": "api_error", "message": ""}}',
        ),
    ],
)
def test_non_standard_error_bodies(content: bytes, body: Any, message: str, text: str) -> None:
    err = status_error(response(502, content), NOW)
    assert type(err) is InternalServerError
    assert err.body == body
    assert err.message == message
    assert err.request_id is None
    assert str(err) == text


def test_decode_body_invalid_utf8_is_replaced() -> None:
    assert decode_body(b"\xff oops") == "\ufffd oops"


def test_error_message_truncates_long_text() -> None:
    assert error_message(500, "x" * 5000) == "x" * 2000


def test_missing_credentials_message_names_every_way_to_fix_it() -> None:
    text = str(MissingCredentialsError())
    for part in ("api_key", "auth_token", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"):
        assert part in text


def test_parse_body_attaches_request_id() -> None:
    from anthropic.types.messages import MessageBatch

    resp = response(200, api_bytes("batch.ended.json"), **{"request-id": "req_ok"})
    batch = parse_body(MessageBatch, resp)
    assert batch._request_id == "req_ok"
    assert batch.id == api_json("batch.ended.json")["id"]


def test_parse_body_rejects_non_json_with_validation_error() -> None:
    from anthropic.types.messages import MessageBatch

    resp = response(200, b"<html>", **{"request-id": "req_bad"})
    with pytest.raises(APIResponseValidationError) as info:
        parse_body(MessageBatch, resp)
    err = info.value
    assert (err.status_code, err.request_id, err.body, err.response) == (
        200,
        "req_bad",
        "<html>",
        resp,
    )
    assert err.__cause__ is None


def test_request_id_falls_back_to_the_error_body_when_the_header_is_missing() -> None:
    import httpx

    from anthropic._core.decode import status_error

    request = httpx.Request("GET", "https://api.anthropic.com/v1/messages/batches/x")
    body = (
        b'{"type":"error","error":{"type":"not_found_error","message":"nope"},'
        b'"request_id":"req_body"}'
    )
    response = httpx.Response(404, content=body, request=request)
    err = status_error(response, NOW)
    assert err.request_id == "req_body"
    assert str(err) == "404 not_found_error: nope (request_id: req_body)"


def test_retry_after_http_date_uses_the_clients_clock() -> None:
    """An HTTP-date retry-after is measured against the injected clock, not the wall clock."""
    import email.utils

    when = email.utils.formatdate(NOW + 30, usegmt=True)
    resp = httpx.Response(
        429,
        headers={"retry-after": when},
        request=httpx.Request("GET", "https://api.anthropic.com/v1/x"),
    )
    assert status_error(resp, NOW).retry_after == 30.0


def test_client_error_retry_after_follows_injected_clock() -> None:
    import email.utils

    when = email.utils.formatdate(NOW + 20, usegmt=True)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"retry-after": when}, json={"type": "error"})

    client = anthropic.Anthropic(
        api_key="sk-test",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        _clock=lambda: NOW,
    )
    with pytest.raises(anthropic.RateLimitError) as info:
        client.messages.batches.retrieve("msgbatch_1")
    assert info.value.retry_after == 20.0
