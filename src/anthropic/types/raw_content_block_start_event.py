"""``RawContentBlockStartEvent``: a new content block begins at ``index``."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel
from .content_block import ContentBlock

__all__ = ["RawContentBlockStartEvent"]


class RawContentBlockStartEvent(BaseModel):
    """The block's initial state (empty text, empty tool input, ...); deltas follow."""

    content_block: ContentBlock
    index: int
    type: Literal["content_block_start"]
