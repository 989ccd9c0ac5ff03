"""``MessageBatchUnknownResult``: a result whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field
from typing_extensions import Annotated

from .._open_union import UnknownVariant, not_one_of

__all__ = ["KNOWN_RESULT_TYPES", "MessageBatchUnknownResult"]

KNOWN_RESULT_TYPES = frozenset(
    {
        "succeeded",
        "errored",
        "canceled",
        "expired",
    }
)
"""The ``type`` values of the known members of ``MessageBatchResult``."""


class MessageBatchUnknownResult(UnknownVariant):
    """A result kind added by a newer API version, every field it carries kept.

    It is never one of the known kinds: a result of an unknown type is not treated as
    succeeded. ``result.type == "succeeded"`` and so on narrow the ``MessageBatchResult``
    union (how it parses and narrows: ``UnknownVariant``).
    """

    if not TYPE_CHECKING:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_RESULT_TYPES))]
