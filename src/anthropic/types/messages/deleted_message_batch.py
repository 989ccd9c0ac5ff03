"""``DeletedMessageBatch``: the response to deleting a Message Batch."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["DeletedMessageBatch"]


class DeletedMessageBatch(BaseModel):
    """Confirms that the batch ``id`` and its results were deleted."""

    id: str
    type: Literal["message_batch_deleted"]
