"""Errors behave as the official SDK's (0.66) for code that catches them."""

from __future__ import annotations

import typing

import httpx
import pytest
from client_kit import Kit, Recorder

import anthropic
import anthropic._exceptions
from anthropic import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    BatchCreateOutcomeUnknownError,
    InvalidBatchRequestError,
)
from anthropic._exceptions import BatchCreateTimeoutError
from support import api_json, fixture_response

pytestmark = pytest.mark.anyio

REQUESTS = api_json("batch.create.request.json")["requests"]


async def test_a_custom_transports_exception_is_a_connection_error_and_retried(kit: Kit) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise RuntimeError("custom transport boom")

    client = kit.client(handler, max_retries=2)
    with pytest.raises(APIConnectionError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert type(info.value) is APIConnectionError
    assert isinstance(info.value.__cause__, RuntimeError)
    assert "custom transport boom" in str(info.value)
    assert len(calls) == 3  # retried like any connection error
    assert len(kit.delays) == 2


async def test_our_own_errors_from_the_send_path_are_not_wrapped(kit: Kit) -> None:
    loop = httpx.Response(307, headers={"location": "https://api.anthropic.com/loop"})
    client = kit.client(Recorder(loop), max_retries=0)
    with pytest.raises(APIConnectionError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert "redirects" in str(info.value)


async def test_a_create_that_times_out_is_also_an_api_timeout_error(kit: Kit) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ReadTimeout("slow", request=request)

    client = kit.client(handler, max_retries=2)
    with pytest.raises(APITimeoutError) as info:  # official-SDK code catches this
        await kit.call(client.messages.batches.create, requests=REQUESTS)
    err = info.value
    assert isinstance(err, BatchCreateOutcomeUnknownError)  # ours: not re-sent
    assert isinstance(err, BatchCreateTimeoutError)
    assert err.request_count == len(REQUESTS)
    assert isinstance(err.__cause__, httpx.ReadTimeout)
    assert len(calls) == 1


async def test_a_create_cut_without_timeout_is_outcome_unknown_only(kit: Kit) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("cut", request=request)

    client = kit.client(handler)
    with pytest.raises(BatchCreateOutcomeUnknownError) as info:
        await kit.call(client.messages.batches.create, requests=REQUESTS)
    assert not isinstance(info.value, APITimeoutError)


def test_status_classes_state_their_code_on_the_class() -> None:
    expected = {
        anthropic.BadRequestError: 400,
        anthropic.AuthenticationError: 401,
        anthropic.PermissionDeniedError: 403,
        anthropic.NotFoundError: 404,
        anthropic.ConflictError: 409,
        anthropic.RequestTooLargeError: 413,
        anthropic.UnprocessableEntityError: 422,
        anthropic.RateLimitError: 429,
        anthropic.ServiceUnavailableError: 503,
        anthropic.DeadlineExceededError: 504,
        anthropic.OverloadedError: 529,
    }
    for cls, code in expected.items():
        assert cls.status_code == code, cls
        hint = typing.get_type_hints(cls, vars(anthropic._exceptions))["status_code"]
        # typing.Literal and typing_extensions.Literal are distinct on Python 3.9
        assert typing.get_args(hint) == (code,), cls
        assert str(typing.get_origin(hint)).endswith("Literal"), cls


async def test_get_next_page_past_the_end_is_a_runtime_error(kit: Kit) -> None:
    client = kit.client(Recorder(fixture_response("batch.list.page2.json")))
    page = await kit.call(client.messages.batches.list)
    assert not page.has_next_page()
    with pytest.raises(RuntimeError) as info:  # what official-SDK code catches
        await kit.call(page.get_next_page)
    assert isinstance(info.value, anthropic.PaginationError)


@pytest.mark.parametrize(
    "call",
    [
        {"requests": []},
        {"requests": [{"custom_id": "bad id!", "params": REQUESTS[0]["params"]}]},
        {"requests": [REQUESTS[0], REQUESTS[0]]},
    ],
)
async def test_local_validation_errors_are_caught_by_the_documented_catch(
    kit: Kit, call: typing.Dict[str, typing.Any]
) -> None:
    """Official-SDK code catching ``BadRequestError`` adds ``ValueError`` (the README says
    so): our checks run before any I/O, so there is no HTTP response to carry."""
    rec = Recorder()
    client = kit.client(rec)
    try:
        await kit.call(client.messages.batches.create, **call)
    except (BadRequestError, ValueError) as err:
        assert isinstance(err, InvalidBatchRequestError)
        assert not isinstance(err, APIStatusError)
    else:
        raise AssertionError("not raised")
    assert rec.count == 0


async def test_local_limit_and_cursor_checks_are_value_errors(kit: Kit) -> None:
    client = kit.client(Recorder())
    for kwargs in ({"limit": 0}, {"after_id": "a", "before_id": "b"}):
        with pytest.raises(ValueError):
            page = client.messages.batches.list(**kwargs)
            if kit.is_async:
                await page


async def test_an_error_response_with_an_empty_body_has_an_empty_text_body(kit: Kit) -> None:
    # Official SDK 0.66: a bodyless 500 gives err.body == "" (its text), not None.
    client = kit.client(lambda request: httpx.Response(500), max_retries=0)
    with pytest.raises(anthropic.InternalServerError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert info.value.body == ""
    assert info.value.status_code == 500


def test_hand_built_errors_default_messages_are_the_official_ones() -> None:
    # Code that builds these in its own tests (mocks) reads the same default text.
    request = httpx.Request("GET", "https://api.anthropic.com/v1/models")
    response = httpx.Response(200, request=request)
    err = anthropic.APIResponseValidationError(response=response, body={"x": 1})
    assert err.message == str(err) == "Data returned by API invalid for expected schema."
    assert anthropic.APIConnectionError(request=request).message == "Connection error."
