"""``MessageDeltaUsage``: the cumulative token counts a ``message_delta`` event reports."""

from __future__ import annotations

from typing import Optional

from .._models import BaseModel
from .server_tool_usage import ServerToolUsage

__all__ = ["MessageDeltaUsage"]


class MessageDeltaUsage(BaseModel):
    """Counts so far; ``output_tokens`` is always sent, the others when they changed."""

    cache_creation_input_tokens: Optional[int] = None
    cache_read_input_tokens: Optional[int] = None
    input_tokens: Optional[int] = None
    output_tokens: int
    server_tool_use: Optional[ServerToolUsage] = None
