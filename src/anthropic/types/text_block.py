"""``TextBlock``: text the model wrote, with optional citations."""

from __future__ import annotations

from typing import List, Optional

from typing_extensions import Literal

from .._models import BaseModel
from .text_citation import TextCitation

__all__ = ["TextBlock"]


class TextBlock(BaseModel):
    """A run of generated text.

    ``citations`` is set when the answer cites documents or search results; it may be
    absent or ``null`` otherwise.
    """

    citations: Optional[List[TextCitation]] = None
    text: str
    type: Literal["text"]
