"""The one parsing rule (``anthropic._models``): lenient by default, strict on request,
and whatever the bytes, only our typed errors come out.

- error bodies: ``APIStatusError`` (the class of the status) whatever the body holds;
- 2xx bodies: the model, or ``APIResponseValidationError``;
- results lines: the model, or ``ResultsDecodeError`` (an ``APIResponseValidationError``).
"""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, List

import httpx
import pytest

from anthropic import (
    Anthropic,
    APIResponseValidationError,
    AsyncAnthropic,
    BadRequestError,
    InternalServerError,
    ResultsDecodeError,
)
from anthropic._core.decode import parse_body, status_error
from anthropic._jsonl_stream import LineParser
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from support import TEST_KEY, Router, api_bytes, api_json

BATCH_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"
REQUEST = httpx.Request("GET", f"https://api.anthropic.com/v1/messages/batches/{BATCH_ID}")
DEEP = [b"[" * 5000, b"[" * 5000 + b"]" * 5000, b'{"error": ' + b"[" * 3000 + b"]" * 3000 + b"}"]


def response(body: bytes, status: int = 200) -> httpx.Response:
    return httpx.Response(status, content=body, request=REQUEST)


def batch_json(**changes: Any) -> bytes:
    batch = api_json("batch.ended.json")
    batch.update(changes)
    return json.dumps(batch).encode()


@pytest.mark.parametrize("body", DEEP)
@pytest.mark.parametrize(("status", "cls"), [(400, BadRequestError), (500, InternalServerError)])
def test_a_deeply_nested_error_body_is_still_the_status_error(
    body: bytes, status: int, cls: type
) -> None:
    error = status_error(response(body, status), now=0.0)
    assert type(error) is cls and error.status_code == status
    assert isinstance(error.body, str)  # kept as text: too deep to decode


@pytest.mark.parametrize("body", DEEP)
@pytest.mark.parametrize("strict", [False, True])
def test_a_deeply_nested_2xx_body_is_a_validation_error(body: bytes, strict: bool) -> None:
    with pytest.raises(APIResponseValidationError):
        parse_body(MessageBatch, response(body), strict=strict)


@pytest.mark.parametrize(
    "changes",
    [
        {"request_counts": None},
        {"results_url": 5},
        {"id": 5},
        {"created_at": "yesterday"},
    ],
)
def test_lenient_keeps_what_was_sent_and_strict_names_the_field(changes: dict[str, Any]) -> None:
    body = batch_json(**changes)
    batch = parse_body(MessageBatch, response(body))
    ((field, value),) = changes.items()
    assert getattr(batch, field) == value
    with pytest.raises(APIResponseValidationError) as info:
        parse_body(MessageBatch, response(body), strict=True)
    assert field in str(info.value)


@pytest.mark.parametrize("strict", [False, True])
def test_new_enum_values_parse_in_both_modes(strict: bool) -> None:
    batch = parse_body(
        MessageBatch, response(batch_json(processing_status="archiving")), strict=strict
    )
    assert batch.processing_status == "archiving"


def test_a_missing_field_reads_as_none_in_lenient_mode_and_raises_in_strict() -> None:
    batch = parse_body(MessageBatch, response(b'{"id": "msgbatch_x", "new": 1}'))
    assert batch.id == "msgbatch_x" and batch.request_counts is None
    assert batch.processing_status is None and batch.to_dict() == {"id": "msgbatch_x", "new": 1}
    with pytest.raises(APIResponseValidationError, match="created_at: Field required"):
        parse_body(MessageBatch, response(b'{"id": "msgbatch_x"}'), strict=True)


def test_strict_accepts_the_golden_bodies() -> None:
    batch = parse_body(MessageBatch, response(api_bytes("batch.ended.json")), strict=True)
    assert batch.processing_status == "ended"
    parser = LineParser(MessageBatchIndividualResponse, response(b""), strict=True)
    entries = list(parser.feed(api_bytes("batch.results.jsonl"))) + parser.finish()
    assert entries and all(isinstance(e.custom_id, str) for e in entries)


@pytest.mark.parametrize(
    "line",
    [
        b'{"custom_id": null, "result": {"type": "expired"}}',
        b'{"custom_id": "a", "result": "errored"}',
        b'{"result": {"type": "canceled"}}',
    ],
)
def test_a_half_built_result_line_is_lenient_by_default_and_an_error_when_strict(
    line: bytes,
) -> None:
    (entry,) = LineParser(MessageBatchIndividualResponse, response(b"")).feed(line + b"\n")
    assert isinstance(entry, MessageBatchIndividualResponse)
    strict = LineParser(MessageBatchIndividualResponse, response(b""), strict=True)
    with pytest.raises(ResultsDecodeError) as info:
        list(strict.feed(line + b"\n"))
    assert info.value.line_number == 1


def test_str_prints_like_repr_as_the_official_models() -> None:
    batch = MessageBatch.model_validate_json(api_bytes("batch.ended.json"))
    assert str(batch.request_counts) == repr(batch.request_counts)
    assert str(batch).startswith("MessageBatch(id='msgbatch_")


# The same through the clients: sync, asyncio and trio.


@pytest.fixture(params=["sync", "asyncio", "trio"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    return "trio" if flavor == "trio" else "asyncio"


@pytest.fixture
async def routes() -> AsyncIterator[Router]:
    yield Router()


async def call(flavor: str, routes: Router, method: str, *args: Any, strict: bool = False) -> Any:
    options: Any = {"_strict_response_validation": True} if strict else {}
    if flavor == "sync":
        with Anthropic(
            api_key=TEST_KEY, http_client=routes.sync_client(), max_retries=0, **options
        ) as c:
            result = getattr(c.messages.batches, method)(*args)
            return list(result) if method == "results" else result
    async with AsyncAnthropic(
        api_key=TEST_KEY, http_client=routes.async_client(), max_retries=0, **options
    ) as ac:
        if method == "results":
            return [entry async for entry in await ac.messages.batches.results(*args)]
        return await getattr(ac.messages.batches, method)(*args)


@pytest.mark.anyio
@pytest.mark.parametrize("body", DEEP)
async def test_clients_raise_typed_errors_for_deeply_nested_bodies(
    flavor: str, routes: Router, body: bytes
) -> None:
    path = f"/v1/messages/batches/{BATCH_ID}"
    routes.add("GET", path, httpx.Response(400, content=body))
    with pytest.raises(BadRequestError):
        await call(flavor, routes, "retrieve", BATCH_ID)
    routes.routes.clear()
    routes.add("GET", path, httpx.Response(200, content=body))
    with pytest.raises(APIResponseValidationError):
        await call(flavor, routes, "retrieve", BATCH_ID)
    routes.routes.clear()
    ended = json.loads(batch_json())
    ended["results_url"] = f"https://api.anthropic.com{path}/results"
    routes.add("GET", path, httpx.Response(200, json=ended))
    routes.add("GET", f"{path}/results", httpx.Response(200, content=body + b"\n"))
    with pytest.raises(ResultsDecodeError):
        await call(flavor, routes, "results", BATCH_ID)


@pytest.mark.anyio
async def test_clients_build_half_built_batches_leniently(flavor: str, routes: Router) -> None:
    body = batch_json(request_counts=None, results_url=5)
    routes.add("GET", f"/v1/messages/batches/{BATCH_ID}", httpx.Response(200, content=body))
    batch = await call(flavor, routes, "retrieve", BATCH_ID)
    assert (batch.request_counts, batch.results_url, batch._request_id) == (None, 5, None)
    seen: List[Any] = [batch.id]
    assert seen == [BATCH_ID]


@pytest.mark.anyio
async def test_the_clients_strict_switch_applies_the_strict_rule(
    flavor: str, routes: Router
) -> None:
    path = f"/v1/messages/batches/{BATCH_ID}"
    ended = json.loads(batch_json(processing_status="archiving"))  # a newer status: fine
    ended["results_url"] = f"https://api.anthropic.com{path}/results"
    routes.add("GET", path, httpx.Response(200, json=ended))
    lines = b'{"custom_id": "a", "result": {"type": "expired"}}\n{"custom_id": null}\n'
    routes.add("GET", f"{path}/results", httpx.Response(200, content=lines))
    batch = await call(flavor, routes, "retrieve", BATCH_ID, strict=True)
    assert batch.processing_status == "archiving"
    ended["processing_status"] = "ended"
    routes.routes[("GET", path)] = [httpx.Response(200, json=ended)]
    with pytest.raises(ResultsDecodeError) as info:
        await call(flavor, routes, "results", BATCH_ID, strict=True)
    assert info.value.line_number == 2 and "custom_id" in str(info.value)
    lenient = await call(flavor, routes, "results", BATCH_ID)
    assert [entry.custom_id for entry in lenient] == ["a", None]
    routes.routes[("GET", path)] = [httpx.Response(200, content=batch_json(request_counts=None))]
    with pytest.raises(APIResponseValidationError, match="request_counts"):
        await call(flavor, routes, "retrieve", BATCH_ID, strict=True)


@pytest.mark.parametrize("event", ["message_start", "content_block_delta", "error"])
@pytest.mark.parametrize("data", [b"[" * 5000, b"[" * 5000 + b"]" * 5000, b"{oops"])
def test_a_stream_event_of_any_content_raises_a_typed_error(event: str, data: bytes) -> None:
    from anthropic import APIStatusError
    from anthropic._streaming import MessageEventDecoder

    sse = b"event: " + event.encode() + b"\ndata: " + data + b"\n\n"
    decoder = MessageEventDecoder(response(b""))
    expected = APIStatusError if event == "error" else APIResponseValidationError
    with pytest.raises(expected):
        list(decoder.feed(sse))


@pytest.mark.anyio
@pytest.mark.parametrize("to", [dict, list, object])
async def test_raw_parse_to_json_types_of_a_deep_body_is_a_validation_error(
    flavor: str, routes: Router, to: type
) -> None:
    routes.add("GET", f"/v1/messages/batches/{BATCH_ID}", httpx.Response(200, content=DEEP[0]))
    if flavor == "sync":
        with Anthropic(api_key=TEST_KEY, http_client=routes.sync_client()) as client:
            raw = client.messages.batches.with_raw_response.retrieve(BATCH_ID)
            with pytest.raises(APIResponseValidationError):
                raw.parse(to=to)
    else:
        async with AsyncAnthropic(api_key=TEST_KEY, http_client=routes.async_client()) as ac:
            raw = await ac.messages.batches.with_raw_response.retrieve(BATCH_ID)
            with pytest.raises(APIResponseValidationError):
                raw.parse(to=to)
