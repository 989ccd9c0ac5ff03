"""``RawContentBlockDeltaEvent``: a change to the content block at ``index``."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel
from .raw_content_block_delta import RawContentBlockDelta

__all__ = ["RawContentBlockDeltaEvent"]


class RawContentBlockDeltaEvent(BaseModel):
    """One delta (text, tool input JSON, thinking, signature or citation) for a block."""

    delta: RawContentBlockDelta
    index: int
    type: Literal["content_block_delta"]
