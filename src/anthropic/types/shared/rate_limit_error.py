"""``RateLimitError``: the error object of a ``rate_limit_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["RateLimitError"]


class RateLimitError(BaseModel):
    """A rate limit was hit; retry later (HTTP 429)."""

    message: str
    type: Literal["rate_limit_error"]
