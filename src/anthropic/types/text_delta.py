"""``TextDelta``: more text for a ``text`` block being streamed."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["TextDelta"]


class TextDelta(BaseModel):
    """More text for a ``text`` block being streamed."""

    text: str
    """The text to append to the block."""
    type: Literal["text_delta"]
