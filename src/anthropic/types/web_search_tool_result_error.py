"""``WebSearchToolResultError``: why a web search produced no results."""

from __future__ import annotations

from typing import Union

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["WebSearchToolResultError"]


class WebSearchToolResultError(BaseModel):
    """A failed web search; new error codes are kept as plain strings."""

    error_code: Union[
        Literal[
            "invalid_tool_input",
            "unavailable",
            "max_uses_exceeded",
            "too_many_requests",
            "query_too_long",
        ],
        str,
    ]
    type: Literal["web_search_tool_result_error"]
