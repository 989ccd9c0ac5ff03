"""``WebSearchToolResultBlockContent``: the hits of a web search, or its error."""

from __future__ import annotations

from typing import List, Union

from typing_extensions import TypeAlias

from .web_search_result_block import WebSearchResultBlock
from .web_search_tool_result_error import WebSearchToolResultError

__all__ = ["WebSearchToolResultBlockContent"]

WebSearchToolResultBlockContent: TypeAlias = Union[
    WebSearchToolResultError, List[WebSearchResultBlock]
]
"""A list of results on success, a ``WebSearchToolResultError`` object on failure."""
