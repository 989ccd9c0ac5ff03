"""``WebSearchResultBlock``: one page found by the web search tool."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["WebSearchResultBlock"]


class WebSearchResultBlock(BaseModel):
    """A search hit; ``encrypted_content`` must be passed back unchanged in later turns."""

    encrypted_content: str
    page_age: Optional[str] = None
    title: str
    type: Literal["web_search_result"]
    url: str
