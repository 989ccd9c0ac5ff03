"""``CitationSearchResultLocationParam``: a citation into a search result block."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

__all__ = ["CitationSearchResultLocationParam"]


class CitationSearchResultLocationParam(TypedDict, total=False):
    """A citation into a search result block.

    Send citations back exactly as they were received.
    """

    type: Required[Literal["search_result_location"]]
    cited_text: Required[str]
    search_result_index: Required[int]
    source: Required[str]
    title: Required[Optional[str]]
    start_block_index: Required[int]
    end_block_index: Required[int]
