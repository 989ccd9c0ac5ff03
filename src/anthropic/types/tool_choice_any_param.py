"""``ToolChoiceAnyParam``: The model must call one of the tools (any of them)."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ToolChoiceAnyParam"]


class ToolChoiceAnyParam(TypedDict, total=False):
    """The model must call one of the tools (any of them)."""

    type: Required[Literal["any"]]
    disable_parallel_tool_use: bool
    """Require exactly one tool call per response."""
