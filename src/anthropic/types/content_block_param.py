"""``ContentBlockParam``: the union of blocks a request message can contain."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .document_block_param import DocumentBlockParam
from .image_block_param import ImageBlockParam
from .redacted_thinking_block_param import RedactedThinkingBlockParam
from .search_result_block_param import SearchResultBlockParam
from .server_tool_use_block_param import ServerToolUseBlockParam
from .text_block_param import TextBlockParam
from .thinking_block_param import ThinkingBlockParam
from .tool_result_block_param import ToolResultBlockParam
from .tool_use_block_param import ToolUseBlockParam
from .web_search_tool_result_block_param import WebSearchToolResultBlockParam

__all__ = ["ContentBlockParam"]

ContentBlockParam: TypeAlias = Union[
    TextBlockParam,
    ImageBlockParam,
    DocumentBlockParam,
    SearchResultBlockParam,
    ThinkingBlockParam,
    RedactedThinkingBlockParam,
    ToolUseBlockParam,
    ToolResultBlockParam,
    ServerToolUseBlockParam,
    WebSearchToolResultBlockParam,
]
"""Any block of request message content, as a dict."""
