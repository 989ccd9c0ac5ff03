"""``OverloadedError``: the error object of a ``overloaded_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["OverloadedError"]


class OverloadedError(BaseModel):
    """The API is temporarily overloaded (HTTP 529)."""

    message: str
    type: Literal["overloaded_error"]
