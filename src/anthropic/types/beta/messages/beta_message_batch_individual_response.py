"""``BetaMessageBatchIndividualResponse``: one line of a beta batch's results."""

from __future__ import annotations

from ...._models import BaseModel
from ...messages.message_batch_individual_response import unwrap_message
from ..beta_message import BetaMessage
from .beta_message_batch_result import BetaMessageBatchResult

__all__ = ["BetaMessageBatchIndividualResponse"]


class BetaMessageBatchIndividualResponse(BaseModel):
    """The outcome of the request with ``custom_id``; a succeeded one holds a
    ``BetaMessage``. ``unwrap()`` as on ``MessageBatchIndividualResponse``."""

    custom_id: str
    result: BetaMessageBatchResult

    def unwrap(self) -> BetaMessage:
        """The message if this request succeeded; else raise ``BatchResultError``.

        Also for a line the lenient parser let through without a usable result (not an
        object, no ``type``, a succeeded result without a message): never
        ``AttributeError``."""
        return unwrap_message(self.custom_id, self.result, BetaMessage)
