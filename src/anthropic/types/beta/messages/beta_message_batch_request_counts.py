"""``BetaMessageBatchRequestCounts``: the request counts of a ``BetaMessageBatch``."""

from __future__ import annotations

from ...messages.message_batch_request_counts import MessageBatchRequestCounts

__all__ = ["BetaMessageBatchRequestCounts"]


class BetaMessageBatchRequestCounts(MessageBatchRequestCounts):
    """How many requests are in each state; the same fields and mapping view as
    ``MessageBatchRequestCounts`` (which it is)."""
