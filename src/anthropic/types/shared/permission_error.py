"""``PermissionError``: the error object of a ``permission_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["PermissionError"]


class PermissionError(BaseModel):
    """The credentials may not use this resource (HTTP 403)."""

    message: str
    type: Literal["permission_error"]
