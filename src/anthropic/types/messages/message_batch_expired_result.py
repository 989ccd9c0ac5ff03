"""``MessageBatchExpiredResult``: a request not processed before the batch expired."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["MessageBatchExpiredResult"]


class MessageBatchExpiredResult(BaseModel):
    """The batch reached its 24-hour expiry before this request was processed (not billed)."""

    type: Literal["expired"]
