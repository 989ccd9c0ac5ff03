"""``GatewayTimeoutError``: the error object of a ``timeout_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["GatewayTimeoutError"]


class GatewayTimeoutError(BaseModel):
    """The request timed out inside the API (HTTP 504)."""

    message: str
    type: Literal["timeout_error"]
