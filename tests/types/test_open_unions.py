"""Every forward-compatible union, built once by ``OpenUnion`` with an ``UnknownVariant``
fallback, behaves the same: unknown kinds kept, known kinds never relabelled."""

from __future__ import annotations

import json
import typing
from typing import Any

import pydantic
import pytest

from anthropic.types import (
    ContentBlock,
    ErrorObject,
    RawContentBlockDelta,
    TextCitation,
    UnknownContentBlock,
    UnknownContentBlockDelta,
    UnknownErrorObject,
    UnknownTextCitation,
)
from anthropic.types._open_union import UnknownVariant
from anthropic.types.beta.beta_content_block import BetaContentBlock
from anthropic.types.beta.messages.beta_message_batch_result import BetaMessageBatchResult
from anthropic.types.messages import MessageBatchResult, MessageBatchUnknownResult
from anthropic.types.messages.message_batch_unknown_result import KNOWN_RESULT_TYPES
from anthropic.types.shared.unknown_error_object import KNOWN_ERROR_TYPES
from anthropic.types.unknown_content_block import KNOWN_CONTENT_BLOCK_TYPES
from anthropic.types.unknown_content_block_delta import KNOWN_DELTA_TYPES
from anthropic.types.unknown_text_citation import KNOWN_CITATION_TYPES

# (union, its fallback, the known types, one known type that fails without its fields)
UNIONS: list[tuple[Any, type[UnknownVariant], frozenset[str], str]] = [
    (ContentBlock, UnknownContentBlock, KNOWN_CONTENT_BLOCK_TYPES, "text"),
    (BetaContentBlock, UnknownContentBlock, KNOWN_CONTENT_BLOCK_TYPES, "tool_use"),
    (TextCitation, UnknownTextCitation, KNOWN_CITATION_TYPES, "char_location"),
    (ErrorObject, UnknownErrorObject, KNOWN_ERROR_TYPES, "api_error"),
    (MessageBatchResult, MessageBatchUnknownResult, KNOWN_RESULT_TYPES, "succeeded"),
    (BetaMessageBatchResult, MessageBatchUnknownResult, KNOWN_RESULT_TYPES, "errored"),
    (RawContentBlockDelta, UnknownContentBlockDelta, KNOWN_DELTA_TYPES, "text_delta"),
]
IDS = [fallback.__name__ + "-" + known for _, fallback, _, known in UNIONS]


def _literal_tags(union: Any) -> set[str]:
    """The ``type`` literal of every known member (the fallback's ``type`` is a ``str``)."""
    tags: set[str] = set()
    stack = [union]
    while stack:
        tp = stack.pop()
        origin = typing.get_origin(tp)
        if origin is typing.Annotated or origin is typing.Union:
            stack.extend(
                typing.get_args(tp)[:1] if origin is typing.Annotated else typing.get_args(tp)
            )
        elif isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
            tags.update(a for a in typing.get_args(tp.model_fields["type"].annotation) if a)
    return tags


@pytest.mark.parametrize(("union", "fallback", "known", "broken"), UNIONS, ids=IDS)
def test_unknown_kind_parses_as_the_fallback_with_every_field(
    union: Any, fallback: type[UnknownVariant], known: frozenset[str], broken: str
) -> None:
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(union)
    value = {"type": "kind_from_the_future", "payload": [1, {"a": None}]}
    for parsed in (adapter.validate_python(value), adapter.validate_json(json.dumps(value))):
        assert type(parsed) is fallback
        assert isinstance(parsed, UnknownVariant)
        assert parsed.type == "kind_from_the_future"
        assert parsed.to_dict() == value
        assert repr(parsed).startswith(f"{fallback.__name__}(type='kind_from_the_future'")
        assert next(iter(fallback.model_fields)) == "type"


@pytest.mark.parametrize(("union", "fallback", "known", "broken"), UNIONS, ids=IDS)
def test_known_kind_that_fails_is_an_error_never_the_fallback(
    union: Any, fallback: type[UnknownVariant], known: frozenset[str], broken: str
) -> None:
    adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(union)
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_python({"type": broken})
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_json(json.dumps({"type": broken}))
    for kind in known:
        with pytest.raises(pydantic.ValidationError):
            fallback.model_validate({"type": kind})


@pytest.mark.parametrize(("union", "fallback", "known", "broken"), UNIONS, ids=IDS)
def test_known_sets_match_the_members_and_the_shape_is_the_fast_one(
    union: Any, fallback: type[UnknownVariant], known: frozenset[str], broken: str
) -> None:
    assert _literal_tags(union) == known
    # Annotated[Union[Annotated[Union[known...], discriminator], fallback], left_to_right]
    outer, mode = typing.get_args(union)
    assert [m.union_mode for m in mode.metadata] == ["left_to_right"]
    tagged, last = typing.get_args(outer)
    assert last is fallback
    assert typing.get_args(tagged)[1].discriminator == "type"
