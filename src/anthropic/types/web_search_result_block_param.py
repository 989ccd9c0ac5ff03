"""``WebSearchResultBlockParam``: a web search hit sent back in an assistant turn."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

__all__ = ["WebSearchResultBlockParam"]


class WebSearchResultBlockParam(TypedDict, total=False):
    """A ``web_search_result`` as received (``encrypted_content`` unchanged)."""

    type: Required[Literal["web_search_result"]]
    url: Required[str]
    title: Required[str]
    encrypted_content: Required[str]
    page_age: Optional[str]
