"""Every golden fixture parses into its model and round-trips through ``to_dict`` unchanged."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from anthropic._models import BaseModel
from anthropic.types import ErrorResponse, Message, MessageCreateParamsNonStreaming
from anthropic.types.messages import (
    BatchCreateParams,
    DeletedMessageBatch,
    MessageBatch,
    MessageBatchIndividualResponse,
)
from anthropic.types.messages.batch_create_params import Request
from support import FIXTURES_DIR

BATCH_FILES = ["batch.in_progress.json", "batch.canceling.json", "batch.ended.json"]
LIST_FILES = ["batch.list.page1.json", "batch.list.page2.json", "batch.list.empty.json"]
ERROR_FILES = sorted(p.name for p in (FIXTURES_DIR / "errors").glob("*.json"))
RESULT_LINES = (FIXTURES_DIR / "batch.results.jsonl").read_bytes().splitlines()


def _roundtrip(model: type[BaseModel], raw: bytes) -> BaseModel:
    parsed = model.model_validate_json(raw)
    assert parsed.to_dict(mode="json") == json.loads(raw)
    return parsed


# Reference fixtures for endpoints this SDK has no client for (it covers Message Batches):
# kept so the copy stays identical to the reference set; tests/test_fixture_folder.py
# still checks that they are present and well-formed.
NOT_MODELLED = {
    "messages.stream.sse",
    "messages.stream.error.sse",
    "messages.count_tokens.json",
    "model.json",
    "models.list.page1.json",
}


def test_every_fixture_file_is_covered() -> None:
    covered = {
        *BATCH_FILES,
        *LIST_FILES,
        "batch.deleted.json",
        "batch.results.jsonl",
        "batch.create.request.json",
        "message.json",
        "README.md",
        "errors",
    }
    assert {p.name for p in FIXTURES_DIR.iterdir()} == covered | NOT_MODELLED
    assert ERROR_FILES


@pytest.mark.parametrize("name", BATCH_FILES)
def test_message_batch(name: str) -> None:
    batch = _roundtrip(MessageBatch, (FIXTURES_DIR / name).read_bytes())
    assert isinstance(batch, MessageBatch)
    assert batch.type == "message_batch"
    assert batch.processing_status == name.split(".")[1]
    assert isinstance(batch.created_at, datetime)
    assert batch.created_at.tzinfo is not None
    assert batch.created_at.utcoffset() == timezone.utc.utcoffset(None)
    assert batch.expires_at > batch.created_at
    assert (batch.results_url is not None) == (batch.processing_status == "ended")
    assert (batch.ended_at is not None) == (batch.processing_status == "ended")
    assert (batch.cancel_initiated_at is not None) == (name == "batch.canceling.json")
    assert batch.archived_at is None


@pytest.mark.parametrize("name", LIST_FILES)
def test_list_pages(name: str) -> None:
    page: dict[str, Any] = json.loads((FIXTURES_DIR / name).read_bytes())
    assert set(page) == {"data", "has_more", "first_id", "last_id"}
    batches = [_roundtrip(MessageBatch, json.dumps(item).encode()) for item in page["data"]]
    assert [b.id for b in batches][:1] == ([page["first_id"]] if batches else [])
    assert [b.id for b in batches][-1:] == ([page["last_id"]] if batches else [])


def test_message() -> None:
    message = _roundtrip(Message, (FIXTURES_DIR / "message.json").read_bytes())
    assert isinstance(message, Message)
    assert message.type == "message"
    assert message.content


def test_deleted_batch() -> None:
    deleted = _roundtrip(DeletedMessageBatch, (FIXTURES_DIR / "batch.deleted.json").read_bytes())
    assert isinstance(deleted, DeletedMessageBatch)
    assert deleted.type == "message_batch_deleted"
    assert deleted.id.startswith("msgbatch_")


@pytest.mark.parametrize("name", ERROR_FILES)
def test_error_bodies(name: str) -> None:
    body = _roundtrip(ErrorResponse, (FIXTURES_DIR / "errors" / name).read_bytes())
    assert isinstance(body, ErrorResponse)
    error_type = name.split(".")[1]
    assert body.error.type == error_type
    # Every documented error type has its own model, not the unknown fallback.
    assert type(body.error).__name__ != "UnknownErrorObject"
    assert body.request_id is not None


@pytest.mark.parametrize("line", RESULT_LINES, ids=lambda raw: json.loads(raw)["custom_id"])
def test_result_lines_roundtrip(line: bytes) -> None:
    response = _roundtrip(MessageBatchIndividualResponse, line)
    assert isinstance(response, MessageBatchIndividualResponse)


def _check_typed_dict(td: Any, value: dict[str, Any]) -> None:
    keys = set(value)
    assert td.__required_keys__ <= keys, td.__required_keys__ - keys
    assert keys <= td.__required_keys__ | td.__optional_keys__, keys - set(td.__annotations__)


def test_create_request_matches_params_typeddicts() -> None:
    # Static shape is checked by tests/typing/check_types.py; this checks the keys at runtime.
    body: dict[str, Any] = json.loads((FIXTURES_DIR / "batch.create.request.json").read_bytes())
    _check_typed_dict(BatchCreateParams, body)
    for request in body["requests"]:
        _check_typed_dict(Request, request)
        _check_typed_dict(MessageCreateParamsNonStreaming, request["params"])


def test_typeddict_required_keys_are_visible_at_runtime() -> None:
    # Param modules must not use ``from __future__ import annotations``: with string
    # annotations ``Required[...]`` is invisible and ``__required_keys__`` comes out empty.
    assert Request.__required_keys__ == {"custom_id", "params"}
    assert BatchCreateParams.__required_keys__ == {"requests"}
    assert MessageCreateParamsNonStreaming.__required_keys__ == {"model", "max_tokens", "messages"}
    assert MessageCreateParamsNonStreaming.__optional_keys__ >= {"stream", "system", "thinking"}
