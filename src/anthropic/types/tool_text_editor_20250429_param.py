"""``ToolTextEditor20250429Param``: the text editor tool, April 2025 version (run by the caller)."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["ToolTextEditor20250429Param"]


class ToolTextEditor20250429Param(TypedDict, total=False):
    """Lets the model view and edit files through commands the caller executes; this
    version is named ``str_replace_based_edit_tool``."""

    name: Required[Literal["str_replace_based_edit_tool"]]
    type: Required[Literal["text_editor_20250429"]]
    cache_control: Optional[CacheControlEphemeralParam]
