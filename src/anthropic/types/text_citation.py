"""``TextCitation``: the union of citation kinds attached to a ``TextBlock``."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from ._open_union import OpenUnion
from .citation_char_location import CitationCharLocation
from .citation_content_block_location import CitationContentBlockLocation
from .citation_page_location import CitationPageLocation
from .citations_search_result_location import CitationsSearchResultLocation
from .citations_web_search_result_location import CitationsWebSearchResultLocation
from .unknown_text_citation import UnknownTextCitation

__all__ = ["TextCitation"]

TextCitation: TypeAlias = OpenUnion[
    Union[
        CitationCharLocation,
        CitationPageLocation,
        CitationContentBlockLocation,
        CitationsWebSearchResultLocation,
        CitationsSearchResultLocation,
    ],
    UnknownTextCitation,
]
"""One citation; narrow with ``citation.type == "..."``.

Citation kinds this SDK does not know parse as ``UnknownTextCitation``.
"""
