"""``UnknownContentBlockDelta``: a delta whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field
from typing_extensions import Annotated

from ._open_union import UnknownVariant, not_one_of

__all__ = ["KNOWN_DELTA_TYPES", "UnknownContentBlockDelta"]

KNOWN_DELTA_TYPES = frozenset(
    {"text_delta", "input_json_delta", "citations_delta", "thinking_delta", "signature_delta"}
)
"""The ``type`` values of the known members of ``RawContentBlockDelta``."""


class UnknownContentBlockDelta(UnknownVariant):
    """A delta kind added by a newer API version, every field it carries kept.

    The stream helpers leave the block it belongs to unchanged.

    ``delta.type == "text_delta"`` and so on narrow the ``RawContentBlockDelta`` union
    (how it parses and narrows: ``UnknownVariant``).
    """

    if not TYPE_CHECKING:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_DELTA_TYPES))]
