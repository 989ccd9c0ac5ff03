"""``CitationPageLocation``: a citation into a PDF document, by page range."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["CitationPageLocation"]


class CitationPageLocation(BaseModel):
    """Text cited from a PDF document, located by 1-based page numbers."""

    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_page_number: int
    """Exclusive end page."""
    file_id: Optional[str] = None
    start_page_number: int
    type: Literal["page_location"]
