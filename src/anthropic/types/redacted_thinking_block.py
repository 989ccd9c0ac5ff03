"""``RedactedThinkingBlock``: extended thinking the API returns only in encrypted form."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["RedactedThinkingBlock"]


class RedactedThinkingBlock(BaseModel):
    """Encrypted thinking; pass ``data`` back unchanged in later turns."""

    data: str
    type: Literal["redacted_thinking"]
