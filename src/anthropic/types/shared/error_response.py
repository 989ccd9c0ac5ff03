"""``ErrorResponse``: the JSON body of an API error (and of an errored batch result)."""

from __future__ import annotations

from typing import Optional

from typing_extensions import Literal

from ..._models import BaseModel
from .error_object import ErrorObject

__all__ = ["ErrorResponse"]


class ErrorResponse(BaseModel):
    """``{"type": "error", "error": {"type": ..., "message": ...}, "request_id": ...}``."""

    error: ErrorObject
    request_id: Optional[str] = None
    """The id of the failed request, when the API reports one."""
    type: Literal["error"]
