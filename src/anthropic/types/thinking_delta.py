"""``ThinkingDelta``: more text for a ``thinking`` block."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["ThinkingDelta"]


class ThinkingDelta(BaseModel):
    """More text for a ``thinking`` block."""

    thinking: str
    type: Literal["thinking_delta"]
