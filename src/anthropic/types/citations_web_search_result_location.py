"""``CitationsWebSearchResultLocation``: a citation of a web search result."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["CitationsWebSearchResultLocation"]


class CitationsWebSearchResultLocation(BaseModel):
    """Text cited from a page found by the web search tool."""

    cited_text: str
    encrypted_index: str
    """Opaque reference to pass back in later turns."""
    title: Optional[str] = None
    type: Literal["web_search_result_location"]
    url: str
