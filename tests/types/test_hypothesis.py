"""Fuzzing: arbitrary JSON values either parse or raise ``pydantic.ValidationError``."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anthropic._models import BaseModel
from anthropic.types import (
    ContentBlock,
    ErrorResponse,
    Message,
    TextBlock,
    TextCitation,
    Usage,
)
from anthropic.types.messages import (
    DeletedMessageBatch,
    MessageBatch,
    MessageBatchIndividualResponse,
    MessageBatchRequestCounts,
    MessageBatchResult,
)
from support import FIXTURES_DIR

RESULT_LINES = [
    json.loads(x) for x in (FIXTURES_DIR / "batch.results.jsonl").read_bytes().splitlines()
]

TYPES = ["succeeded", "errored", "canceled", "expired", "text", "tool_use", "char_location",
         "error", "api_error", "message", "message_batch", "brand_new"]  # fmt: skip

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(TYPES)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["type", "id", "message", "error", *TYPES]), inner, max_size=4
        )
        | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=20,
)

MODELS: list[type[BaseModel]] = [
    MessageBatch,
    MessageBatchRequestCounts,
    DeletedMessageBatch,
    MessageBatchIndividualResponse,
    Message,
    TextBlock,
    Usage,
    ErrorResponse,
]
UNIONS: list[Any] = [MessageBatchResult, ContentBlock, TextCitation]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parses_or_validation_error(model: type[BaseModel], value: object) -> None:
    for validate in (model.model_validate, lambda v: model.model_validate_json(json.dumps(v))):
        try:
            parsed = validate(value)
        except pydantic.ValidationError:
            continue
        parsed.to_dict(mode="json")  # anything that parsed can be dumped again


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@FUZZ
@given(value=json_values)
def test_models_parse_or_raise_validation_error(model: type[BaseModel], value: object) -> None:
    _parses_or_validation_error(model, value)


@pytest.mark.parametrize(
    "union", UNIONS, ids=["MessageBatchResult", "ContentBlock", "TextCitation"]
)
@FUZZ
@given(value=json_values)
def test_unions_parse_or_raise_validation_error(union: Any, value: object) -> None:
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(union)
    for validate in (adapter.validate_python, lambda v: adapter.validate_json(json.dumps(v))):
        with contextlib.suppress(pydantic.ValidationError):
            validate(value)


def _paths(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


def _replace(value: Any, path: tuple[Any, ...], new: object) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replace(value[path[0]], path[1:], new)
    return copy


@FUZZ
@given(data=st.data())
def test_mutated_result_lines_parse_or_raise_validation_error(data: st.DataObject) -> None:
    # Realistic inputs with one node swapped for random JSON: reaches deep validators.
    line = data.draw(st.sampled_from(RESULT_LINES))
    path = data.draw(st.sampled_from(_paths(line)))
    mutated = _replace(line, path, data.draw(json_values))
    _parses_or_validation_error(MessageBatchIndividualResponse, mutated)
