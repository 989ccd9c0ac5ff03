"""``MessageBatch``: the state of a Message Batch (returned by create, retrieve, list, cancel)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Optional, Union

from pydantic import field_validator
from typing_extensions import Literal

from ..._models import BaseModel
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
    created_at: datetime
    ended_at: Optional[datetime] = None
    """When processing ended, or ``None`` while it runs."""
    expires_at: datetime
    """When unfinished requests expire (24 hours after creation)."""
    if TYPE_CHECKING:
        processing_status: Literal["in_progress", "canceling", "ended"]
    else:  # a newer status stays a plain string at runtime (forward compatible)
        processing_status: Union[Literal["in_progress", "canceling", "ended"], str]
    request_counts: MessageBatchRequestCounts
    results_url: Optional[str] = None
    """Where to download the ``.jsonl`` results once processing has ended."""
    type: Literal["message_batch"]

    @field_validator("created_at", "expires_at")
    @classmethod
    def _plain_timezone(cls, value: datetime) -> datetime:
        # Print as the official SDK does: its required timestamps carry a
        # ``datetime.timezone`` (``tzinfo=datetime.timezone.utc``), not pydantic's TzInfo.
        offset = value.utcoffset()
        if offset is None:
            return value
        return value.replace(tzinfo=timezone.utc if not offset else timezone(offset))
