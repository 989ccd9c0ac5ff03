"""``CitationCharLocation``: a citation into a plain-text document, by character range."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["CitationCharLocation"]


class CitationCharLocation(BaseModel):
    """Text cited from a plain-text document, located by character offsets."""

    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_char_index: int
    """Exclusive end offset."""
    file_id: Optional[str] = None
    start_char_index: int
    type: Literal["char_location"]
