"""``TextCitation``: the union of citation kinds attached to a ``TextBlock``."""

from __future__ import annotations

from typing import Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias

from .citation_char_location import CitationCharLocation
from .citation_content_block_location import CitationContentBlockLocation
from .citation_page_location import CitationPageLocation
from .citations_search_result_location import CitationsSearchResultLocation
from .citations_web_search_result_location import CitationsWebSearchResultLocation
from .unknown_text_citation import UnknownTextCitation

__all__ = ["TextCitation"]

TextCitation: TypeAlias = Annotated[
    Union[
        Annotated[
            Union[
                CitationCharLocation,
                CitationPageLocation,
                CitationContentBlockLocation,
                CitationsWebSearchResultLocation,
                CitationsSearchResultLocation,
            ],
            Field(discriminator="type"),
        ],
        UnknownTextCitation,
    ],
    Field(union_mode="left_to_right"),
]
"""One citation; narrow with ``citation.type == "..."``.

Citation kinds this SDK does not know parse as ``UnknownTextCitation``.
"""
