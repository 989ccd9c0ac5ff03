"""``ThinkingBlockParam``: a thinking block sent back in an assistant turn."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ThinkingBlockParam"]


class ThinkingBlockParam(TypedDict, total=False):
    """Extended thinking as received, with its unchanged ``signature``."""

    type: Required[Literal["thinking"]]
    thinking: Required[str]
    signature: Required[str]
