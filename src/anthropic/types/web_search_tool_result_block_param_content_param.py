"""``WebSearchToolResultBlockParamContentParam``: web search hits or the search's error."""

from __future__ import annotations

from typing import Iterable, Union

from typing_extensions import TypeAlias

from .web_search_result_block_param import WebSearchResultBlockParam
from .web_search_tool_request_error_param import WebSearchToolRequestErrorParam

__all__ = ["WebSearchToolResultBlockParamContentParam"]

WebSearchToolResultBlockParamContentParam: TypeAlias = Union[
    Iterable[WebSearchResultBlockParam], WebSearchToolRequestErrorParam
]
"""The ``content`` of a web search result block."""
