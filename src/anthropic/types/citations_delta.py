"""``CitationsDelta``: a citation added to the ``text`` block being streamed."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel
from .text_citation import TextCitation

__all__ = ["CitationsDelta"]


class CitationsDelta(BaseModel):
    """A citation to append to the block's ``citations`` list."""

    citation: TextCitation
    type: Literal["citations_delta"]
