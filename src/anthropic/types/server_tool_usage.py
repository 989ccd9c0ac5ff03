"""``ServerToolUsage``: how often server-side tools ran while producing a message."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["ServerToolUsage"]


class ServerToolUsage(BaseModel):
    """Counts of server tool invocations (newer tools arrive as extra fields)."""

    web_search_requests: int = 0
    """Number of web searches the model ran."""
