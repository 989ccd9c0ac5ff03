"""``InvalidRequestError``: the error object of a ``invalid_request_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["InvalidRequestError"]


class InvalidRequestError(BaseModel):
    """The request was malformed or failed validation (HTTP 400)."""

    message: str
    type: Literal["invalid_request_error"]
