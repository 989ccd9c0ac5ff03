"""Retries through the clients: exact sleep schedules, the retry-count header, limits."""

from __future__ import annotations

import email.utils
from typing import Dict, List

import httpx
import pytest
from client_kit import Kit, Model, Recorder

from anthropic import (
    APIConnectionError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    Omit,
    OverloadedError,
    RateLimitError,
)
from support import error_response, fixture_response

NOW = 1_700_000_000.0
OK = httpx.Response(200, json={"ok": True}, headers={"request-id": "req_ok"})


def fail(status: int = 500, **headers: str) -> httpx.Response:
    return error_response(status, "api_error", "nope", **headers)


@pytest.mark.anyio
async def test_default_schedule_is_two_retries_with_full_backoff(kit: Kit) -> None:
    rec = Recorder(fail(), fail(), OK)
    client = kit.client(rec, _random=lambda: 0.0)
    result = await kit.call(client.get, "/v1/x", cast_to=Model)
    assert result.to_dict() == {"ok": True}
    assert kit.delays == [0.5, 1.0]
    assert [h["x-stainless-retry-count"] for h in rec.headers] == ["0", "1", "2"]


@pytest.mark.anyio
async def test_jitter_shortens_by_at_most_a_quarter(kit: Kit) -> None:
    rec = Recorder(fail())
    client = kit.client(rec, max_retries=6, _random=lambda: 1.0)
    with pytest.raises(InternalServerError):
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert kit.delays == [0.375, 0.75, 1.5, 3.0, 6.0, 6.0]
    assert rec.count == 7


@pytest.mark.anyio
async def test_max_retries_zero_sends_once(kit: Kit) -> None:
    rec = Recorder(fail(529))
    client = kit.client(rec, max_retries=0)
    with pytest.raises(OverloadedError):
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.count == 1
    assert kit.delays == []


@pytest.mark.anyio
async def test_per_call_max_retries_via_with_options(kit: Kit) -> None:
    rec = Recorder(fail(503))
    client = kit.client(rec, max_retries=0, _random=lambda: 0.0)
    with pytest.raises(InternalServerError):
        await kit.call(client.with_options(max_retries=3).get, "/v1/x", cast_to=Model)
    assert rec.count == 4
    assert kit.delays == [0.5, 1.0, 2.0]
    # the original client is unchanged
    with pytest.raises(InternalServerError):
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.count == 5


@pytest.mark.anyio
async def test_retries_taken_on_raw_response(kit: Kit) -> None:
    rec = Recorder(fail(429), fail(529), fixture_response("batch.ended.json"))
    client = kit.client(rec, _random=lambda: 0.0)
    raw = await kit.call(client.messages.batches.with_raw_response.retrieve, "msgbatch_1")
    assert raw.retries_taken == 2
    assert raw.status_code == 200
    raw = await kit.call(client.messages.batches.with_raw_response.retrieve, "msgbatch_1")
    assert raw.retries_taken == 0


@pytest.mark.anyio
@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 529])
async def test_retryable_statuses_are_retried(kit: Kit, status: int) -> None:
    rec = Recorder(fail(status), OK)
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.count == 2
    assert kit.delays == [0.5]


@pytest.mark.anyio
@pytest.mark.parametrize("status", [400, 401, 403, 404, 413, 422])
async def test_other_statuses_are_not_retried(kit: Kit, status: int) -> None:
    rec = Recorder(fail(status), OK)
    client = kit.client(rec)
    with pytest.raises(Exception) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert getattr(info.value, "status_code", None) == status
    assert rec.count == 1
    assert kit.delays == []


@pytest.mark.anyio
async def test_x_should_retry_overrides(kit: Kit) -> None:
    rec = Recorder(fail(400, **{"x-should-retry": "true"}), OK)
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.count == 2

    rec2 = Recorder(fail(503, **{"x-should-retry": "false"}), OK)
    client2 = kit.client(rec2)
    with pytest.raises(InternalServerError):
        await kit.call(client2.get, "/v1/x", cast_to=Model)
    assert rec2.count == 1


def http_date(offset: float) -> str:
    return email.utils.formatdate(NOW + offset, usegmt=True)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("headers", "delay"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "1.25"}, 1.25),
        ({"retry-after-ms": "750"}, 0.75),
        ({"retry-after-ms": "750", "retry-after": "30"}, 0.75),
        ({"retry-after": http_date(20)}, 20.0),
        ({"retry-after": "60"}, 60.0),
        ({"retry-after": "0"}, 0.5),
        ({"retry-after": "-5"}, 0.5),
        ({"retry-after": "61"}, 0.5),
        ({"retry-after": "3600"}, 0.5),
        ({"retry-after": http_date(-20)}, 0.5),
        ({"retry-after": http_date(120)}, 0.5),
        ({"retry-after": "soon"}, 0.5),
        ({"retry-after-ms": "garbage"}, 0.5),
    ],
)
async def test_retry_after_variants(kit: Kit, headers: Dict[str, str], delay: float) -> None:
    rec = Recorder(fail(429, **headers), OK)
    client = kit.client(rec, _random=lambda: 0.0, _clock=lambda: NOW)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert kit.delays == [delay]


@pytest.mark.anyio
async def test_rate_limit_error_after_retries_carries_retry_after(kit: Kit) -> None:
    rec = Recorder(fail(429, **{"retry-after": "2"}))
    client = kit.client(rec, max_retries=1)
    with pytest.raises(RateLimitError) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert info.value.retry_after == 2.0
    assert kit.delays == [2.0]


@pytest.mark.anyio
async def test_connection_errors_are_retried_then_translated(kit: Kit) -> None:
    cause = httpx.ConnectError("refused")
    rec = Recorder(cause)
    client = kit.client(rec, _random=lambda: 0.0)
    with pytest.raises(APIConnectionError) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert type(info.value) is APIConnectionError
    assert info.value.__cause__ is cause
    assert rec.count == 3
    assert kit.delays == [0.5, 1.0]


@pytest.mark.anyio
async def test_timeouts_are_retried_then_translated(kit: Kit) -> None:
    cause = httpx.ReadTimeout("slow")
    rec = Recorder(cause, cause, OK)
    client = kit.client(rec, _random=lambda: 0.0)
    assert (await kit.call(client.get, "/v1/x", cast_to=Model)).to_dict() == {"ok": True}
    assert rec.count == 3

    rec2 = Recorder(cause)
    client2 = kit.client(rec2, max_retries=0)
    with pytest.raises(APITimeoutError) as info:
        await kit.call(client2.get, "/v1/x", cast_to=Model)
    assert info.value.__cause__ is cause
    assert rec2.count == 1


@pytest.mark.anyio
async def test_every_retry_resends_the_same_body(kit: Kit) -> None:
    rec = Recorder(fail(), fail(), OK)
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(client.post, "/v1/x", cast_to=Model, body={"a": [1, 2]})
    assert [r.content for r in rec.requests] == [b'{"a":[1,2]}'] * 3
    assert [r.method for r in rec.requests] == ["POST"] * 3


@pytest.mark.anyio
async def test_omitted_retry_count_header_stays_omitted_on_retries(kit: Kit) -> None:
    rec = Recorder(fail(), fail(), OK)
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(
        client.get, "/v1/x", cast_to=Model, extra_headers={"x-stainless-retry-count": Omit()}
    )
    assert [h.get("x-stainless-retry-count") for h in rec.headers] == [None, None, None]


@pytest.mark.anyio
async def test_custom_retry_count_header_is_not_overwritten(kit: Kit) -> None:
    rec = Recorder(fail(), OK)
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(
        client.get, "/v1/x", cast_to=Model, extra_headers={"x-stainless-retry-count": "mine"}
    )
    assert [h["x-stainless-retry-count"] for h in rec.headers] == ["mine", "mine"]


@pytest.mark.anyio
async def test_clock_and_random_are_read_per_decision(kit: Kit) -> None:
    rands: List[float] = [0.0, 1.0]
    rec = Recorder(fail(), fail(), OK)
    client = kit.client(rec, _random=lambda: rands.pop(0))
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert kit.delays == [0.5, 0.75]
    assert rands == []


@pytest.mark.anyio
async def test_bad_request_is_not_retried_even_with_retries_left(kit: Kit) -> None:
    rec = Recorder(fail(400))
    client = kit.client(rec, max_retries=5)
    with pytest.raises(BadRequestError):
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.count == 1
