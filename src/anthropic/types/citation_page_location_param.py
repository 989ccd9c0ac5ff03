"""``CitationPageLocationParam``: a citation into a PDF document, by page range."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

__all__ = ["CitationPageLocationParam"]


class CitationPageLocationParam(TypedDict, total=False):
    """A citation into a PDF document, by page range.

    Send citations back exactly as they were received.
    """

    type: Required[Literal["page_location"]]
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    start_page_number: Required[int]
    end_page_number: Required[int]
