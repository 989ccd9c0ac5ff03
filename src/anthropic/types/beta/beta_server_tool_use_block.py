"""``BetaServerToolUseBlock``: a call of a tool the API runs, in a beta reply."""

from __future__ import annotations

from ..server_tool_use_block import ServerToolUseBlock

__all__ = ["BetaServerToolUseBlock"]


class BetaServerToolUseBlock(ServerToolUseBlock):
    """The same fields as ``ServerToolUseBlock``, which it is."""
