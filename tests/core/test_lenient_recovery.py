"""Lenient parsing keeps what a newer API sends, but never invents an object that is not there."""

from __future__ import annotations

import warnings

import httpx
import pytest

from anthropic import APIResponseValidationError, ResultsDecodeError
from anthropic._core.decode import parse_body
from anthropic._jsonl_stream import LineParser
from anthropic._models import UnusableBody, recover
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse

REQUEST = httpx.Request("GET", "https://api.anthropic.com/v1/messages/batches/x")


def response(body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body, request=REQUEST)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"null", "expected a JSON object, got NoneType"),
        (b"[]", "expected a JSON object, got list"),
        (b"{not json", "not valid JSON"),
        (b"[" * 5000, "not valid JSON"),
    ],
)
def test_a_body_that_cannot_be_the_model_raises_validation_error(body: bytes, reason: str) -> None:
    with pytest.raises(APIResponseValidationError) as info:
        parse_body(MessageBatch, response(body))
    assert "not a MessageBatch" in str(info.value)
    assert reason in str(info.value)


def test_a_batch_with_a_surprising_field_value_is_built_leniently_and_dumps_quietly() -> None:
    body = (
        b'{"id": "msgbatch_1", "type": "message_batch", "processing_status": "ended",'
        b' "request_counts": "not-an-object", "created_at": "2024-09-24T18:37:24Z",'
        b' "expires_at": "2024-09-25T18:37:24Z"}'
    )
    batch = parse_body(MessageBatch, response(body))
    assert batch.id == "msgbatch_1"
    assert batch.request_counts == "not-an-object"  # kept as sent, not dropped
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert batch.to_dict()["request_counts"] == "not-an-object"
        assert '"not-an-object"' in batch.to_json()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"null", "expected a JSON object"),
        (b"5", "expected a JSON object"),
        (b'{"custom_id": "a", "result": ', "not valid JSON"),
        (b"[" * 5000, "not valid JSON"),
    ],
)
def test_a_line_that_cannot_be_a_result_names_its_line_number(line: bytes, reason: str) -> None:
    parser = LineParser(MessageBatchIndividualResponse, response(b""))
    good = b'{"custom_id": "ok", "result": {"type": "expired"}}\n'
    with pytest.raises(ResultsDecodeError) as info:
        list(parser.feed(good + b"\n" + line + b"\n"))
    assert info.value.line_number == 3
    assert reason in str(info.value)


def test_recover_rejects_non_objects_for_models_and_passes_other_types_through() -> None:
    with pytest.raises(UnusableBody):
        recover(MessageBatch, "x")
    assert recover(int, 5) == 5
