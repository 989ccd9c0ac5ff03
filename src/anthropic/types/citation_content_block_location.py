"""``CitationContentBlockLocation``: a citation into a custom-content document."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["CitationContentBlockLocation"]


class CitationContentBlockLocation(BaseModel):
    """Text cited from a ``content`` document source, located by content block indices."""

    cited_text: str
    document_index: int
    document_title: Optional[str] = None
    end_block_index: int
    """Exclusive end index."""
    file_id: Optional[str] = None
    start_block_index: int
    type: Literal["content_block_location"]
