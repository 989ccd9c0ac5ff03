"""``ToolTextEditor20250728Param``: the text editor tool, July 2025 version (run by the caller)."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["ToolTextEditor20250728Param"]


class ToolTextEditor20250728Param(TypedDict, total=False):
    """The April 2025 editor plus ``max_characters``: how much of a file a ``view``
    command shows (the whole file when not set)."""

    name: Required[Literal["str_replace_based_edit_tool"]]
    type: Required[Literal["text_editor_20250728"]]
    cache_control: Optional[CacheControlEphemeralParam]
    max_characters: Optional[int]
