"""``WebSearchToolRequestErrorParam``: a failed web search sent back in an assistant turn."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["WebSearchToolRequestErrorParam"]


class WebSearchToolRequestErrorParam(TypedDict, total=False):
    """A web search error as received."""

    type: Required[Literal["web_search_tool_result_error"]]
    error_code: Required[
        Literal[
            "invalid_tool_input",
            "unavailable",
            "max_uses_exceeded",
            "too_many_requests",
            "query_too_long",
        ]
    ]
