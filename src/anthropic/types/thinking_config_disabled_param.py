"""``ThinkingConfigDisabledParam``: Extended thinking off."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ThinkingConfigDisabledParam"]


class ThinkingConfigDisabledParam(TypedDict, total=False):
    """Extended thinking off."""

    type: Required[Literal["disabled"]]
