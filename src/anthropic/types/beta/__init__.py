"""Models and params of the beta endpoints (``anthropic.types.beta``).

The Message Batches types of ``client.beta.messages.batches`` live in
``anthropic.types.beta.messages``.
"""

from .anthropic_beta_param import AnthropicBetaParam as AnthropicBetaParam
from .beta_container import BetaContainer as BetaContainer
from .beta_content_block import BetaContentBlock as BetaContentBlock
from .beta_message import BetaMessage as BetaMessage
from .beta_redacted_thinking_block import BetaRedactedThinkingBlock as BetaRedactedThinkingBlock
from .beta_server_tool_use_block import BetaServerToolUseBlock as BetaServerToolUseBlock
from .beta_text_block import BetaTextBlock as BetaTextBlock
from .beta_thinking_block import BetaThinkingBlock as BetaThinkingBlock
from .beta_tool_use_block import BetaToolUseBlock as BetaToolUseBlock
from .beta_usage import BetaUsage as BetaUsage
from .beta_web_search_tool_result_block import (
    BetaWebSearchToolResultBlock as BetaWebSearchToolResultBlock,
)

__all__ = [
    "AnthropicBetaParam",
    "BetaContainer",
    "BetaContentBlock",
    "BetaMessage",
    "BetaRedactedThinkingBlock",
    "BetaServerToolUseBlock",
    "BetaTextBlock",
    "BetaThinkingBlock",
    "BetaToolUseBlock",
    "BetaUsage",
    "BetaWebSearchToolResultBlock",
]
