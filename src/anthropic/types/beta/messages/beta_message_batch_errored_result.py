"""``BetaMessageBatchErroredResult``: a beta batch request that was errored."""

from __future__ import annotations

from ...messages.message_batch_errored_result import MessageBatchErroredResult

__all__ = ["BetaMessageBatchErroredResult"]


class BetaMessageBatchErroredResult(MessageBatchErroredResult):
    """The same fields as ``MessageBatchErroredResult``, which it is."""
