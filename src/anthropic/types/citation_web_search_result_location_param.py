"""``CitationWebSearchResultLocationParam``: a citation of a web search result."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

__all__ = ["CitationWebSearchResultLocationParam"]


class CitationWebSearchResultLocationParam(TypedDict, total=False):
    """A citation of a web search result.

    Send citations back exactly as they were received.
    """

    type: Required[Literal["web_search_result_location"]]
    cited_text: Required[str]
    encrypted_index: Required[str]
    title: Required[Optional[str]]
    url: Required[str]
