"""``RawContentBlockStopEvent``: the content block at ``index`` is complete."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["RawContentBlockStopEvent"]


class RawContentBlockStopEvent(BaseModel):
    """No more deltas follow for this block."""

    index: int
    type: Literal["content_block_stop"]
