"""What existing programs print and dump stays the same when they switch from the official
SDK (0.66): field order, ``str`` and ``repr``; and response enums are typed as there."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import List, Type

import pydantic
import pytest

from anthropic import types as t
from anthropic.types import Message, ServerToolUseBlock, TextBlock, ToolUseBlock, Usage
from anthropic.types.messages import (
    MessageBatch,
    MessageBatchErroredResult,
    MessageBatchIndividualResponse,
    MessageBatchRequestCounts,
    MessageBatchSucceededResult,
)
from anthropic.types.shared import ErrorResponse, NotFoundError
from support import FIXTURES_DIR, api_bytes

# Observed on the official models (``list(Model.model_fields)``): ``id`` first, then by name.
OFFICIAL_FIELDS = [
    (
        MessageBatch,
        (
            "id archived_at cancel_initiated_at created_at ended_at expires_at"
            " processing_status request_counts results_url type"
        ),
    ),
    (MessageBatchRequestCounts, "canceled errored expired processing succeeded"),
    (MessageBatchIndividualResponse, "custom_id result"),
    (MessageBatchSucceededResult, "message type"),
    (MessageBatchErroredResult, "error type"),
    (Message, "id content model role stop_reason stop_sequence type usage"),
    (
        Usage,
        (
            "cache_creation cache_creation_input_tokens cache_read_input_tokens input_tokens"
            " output_tokens server_tool_use service_tier"
        ),
    ),
    (TextBlock, "citations text type"),
    (ToolUseBlock, "id input name type"),
    (ServerToolUseBlock, "id input name type"),
    (ErrorResponse, "error request_id type"),
    (NotFoundError, "message type"),
    # Stream events and deltas: by name, ``type`` included.
    (t.RawMessageStartEvent, "message type"),
    (t.RawMessageDeltaEvent, "delta type usage"),
    (t.RawContentBlockStartEvent, "content_block index type"),
    (t.RawContentBlockDeltaEvent, "delta index type"),
    (t.RawContentBlockStopEvent, "index type"),
    (t.TextDelta, "text type"),
    (t.InputJSONDelta, "partial_json type"),
    (t.ThinkingDelta, "thinking type"),
    (t.SignatureDelta, "signature type"),
    (t.CitationsDelta, "citation type"),
    (
        t.MessageDeltaUsage,
        (
            "cache_creation_input_tokens cache_read_input_tokens input_tokens output_tokens"
            " server_tool_use"
        ),
    ),
]


@pytest.mark.parametrize(
    ("model", "fields"), OFFICIAL_FIELDS, ids=lambda v: getattr(v, "__name__", "")
)
def test_fields_are_declared_in_the_official_order(
    model: Type[pydantic.BaseModel], fields: str
) -> None:
    assert list(model.model_fields) == fields.split()


def test_str_and_repr_print_as_the_official_models() -> None:
    batch = MessageBatch.model_validate_json(api_bytes("batch.ended.json"))
    counts = batch.request_counts
    expected = (
        "MessageBatchRequestCounts(canceled=0, errored=1, expired=0, processing=0, succeeded=2)"
    )
    assert str(counts) == repr(counts) == expected
    assert str(batch) == repr(batch)
    # As the official SDK prints it (its required timestamps carry datetime.timezone.utc;
    # an optional one is pydantic's own tzinfo there too, whose repr depends on pydantic).
    url = "https://api.anthropic.com/v1/messages/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/results"
    assert repr(batch) == (
        "MessageBatch(id='msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d', archived_at=None, "
        "cancel_initiated_at=None, created_at=datetime.datetime(2024, 9, 24, 18, 37, 24, "
        f"100435, tzinfo=datetime.timezone.utc), ended_at={batch.ended_at!r}, "
        "expires_at=datetime.datetime(2024, 9, 25, 18, 37, 24, 100435, "
        "tzinfo=datetime.timezone.utc), processing_status='ended', request_counts="
        f"{expected}, results_url='{url}', type='message_batch')"
    )
    assert batch.to_json(indent=None).startswith('{"id":"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d","a')


def test_stream_events_and_models_print_as_the_official_ones() -> None:
    # Observed on the official SDK 0.66 with the same fixtures.
    delta = t.RawContentBlockDeltaEvent.model_validate(
        {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "Ok"}}
    )
    assert repr(delta) == (
        "RawContentBlockDeltaEvent(delta=TextDelta(text='Ok', type='text_delta'), index=1,"
        " type='content_block_delta')"
    )
    assert delta.to_json(indent=None) == (
        '{"delta":{"text":"Ok","type":"text_delta"},"index":1,"type":"content_block_delta"}'
    )
    usage = t.MessageDeltaUsage.model_validate({"output_tokens": 89})
    assert repr(usage) == (
        "MessageDeltaUsage(cache_creation_input_tokens=None, cache_read_input_tokens=None,"
        " input_tokens=None, output_tokens=89, server_tool_use=None)"
    )
    # A required timestamp carries datetime.timezone, as the official parser gives it.
    model = t.ModelInfo.model_validate_json(api_bytes("model.json"))
    assert repr(model) == (
        "ModelInfo(id='claude-sonnet-4-20250514', created_at=datetime.datetime(2025, 5, 22, 0,"
        " 0, tzinfo=datetime.timezone.utc), display_name='Claude Sonnet 4', type='model')"
    )
    from anthropic.types.beta import BetaContainer

    container = BetaContainer.model_validate({"id": "c", "expires_at": "2025-01-01T00:00:00+02:00"})
    assert repr(container.expires_at.tzinfo) == (
        "datetime.timezone(datetime.timedelta(seconds=7200))"
    )


def test_to_dict_and_to_json_take_the_official_keywords() -> None:
    batch = MessageBatch.model_validate_json(api_bytes("batch.in_progress.json"))
    kw = {"use_api_names": True, "exclude_unset": False, "exclude_defaults": True}
    plain = batch.to_dict(mode="json", exclude_none=True, warnings=False, **kw)
    assert "ended_at" not in plain and plain["created_at"] == "2024-09-24T18:37:24.100435Z"
    text = batch.to_json(indent=None, exclude_none=True, warnings=True, **kw)
    assert text.startswith('{"id":"msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d","created_at"')


def test_print_of_a_results_line_keeps_the_official_order() -> None:
    line = (FIXTURES_DIR / "batch.results.jsonl").read_bytes().splitlines()[0]
    entry = MessageBatchIndividualResponse.model_validate_json(line)
    assert str(entry).startswith("MessageBatchIndividualResponse(custom_id=")
    assert "result=MessageBatchSucceededResult(message=Message(id=" in str(entry)


def test_type_checkers_flag_a_comparison_with_an_unknown_enum_value(tmp_path: Path) -> None:
    mypy_api = pytest.importorskip("mypy.api")
    snippet = tmp_path / "enum_use.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from anthropic.types import Message
            from anthropic.types.messages import MessageBatch

            def check(batch: MessageBatch, message: Message) -> List[bool]:
                return [
                    batch.processing_status == "completed",
                    message.stop_reason == "end",
                    batch.processing_status == "ended",
                ]
            """
        ).replace(
            "from anthropic.types import", "from typing import List\nfrom anthropic.types import"
        )
    )
    root = Path(__file__).resolve().parents[2]
    out, _err, _status = mypy_api.run(
        [
            "--strict",
            "--no-incremental",
            "--config-file",
            str(root / "pyproject.toml"),
            str(snippet),
        ]
    )
    flagged: List[str] = [line for line in out.splitlines() if "Non-overlapping equality" in line]
    assert len(flagged) == 2, out
    assert "'completed'" in flagged[0] and "'end'" in flagged[1], out  # "ended" is fine
