"""``BetaMessageBatchIndividualResponse``: one line of a beta batch's results."""

from __future__ import annotations

from ...._exceptions import BatchResultError
from ...._models import BaseModel
from ..beta_message import BetaMessage
from .beta_message_batch_result import BetaMessageBatchResult

__all__ = ["BetaMessageBatchIndividualResponse"]


class BetaMessageBatchIndividualResponse(BaseModel):
    """The outcome of the request with ``custom_id``; a succeeded one holds a
    ``BetaMessage``. ``unwrap()`` as on ``MessageBatchIndividualResponse``."""

    custom_id: str
    result: BetaMessageBatchResult

    def unwrap(self) -> BetaMessage:
        """The message if this request succeeded; else raise ``BatchResultError``."""
        result = self.result
        if result.type == "succeeded":
            return result.message
        error: object = getattr(getattr(result, "error", None), "error", None)
        kind: object = getattr(error, "type", None)
        text: object = getattr(error, "message", None)
        raise BatchResultError(
            self.custom_id,
            str(result.type),
            kind if isinstance(kind, str) else None,
            text if isinstance(text, str) and isinstance(kind, str) else None,
        )
