"""``APIErrorObject``: the error object of a ``api_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["APIErrorObject"]


class APIErrorObject(BaseModel):
    """An unexpected error inside the API (HTTP 500)."""

    message: str
    type: Literal["api_error"]
