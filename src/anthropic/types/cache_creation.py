"""``CacheCreation``: prompt-cache write tokens split by cache lifetime."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["CacheCreation"]


class CacheCreation(BaseModel):
    """Input tokens written to the prompt cache, per time-to-live of the cache entry."""

    ephemeral_1h_input_tokens: int = 0
    """Tokens written to a cache entry that lives one hour."""

    ephemeral_5m_input_tokens: int = 0
    """Tokens written to a cache entry that lives five minutes."""
