"""What existing programs print and dump stays the same when they switch from the official
SDK (0.66): field order, ``str`` and ``repr``; and response enums are typed as there."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import List, Type

import pydantic
import pytest

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
