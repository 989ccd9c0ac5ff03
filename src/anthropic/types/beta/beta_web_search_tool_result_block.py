"""``BetaWebSearchToolResultBlock``: the results of a server-side web search, in a beta reply."""

from __future__ import annotations

from ..web_search_tool_result_block import WebSearchToolResultBlock

__all__ = ["BetaWebSearchToolResultBlock"]


class BetaWebSearchToolResultBlock(WebSearchToolResultBlock):
    """The same fields as ``WebSearchToolResultBlock``, which it is."""
