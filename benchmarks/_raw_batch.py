"""The raw floor's own ``MessageBatch`` model: what a careful user writes with plain pydantic
(the same fields the SDK parses), shared by the retrieve/create/paginate/loopback scenarios."""

from __future__ import annotations

from datetime import datetime
from typing import Optional

import pydantic


class RawRequestCounts(pydantic.BaseModel):
    processing: int
    succeeded: int
    errored: int
    canceled: int
    expired: int


class RawBatch(pydantic.BaseModel):
    id: str
    type: str
    processing_status: str
    request_counts: RawRequestCounts
    created_at: datetime
    expires_at: datetime
    ended_at: Optional[datetime] = None
    cancel_initiated_at: Optional[datetime] = None
    archived_at: Optional[datetime] = None
    results_url: Optional[str] = None
