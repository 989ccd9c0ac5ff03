"""``MessageBatch``: the state of a Message Batch (returned by create, retrieve, list, cancel)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional, Union

from typing_extensions import Literal

from ..._models import BaseModel
from .message_batch_request_counts import MessageBatchRequestCounts

__all__ = ["MessageBatch"]


class MessageBatch(BaseModel):
    """A batch of Messages requests processed asynchronously.

    ``processing_status`` moves ``in_progress`` -> (``canceling`` ->) ``ended``; once it is
    ``ended``, ``results_url`` is set and the results can be streamed. Status values newer
    than this SDK are kept as plain strings.
    """

    id: str
    type: Literal["message_batch"]
    processing_status: Union[Literal["in_progress", "canceling", "ended"], str]
    request_counts: MessageBatchRequestCounts
    created_at: datetime
    expires_at: datetime
    """When unfinished requests expire (24 hours after creation)."""
    ended_at: Optional[datetime] = None
    """When processing ended, or ``None`` while it runs."""
    cancel_initiated_at: Optional[datetime] = None
    """When cancellation was requested, or ``None``."""
    archived_at: Optional[datetime] = None
    """When the results were archived and became unavailable, or ``None``."""
    results_url: Optional[str] = None
    """Where to download the ``.jsonl`` results once processing has ended."""
