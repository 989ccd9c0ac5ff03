"""``WebSearchToolRequestErrorParam``: a failed web search sent back in an assistant turn."""

from typing_extensions import Literal, Required, TypeAlias, TypedDict

__all__ = ["WebSearchErrorCode", "WebSearchToolRequestErrorParam"]

WebSearchErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "unavailable",
    "max_uses_exceeded",
    "too_many_requests",
    "query_too_long",
]
"""The web search error codes this SDK knows (a response may carry newer ones)."""


class WebSearchToolRequestErrorParam(TypedDict, total=False):
    """A web search error as received."""

    type: Required[Literal["web_search_tool_result_error"]]
    error_code: Required[WebSearchErrorCode]
