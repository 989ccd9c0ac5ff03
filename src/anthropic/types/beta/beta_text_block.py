"""``BetaTextBlock``: a text block, in a beta reply."""

from __future__ import annotations

from ..text_block import TextBlock

__all__ = ["BetaTextBlock"]


class BetaTextBlock(TextBlock):
    """The same fields as ``TextBlock``, which it is."""
