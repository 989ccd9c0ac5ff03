"""``BetaToolUseBlock``: a call of one of your tools, in a beta reply."""

from __future__ import annotations

from ..tool_use_block import ToolUseBlock

__all__ = ["BetaToolUseBlock"]


class BetaToolUseBlock(ToolUseBlock):
    """The same fields as ``ToolUseBlock``, which it is."""
