"""``AuthenticationError``: the error object of a ``authentication_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["AuthenticationError"]


class AuthenticationError(BaseModel):
    """The API key or token is missing or invalid (HTTP 401)."""

    message: str
    type: Literal["authentication_error"]
