"""``WebSearchToolResultBlock``: the outcome of a web search the API ran."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel
from .web_search_tool_result_block_content import WebSearchToolResultBlockContent

__all__ = ["WebSearchToolResultBlock"]


class WebSearchToolResultBlock(BaseModel):
    """Results (or an error) for the ``server_tool_use`` block with id ``tool_use_id``."""

    content: WebSearchToolResultBlockContent
    tool_use_id: str
    type: Literal["web_search_tool_result"]
