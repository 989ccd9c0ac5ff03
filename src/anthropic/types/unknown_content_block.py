"""``UnknownContentBlock``: a content block whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field
from typing_extensions import Annotated

from ._open_union import UnknownVariant, not_one_of

__all__ = ["KNOWN_CONTENT_BLOCK_TYPES", "UnknownContentBlock"]

KNOWN_CONTENT_BLOCK_TYPES = frozenset(
    {
        "text",
        "thinking",
        "redacted_thinking",
        "tool_use",
        "server_tool_use",
        "web_search_tool_result",
    }
)
"""The ``type`` values of the known members of ``ContentBlock``."""


class UnknownContentBlock(UnknownVariant):
    """A content block kind added by a newer API version, every field it carries kept.

    ``block.type == "text"`` and so on narrow the ``ContentBlock`` union
    (how it parses and narrows: ``UnknownVariant``).
    """

    if not TYPE_CHECKING:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_CONTENT_BLOCK_TYPES))]
