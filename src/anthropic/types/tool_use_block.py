"""``ToolUseBlock``: the model asks the caller to run a client-side tool."""

from __future__ import annotations

from typing import Dict

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["ToolUseBlock"]


class ToolUseBlock(BaseModel):
    """A tool call: run ``name`` with ``input``, then answer with a ``tool_result`` for ``id``."""

    id: str
    input: Dict[str, object]
    """The arguments, shaped by the tool's ``input_schema``."""
    name: str
    type: Literal["tool_use"]
