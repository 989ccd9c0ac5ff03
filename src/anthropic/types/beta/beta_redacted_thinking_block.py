"""``BetaRedactedThinkingBlock``: reasoning the API returns encrypted, in a beta reply."""

from __future__ import annotations

from ..redacted_thinking_block import RedactedThinkingBlock

__all__ = ["BetaRedactedThinkingBlock"]


class BetaRedactedThinkingBlock(RedactedThinkingBlock):
    """The same fields as ``RedactedThinkingBlock``, which it is."""
