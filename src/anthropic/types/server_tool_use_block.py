"""``ServerToolUseBlock``: a tool call the API ran itself (such as web search)."""

from __future__ import annotations

from typing import Dict, Union

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["ServerToolUseBlock"]


class ServerToolUseBlock(BaseModel):
    """A server tool invocation; its result follows in a matching ``*_tool_result`` block."""

    type: Literal["server_tool_use"]
    id: str
    name: Union[Literal["web_search"], str]
    input: Dict[str, object]
