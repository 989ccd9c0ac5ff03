"""``ThinkingConfigEnabledParam``: Extended thinking on, with a token budget."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["ThinkingConfigEnabledParam"]


class ThinkingConfigEnabledParam(TypedDict, total=False):
    """Extended thinking on, with a token budget."""

    type: Required[Literal["enabled"]]
    budget_tokens: Required[int]
    """Tokens the model may spend thinking; at least 1024 and less than ``max_tokens``."""
