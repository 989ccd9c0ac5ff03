"""``ThinkingConfigParam``: extended thinking settings of a request."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .thinking_config_disabled_param import ThinkingConfigDisabledParam
from .thinking_config_enabled_param import ThinkingConfigEnabledParam

__all__ = ["ThinkingConfigParam"]

ThinkingConfigParam: TypeAlias = Union[ThinkingConfigEnabledParam, ThinkingConfigDisabledParam]
"""``{"type": "enabled", "budget_tokens": 2048}`` or ``{"type": "disabled"}``."""
