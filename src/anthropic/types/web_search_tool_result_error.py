"""``WebSearchToolResultError``: why a web search produced no results."""

from __future__ import annotations

from typing import Union

from typing_extensions import Literal

from .._models import BaseModel
from .web_search_tool_request_error_param import WebSearchErrorCode

__all__ = ["WebSearchToolResultError"]


class WebSearchToolResultError(BaseModel):
    """A failed web search; new error codes are kept as plain strings."""

    error_code: Union[WebSearchErrorCode, str]
    type: Literal["web_search_tool_result_error"]
