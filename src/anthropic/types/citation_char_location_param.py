"""``CitationCharLocationParam``: a citation into a plain-text document, by character range."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

__all__ = ["CitationCharLocationParam"]


class CitationCharLocationParam(TypedDict, total=False):
    """A citation into a plain-text document, by character range.

    Send citations back exactly as they were received.
    """

    type: Required[Literal["char_location"]]
    cited_text: Required[str]
    document_index: Required[int]
    document_title: Required[Optional[str]]
    start_char_index: Required[int]
    end_char_index: Required[int]
