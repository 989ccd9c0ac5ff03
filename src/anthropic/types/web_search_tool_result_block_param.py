"""``WebSearchToolResultBlockParam``: a web search outcome sent back in an assistant turn."""

from typing import Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam
from .web_search_tool_result_block_param_content_param import (
    WebSearchToolResultBlockParamContentParam,
)

__all__ = ["WebSearchToolResultBlockParam"]


class WebSearchToolResultBlockParam(TypedDict, total=False):
    """A ``web_search_tool_result`` block as received."""

    type: Required[Literal["web_search_tool_result"]]
    tool_use_id: Required[str]
    content: Required[WebSearchToolResultBlockParamContentParam]
    cache_control: Optional[CacheControlEphemeralParam]
