"""``ToolResultBlockParam``: the caller's answer to a tool call."""

from typing import Iterable, Optional, Union

from typing_extensions import Literal, Required, TypeAlias, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam
from .document_block_param import DocumentBlockParam
from .image_block_param import ImageBlockParam
from .search_result_block_param import SearchResultBlockParam
from .text_block_param import TextBlockParam

__all__ = ["Content", "ToolResultBlockParam"]

Content: TypeAlias = Union[
    TextBlockParam, ImageBlockParam, SearchResultBlockParam, DocumentBlockParam
]
"""A block of tool output."""


class ToolResultBlockParam(TypedDict, total=False):
    """The result of running the tool call ``tool_use_id``, in the next user message."""

    type: Required[Literal["tool_result"]]
    tool_use_id: Required[str]
    content: Union[str, Iterable[Content]]
    is_error: bool
    """Set when the tool failed; ``content`` then describes the failure."""
    cache_control: Optional[CacheControlEphemeralParam]
