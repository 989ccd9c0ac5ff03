"""``CitationsSearchResultLocation``: a citation into a search result content block."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["CitationsSearchResultLocation"]


class CitationsSearchResultLocation(BaseModel):
    """Text cited from a ``search_result`` block the caller supplied."""

    type: Literal["search_result_location"]
    cited_text: str
    search_result_index: int
    source: str
    title: Optional[str] = None
    start_block_index: int
    end_block_index: int
    """Exclusive end index."""
