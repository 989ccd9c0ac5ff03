"""``MessageBatchCanceledResult``: a request canceled before it was processed."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["MessageBatchCanceledResult"]


class MessageBatchCanceledResult(BaseModel):
    """The batch was canceled before this request was processed (not billed)."""

    type: Literal["canceled"]
