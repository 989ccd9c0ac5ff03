"""``MessageCountTokensToolParam``: a tool ``count_tokens`` accepts (the official SDK's name
for the same union ``messages.create`` takes)."""

from __future__ import annotations

from typing_extensions import TypeAlias

from .tool_union_param import ToolUnionParam

__all__ = ["MessageCountTokensToolParam"]

MessageCountTokensToolParam: TypeAlias = ToolUnionParam
