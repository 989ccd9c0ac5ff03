"""``ToolChoiceAutoParam``: The model decides whether to call a tool."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ToolChoiceAutoParam"]


class ToolChoiceAutoParam(TypedDict, total=False):
    """The model decides whether to call a tool."""

    type: Required[Literal["auto"]]
    disable_parallel_tool_use: bool
    """Allow at most one tool call per response."""
