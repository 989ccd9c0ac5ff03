"""``BetaMessageBatchCanceledResult``: a beta batch request that was canceled."""

from __future__ import annotations

from ...messages.message_batch_canceled_result import MessageBatchCanceledResult

__all__ = ["BetaMessageBatchCanceledResult"]


class BetaMessageBatchCanceledResult(MessageBatchCanceledResult):
    """The same fields as ``MessageBatchCanceledResult``, which it is."""
