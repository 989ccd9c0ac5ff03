"""``CitationsSearchResultLocation``: a citation into a search result content block."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["CitationsSearchResultLocation"]


class CitationsSearchResultLocation(BaseModel):
    """Text cited from a ``search_result`` block the caller supplied."""

    cited_text: str
    end_block_index: int
    """Exclusive end index."""
    search_result_index: int
    source: str
    start_block_index: int
    title: Optional[str] = None
    type: Literal["search_result_location"]
