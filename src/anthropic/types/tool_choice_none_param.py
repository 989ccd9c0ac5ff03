"""``ToolChoiceNoneParam``: The model must not call any tool."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ToolChoiceNoneParam"]


class ToolChoiceNoneParam(TypedDict, total=False):
    """The model must not call any tool."""

    type: Required[Literal["none"]]
