"""``UnknownContentBlock``: a content block whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field
from typing_extensions import Annotated, Literal

from .._models import BaseModel
from ._open_union import not_one_of

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


class UnknownContentBlock(BaseModel):
    """A content block kind added by a newer API version; every field it carries is kept.

    Detect it with ``isinstance(block, UnknownContentBlock)``, or as the branch left after
    checking the known types, and read its fields as attributes or with ``to_dict()``.

    ``type`` holds the real value from the wire and is never a known type. Type checkers
    see ``Literal["unknown"]`` instead of ``str`` only so that ``block.type == "text"``
    still narrows the ``ContentBlock`` union.
    """

    model_config = ConfigDict(regex_engine="python-re")

    if TYPE_CHECKING:
        type: Literal["unknown"]
    else:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_CONTENT_BLOCK_TYPES))]
