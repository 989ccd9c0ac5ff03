"""``MessageCountTokensParams``: the body of ``messages.count_tokens``."""

from __future__ import annotations

from typing import Iterable, Union

from typing_extensions import Required, TypedDict

from .message_param import MessageParam
from .model_param import ModelParam
from .text_block_param import TextBlockParam
from .thinking_config_param import ThinkingConfigParam
from .tool_choice_param import ToolChoiceParam
from .tool_union_param import ToolUnionParam

__all__ = ["MessageCountTokensParams"]


class MessageCountTokensParams(TypedDict, total=False):
    """The fields of a Messages request that count toward its input tokens."""

    messages: Required[Iterable[MessageParam]]
    model: Required[ModelParam]
    system: Union[str, Iterable[TextBlockParam]]
    thinking: ThinkingConfigParam
    tool_choice: ToolChoiceParam
    tools: Iterable[ToolUnionParam]
