"""``MessageTokensCount``: what ``messages.count_tokens`` returns."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["MessageTokensCount"]


class MessageTokensCount(BaseModel):
    """The number of input tokens the request would use (messages, system and tools)."""

    input_tokens: int
