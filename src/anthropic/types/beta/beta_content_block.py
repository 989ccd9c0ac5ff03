"""``BetaContentBlock``: the union of blocks a ``BetaMessage`` is made of."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .._open_union import OpenUnion
from ..unknown_content_block import UnknownContentBlock
from .beta_redacted_thinking_block import BetaRedactedThinkingBlock
from .beta_server_tool_use_block import BetaServerToolUseBlock
from .beta_text_block import BetaTextBlock
from .beta_thinking_block import BetaThinkingBlock
from .beta_tool_use_block import BetaToolUseBlock
from .beta_web_search_tool_result_block import BetaWebSearchToolResultBlock

__all__ = ["BetaContentBlock"]

BetaContentBlock: TypeAlias = OpenUnion[
    Union[
        BetaTextBlock,
        BetaThinkingBlock,
        BetaRedactedThinkingBlock,
        BetaToolUseBlock,
        BetaServerToolUseBlock,
        BetaWebSearchToolResultBlock,
    ],
    UnknownContentBlock,
]
"""One block of a beta message; narrow with ``block.type == "text"`` and so on. Each known
block is also its stable class (``BetaTextBlock`` is a ``TextBlock``); block kinds this
SDK does not know (newer beta tools) parse as ``UnknownContentBlock``, every field kept.
"""
