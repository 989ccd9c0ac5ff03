"""``ToolChoiceToolParam``: The model must call the tool named ``name``."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ToolChoiceToolParam"]


class ToolChoiceToolParam(TypedDict, total=False):
    """The model must call the tool named ``name``."""

    type: Required[Literal["tool"]]
    name: Required[str]
    disable_parallel_tool_use: bool
    """Require exactly one tool call per response."""
