"""``NotFoundError``: the error object of a ``not_found_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["NotFoundError"]


class NotFoundError(BaseModel):
    """The resource does not exist (HTTP 404)."""

    message: str
    type: Literal["not_found_error"]
