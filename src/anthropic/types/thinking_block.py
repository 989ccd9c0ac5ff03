"""``ThinkingBlock``: the model's visible extended-thinking output."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["ThinkingBlock"]


class ThinkingBlock(BaseModel):
    """Extended thinking text; ``signature`` must be sent back unchanged in later turns."""

    signature: str
    thinking: str
    type: Literal["thinking"]
