"""``ToolBash20250124Param``: the Anthropic-defined bash tool (run by the caller)."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["ToolBash20250124Param"]


class ToolBash20250124Param(TypedDict, total=False):
    """Lets the model issue shell commands that the caller executes."""

    name: Required[Literal["bash"]]
    type: Required[Literal["bash_20250124"]]
    cache_control: Optional[CacheControlEphemeralParam]
