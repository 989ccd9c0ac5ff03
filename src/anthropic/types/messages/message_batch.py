"""``MessageBatch``: the state of a Message Batch (returned by create, retrieve, list, cancel)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Literal

from ..._models import BaseModel
from .._timestamps import Timestamp
from .message_batch_request_counts import MessageBatchRequestCounts

__all__ = ["MessageBatch"]


class MessageBatch(BaseModel):
    """A batch of Messages requests processed asynchronously.

    ``processing_status`` moves ``in_progress`` -> (``canceling`` ->) ``ended``; once it is
    ``ended``, ``results_url`` is set and the results can be streamed. A status newer than
    this SDK is left out of the type (as in the official SDK, so a type checker flags a typo
    such as ``== "completed"``) but parses at runtime as the plain string sent.
    """

    id: str
    archived_at: Optional[datetime] = None
    """When the results were archived and became unavailable, or ``None``."""
    cancel_initiated_at: Optional[datetime] = None
    """When cancellation was requested, or ``None``."""
    created_at: Timestamp
    ended_at: Optional[datetime] = None
    """When processing ended, or ``None`` while it runs."""
    expires_at: Timestamp
    """When unfinished requests expire (24 hours after creation)."""
    if TYPE_CHECKING:
        processing_status: Literal["in_progress", "canceling", "ended"]
    else:  # a newer status stays a plain string at runtime (forward compatible)
        processing_status: Union[Literal["in_progress", "canceling", "ended"], str]
    request_counts: MessageBatchRequestCounts
    results_url: Optional[str] = None
    """Where to download the ``.jsonl`` results once processing has ended."""
    type: Literal["message_batch"]
