"""``BetaMessageBatchExpiredResult``: a beta batch request that was expired."""

from __future__ import annotations

from ...messages.message_batch_expired_result import MessageBatchExpiredResult

__all__ = ["BetaMessageBatchExpiredResult"]


class BetaMessageBatchExpiredResult(MessageBatchExpiredResult):
    """The same fields as ``MessageBatchExpiredResult``, which it is."""
