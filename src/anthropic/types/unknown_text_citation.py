"""``UnknownTextCitation``: a citation whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field
from typing_extensions import Annotated

from ._open_union import UnknownVariant, not_one_of

__all__ = ["KNOWN_CITATION_TYPES", "UnknownTextCitation"]

KNOWN_CITATION_TYPES = frozenset(
    {
        "char_location",
        "page_location",
        "content_block_location",
        "web_search_result_location",
        "search_result_location",
    }
)
"""The ``type`` values of the known members of ``TextCitation``."""


class UnknownTextCitation(UnknownVariant):
    """A citation kind added by a newer API version, every field it carries kept.

    ``citation.type == "char_location"`` and so on narrow the ``TextCitation`` union
    (how it parses and narrows: ``UnknownVariant``).
    """

    if not TYPE_CHECKING:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_CITATION_TYPES))]
