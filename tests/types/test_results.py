"""Batch result lines: every kind parses to its model; unknown kinds are kept, never mistaken."""

from __future__ import annotations

import json
import typing
from typing import Any

import pydantic
import pytest

from anthropic.types import (
    ContentBlock,
    ErrorObject,
    ErrorResponse,
    Message,
    RedactedThinkingBlock,
    TextBlock,
    TextCitation,
    ThinkingBlock,
    ToolUseBlock,
    UnknownContentBlock,
    UnknownErrorObject,
    UnknownTextCitation,
)
from anthropic.types.messages import (
    MessageBatchCanceledResult,
    MessageBatchErroredResult,
    MessageBatchExpiredResult,
    MessageBatchIndividualResponse,
    MessageBatchResult,
    MessageBatchSucceededResult,
    MessageBatchUnknownResult,
)
from anthropic.types.messages.message_batch_unknown_result import KNOWN_RESULT_TYPES
from anthropic.types.shared.unknown_error_object import KNOWN_ERROR_TYPES
from anthropic.types.unknown_content_block import KNOWN_CONTENT_BLOCK_TYPES
from anthropic.types.unknown_text_citation import KNOWN_CITATION_TYPES
from support import FIXTURES_DIR

LINES = {
    json.loads(raw)["custom_id"]: raw
    for raw in (FIXTURES_DIR / "batch.results.jsonl").read_bytes().splitlines()
}
Line = MessageBatchIndividualResponse


def parse(custom_id: str) -> MessageBatchIndividualResponse:
    return Line.model_validate_json(LINES[custom_id])


def line_with(result: object) -> bytes:
    return json.dumps({"custom_id": "x", "result": result}).encode()


def test_succeeded_text() -> None:
    result = parse("capital-fr").result
    assert isinstance(result, MessageBatchSucceededResult)
    message = result.message
    assert isinstance(message, Message)
    assert message.stop_reason == "end_turn"
    assert message.usage.cache_read_input_tokens == 0
    assert message.usage.service_tier == "batch"
    [block] = message.content
    assert isinstance(block, TextBlock)
    assert block.text == "The capital of France is Paris."


def test_succeeded_tool_use_and_null_cache_counts() -> None:
    result = parse("weather_tool-2").result
    assert isinstance(result, MessageBatchSucceededResult)
    text, tool = result.message.content
    assert isinstance(text, TextBlock)
    assert isinstance(tool, ToolUseBlock)
    assert tool.input == {"city": "Paris"}
    assert result.message.usage.cache_creation_input_tokens is None


def test_succeeded_thinking() -> None:
    result = parse("think-3").result
    assert isinstance(result, MessageBatchSucceededResult)
    kinds = [type(block) for block in result.message.content]
    assert kinds == [ThinkingBlock, RedactedThinkingBlock, TextBlock]
    usage = result.message.usage
    assert usage.cache_creation is not None
    assert usage.cache_creation.ephemeral_1h_input_tokens == 0
    assert usage.server_tool_use is None
    # Absent optional fields stay absent on the way out.
    assert "cache_read_input_tokens" not in usage.to_dict()


def test_errored() -> None:
    result = parse("bad-params-4").result
    assert isinstance(result, MessageBatchErroredResult)
    assert isinstance(result.error, ErrorResponse)
    assert result.error.error.type == "invalid_request_error"
    assert result.error.request_id == "req_011CUJd8Nq6a3b9Xy2LmQ7Rp"
    other = parse("server-err-5").result
    assert isinstance(other, MessageBatchErroredResult)
    assert other.error.error.type == "api_error"
    assert other.error.request_id is None


def test_canceled_and_expired() -> None:
    assert isinstance(parse("canceled-6").result, MessageBatchCanceledResult)
    assert isinstance(parse("expired-7").result, MessageBatchExpiredResult)


def test_future_line_keeps_what_it_carries() -> None:
    result = parse("future-8").result
    assert isinstance(result, MessageBatchSucceededResult)
    message = result.message
    assert message.model == "claude-future-9"
    assert message.stop_reason == "brand_new_stop_reason"
    assert message.new_top_level_field is True  # type: ignore[attr-defined]
    assert message.usage.new_usage_counter == 5  # type: ignore[attr-defined]
    text, unknown = message.content
    assert isinstance(text, TextBlock)
    assert text.future_block_field == {"x": 1}  # type: ignore[attr-defined]
    assert isinstance(unknown, UnknownContentBlock)
    assert unknown.type == "brand_new_block"
    assert unknown.payload == "unknown kinds of content must not break parsing"  # type: ignore[attr-defined]
    assert unknown.to_dict() == {
        "type": "brand_new_block",
        "payload": "unknown kinds of content must not break parsing",
    }


@pytest.mark.parametrize(
    "result",
    [
        {"type": "partially_succeeded", "message": {"id": "msg_1"}, "note": [1, 2]},
        {"type": "Succeeded"},
        {"type": "succeeded "},
        {"type": "succeeded\n"},
        {"type": ""},
    ],
)
def test_unknown_result_type_is_never_succeeded(result: dict[str, Any]) -> None:
    parsed = Line.model_validate_json(line_with(result)).result
    assert isinstance(parsed, MessageBatchUnknownResult)
    assert not isinstance(parsed, MessageBatchSucceededResult)
    assert parsed.to_dict() == result
    assert Line.model_validate({"custom_id": "x", "result": result}).result == parsed


@pytest.mark.parametrize("kind", sorted(KNOWN_RESULT_TYPES - {"canceled", "expired"}))
def test_malformed_known_result_is_an_error_not_unknown(kind: str) -> None:
    # A known type that fails validation must not be relabelled as an unknown result.
    with pytest.raises(pydantic.ValidationError):
        Line.model_validate_json(line_with({"type": kind, "message": {"id": 1}, "error": 2}))


@pytest.mark.parametrize("known", sorted(KNOWN_RESULT_TYPES))
def test_unknown_result_model_rejects_known_types(known: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        MessageBatchUnknownResult.model_validate({"type": known})


def test_malformed_known_block_is_an_error_not_unknown() -> None:
    adapter = pydantic.TypeAdapter(ContentBlock)
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"type": "text", "text": 5})


@pytest.mark.parametrize("bad", [{"type": []}, {"type": None}, {"type": 3}, {}, [], "x", None])
def test_results_without_a_string_type_are_rejected(bad: object) -> None:
    with pytest.raises(pydantic.ValidationError):
        Line.model_validate({"custom_id": "x", "result": bad})
    with pytest.raises(pydantic.ValidationError):
        Line.model_validate_json(line_with(bad))


def test_unknown_citation_and_known_citations() -> None:
    block = TextBlock.model_validate(
        {
            "type": "text",
            "text": "Paris.",
            "citations": [
                {
                    "type": "char_location",
                    "cited_text": "Paris",
                    "document_index": 0,
                    "document_title": None,
                    "start_char_index": 0,
                    "end_char_index": 5,
                },
                {
                    "type": "web_search_result_location",
                    "cited_text": "Paris",
                    "encrypted_index": "abc",
                    "title": "Paris",
                    "url": "https://example.com",
                },
                {"type": "video_timestamp", "cited_text": "Paris", "second": 12},
            ],
        }
    )
    assert block.citations is not None
    names = [type(c).__name__ for c in block.citations]
    assert names == [
        "CitationCharLocation",
        "CitationsWebSearchResultLocation",
        "UnknownTextCitation",
    ]
    unknown = block.citations[2]
    assert isinstance(unknown, UnknownTextCitation)
    assert unknown.to_dict() == {"type": "video_timestamp", "cited_text": "Paris", "second": 12}


def test_unknown_error_type() -> None:
    body = ErrorResponse.model_validate_json(
        b'{"type":"error","error":{"type":"quota_exhausted_error","message":"m","hint":1}}'
    )
    assert isinstance(body.error, UnknownErrorObject)
    assert body.error.message == "m"
    assert body.to_dict() == {
        "type": "error",
        "error": {"type": "quota_exhausted_error", "message": "m", "hint": 1},
    }


def test_python_mode_accepts_model_instances() -> None:
    parsed = parse("capital-fr")
    again = Line.model_validate({"custom_id": "x", "result": parsed.result})
    assert again.result is parsed.result
    unknown = MessageBatchUnknownResult.model_validate({"type": "new", "n": 1})
    assert Line.model_validate({"custom_id": "x", "result": unknown}).result is unknown


def _literal_tags(union: Any) -> set[str]:
    """The ``type`` literal of every known member of one of our open unions."""
    tags: set[str] = set()
    stack = [union]
    while stack:
        tp = stack.pop()
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            stack.append(typing.get_args(tp)[0])
        elif origin is typing.Union:
            stack.extend(typing.get_args(tp))
        elif isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
            (tag,) = typing.get_args(tp.model_fields["type"].annotation) or (None,)
            if tag is not None:
                tags.add(tag)
    return tags


@pytest.mark.parametrize(
    ("union", "known"),
    [
        (MessageBatchResult, KNOWN_RESULT_TYPES),
        (ContentBlock, KNOWN_CONTENT_BLOCK_TYPES),
        (TextCitation, KNOWN_CITATION_TYPES),
        (ErrorObject, KNOWN_ERROR_TYPES),
    ],
)
def test_known_type_sets_match_union_members(union: Any, known: frozenset[str]) -> None:
    # The fallback rejects exactly the tags of the known members; the two must not drift.
    assert _literal_tags(union) == known
