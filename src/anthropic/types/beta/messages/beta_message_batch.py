"""``BetaMessageBatch``: a Message Batch as the beta endpoint returns it."""

from __future__ import annotations

from pydantic import field_validator

from ...messages.message_batch import MessageBatch
from ...messages.message_batch_request_counts import MessageBatchRequestCounts
from .beta_message_batch_request_counts import BetaMessageBatchRequestCounts

__all__ = ["BetaMessageBatch"]


class BetaMessageBatch(MessageBatch):
    """The state of a batch; the same fields as ``MessageBatch``, which it is, so it can be
    passed wherever a ``MessageBatch`` is taken (``results(batch)``, ``wait(batch)``, ...).

    ``request_counts`` holds a ``BetaMessageBatchRequestCounts``.
    """

    @field_validator("request_counts", mode="after")
    @classmethod
    def _beta_counts(cls, value: MessageBatchRequestCounts) -> MessageBatchRequestCounts:
        # The field keeps its stable declared type (a subclass may not narrow a field), and
        # the value becomes the beta class, so the batch prints as the official one does.
        if type(value) is not MessageBatchRequestCounts:
            return value
        fields = value.model_fields_set
        return BetaMessageBatchRequestCounts.model_construct(fields, **value.model_dump())
