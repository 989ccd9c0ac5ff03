"""``RequestTooLargeError``: the error object of a ``request_too_large`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["RequestTooLargeError"]


class RequestTooLargeError(BaseModel):
    """The request body exceeds the size limit (HTTP 413)."""

    message: str
    type: Literal["request_too_large"]
