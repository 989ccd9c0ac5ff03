"""``CitationContentBlockLocationParam``: a citation into a custom-content document."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

__all__ = ["CitationContentBlockLocationParam"]


class CitationContentBlockLocationParam(TypedDict, total=False):
    """A citation into a custom-content document, by block range.

    Send citations back exactly as they were received.
    """

    type: Required[Literal["content_block_location"]]
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    start_block_index: Required[int]
    end_block_index: Required[int]
