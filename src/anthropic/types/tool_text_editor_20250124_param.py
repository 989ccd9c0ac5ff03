"""``ToolTextEditor20250124Param``: the Anthropic-defined text editor tool (run by the caller)."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["ToolTextEditor20250124Param"]


class ToolTextEditor20250124Param(TypedDict, total=False):
    """Lets the model view and edit files through commands the caller executes."""

    name: Required[Literal["str_replace_editor"]]
    type: Required[Literal["text_editor_20250124"]]
    cache_control: Optional[CacheControlEphemeralParam]
