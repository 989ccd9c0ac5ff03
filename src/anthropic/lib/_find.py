"""``find_created_batch``: did a create whose response was lost create a batch after all?

    try:
        batch = client.messages.batches.create(requests=requests)
    except BatchCreateOutcomeUnknownError as exc:
        batch = find_created_batch(client, exc)       # None: nothing was created
        if batch is None:
            batch = client.messages.batches.create(requests=requests)

The API has no idempotency key, so this looks at the newest batches: one created at or
after the request was sent (less ``skew`` seconds for clock differences) holding exactly
as many requests is taken to be it. If several match (another process created batches
of the same size at the same moment), the one created closest to the send time wins.
"""

from __future__ import annotations

from datetime import datetime
from typing import List, Optional

from .._exceptions import BatchCreateOutcomeUnknownError
from ..types.messages import MessageBatch
from ..types.messages.message_batch_request_counts import readable_counts
from ._api import AsyncClientAPI, SyncClientAPI

__all__ = ["afind_created_batch", "find_created_batch"]


class _Finder:
    """Pure: feed batches newest first; ``done`` once they are older than the window."""

    def __init__(self, error: BatchCreateOutcomeUnknownError, skew: float) -> None:
        self.since = error.sent_at - skew
        self.sent_at = error.sent_at
        self.count = error.request_count
        self.matches: List[MessageBatch] = []
        self.done = False

    def feed(self, batch: MessageBatch) -> None:
        created: object = batch.created_at
        if not isinstance(created, datetime):
            return  # leniently parsed without a usable created_at: cannot be the one
        counts = readable_counts(batch.request_counts)
        if created.timestamp() < self.since:
            self.done = True
        elif counts is not None and sum(counts.values()) == self.count:
            self.matches.append(batch)

    def best(self) -> Optional[MessageBatch]:
        if not self.matches:
            return None
        return min(self.matches, key=lambda b: abs(b.created_at.timestamp() - self.sent_at))


def find_created_batch(
    client: SyncClientAPI, error: BatchCreateOutcomeUnknownError, *, skew: float = 60.0
) -> Optional[MessageBatch]:
    """The batch the failed create made, or ``None`` (see the module docstring)."""
    finder = _Finder(error, skew)
    for batch in client.messages.batches.list(limit=100):
        finder.feed(batch)
        if finder.done:
            break
    return finder.best()


async def afind_created_batch(
    client: AsyncClientAPI, error: BatchCreateOutcomeUnknownError, *, skew: float = 60.0
) -> Optional[MessageBatch]:
    """See ``find_created_batch``."""
    finder = _Finder(error, skew)
    # Page by page rather than ``async for``: stopping early must not leave an async
    # generator for the garbage collector to finalize.
    page = await client.messages.batches.list(limit=100)
    while True:
        for batch in page.data:
            finder.feed(batch)
            if finder.done:
                return finder.best()
        if not page.has_next_page():
            return finder.best()
        page = await page.get_next_page()
