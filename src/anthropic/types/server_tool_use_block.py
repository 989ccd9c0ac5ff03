"""``ServerToolUseBlock``: a tool call the API ran itself (such as web search)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Union

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["ServerToolUseBlock"]


class ServerToolUseBlock(BaseModel):
    """A server tool invocation; its result follows in a matching ``*_tool_result`` block."""

    id: str
    input: Dict[str, object]
    if TYPE_CHECKING:
        name: Literal["web_search"]
    else:  # a newer server tool stays a plain string at runtime
        name: Union[Literal["web_search"], str]
    type: Literal["server_tool_use"]
