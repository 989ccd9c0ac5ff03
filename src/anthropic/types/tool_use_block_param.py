"""``ToolUseBlockParam``: a tool call sent back in an assistant turn."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["ToolUseBlockParam"]


class ToolUseBlockParam(TypedDict, total=False):
    """A ``tool_use`` block as the model produced it (echoed in the conversation history)."""

    type: Required[Literal["tool_use"]]
    id: Required[str]
    name: Required[str]
    input: Required[object]
    cache_control: Optional[CacheControlEphemeralParam]
