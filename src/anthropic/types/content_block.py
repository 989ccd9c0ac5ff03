"""``ContentBlock``: the union of blocks a ``Message`` is made of."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from ._open_union import OpenUnion
from .redacted_thinking_block import RedactedThinkingBlock
from .server_tool_use_block import ServerToolUseBlock
from .text_block import TextBlock
from .thinking_block import ThinkingBlock
from .tool_use_block import ToolUseBlock
from .unknown_content_block import UnknownContentBlock
from .web_search_tool_result_block import WebSearchToolResultBlock

__all__ = ["ContentBlock"]

ContentBlock: TypeAlias = OpenUnion[
    Union[
        TextBlock,
        ThinkingBlock,
        RedactedThinkingBlock,
        ToolUseBlock,
        ServerToolUseBlock,
        WebSearchToolResultBlock,
    ],
    UnknownContentBlock,
]
"""One block of a message; narrow with ``block.type == "text"`` and so on.

Block kinds this SDK does not know parse as ``UnknownContentBlock``.
"""
