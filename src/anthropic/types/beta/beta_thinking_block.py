"""``BetaThinkingBlock``: the model's visible reasoning, in a beta reply."""

from __future__ import annotations

from ..thinking_block import ThinkingBlock

__all__ = ["BetaThinkingBlock"]


class BetaThinkingBlock(ThinkingBlock):
    """The same fields as ``ThinkingBlock``, which it is."""
