"""``ServerToolUseBlockParam``: a server tool call sent back in an assistant turn."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["ServerToolUseBlockParam"]


class ServerToolUseBlockParam(TypedDict, total=False):
    """A ``server_tool_use`` block as received."""

    type: Required[Literal["server_tool_use"]]
    id: Required[str]
    name: Required[Literal["web_search"]]
    input: Required[object]
    cache_control: Optional[CacheControlEphemeralParam]
