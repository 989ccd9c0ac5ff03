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
        """The message if this request succeeded; else raise ``BatchResultError``.

        Also for a line the lenient parser let through without a usable result (not an
        object, no ``type``, a succeeded result without a message): never
        ``AttributeError``."""
        result: object = self.result
        kind: object = getattr(result, "type", None)
        custom_id: object = self.custom_id
        who = custom_id if isinstance(custom_id, str) else repr(custom_id)
        if kind == "succeeded":
            message: object = getattr(result, "message", None)
            if isinstance(message, BetaMessage):
                return message
            raise BatchResultError(who, "succeeded", None, "the result carries no message")
        if not isinstance(kind, str):
            raise BatchResultError(who, "malformed", None, f"result is {result!r:.80}")
        error: object = getattr(getattr(result, "error", None), "error", None)
        error_type: object = getattr(error, "type", None)
        text: object = getattr(error, "message", None)
        if kind != "errored" or not isinstance(error_type, str):
            raise BatchResultError(who, kind, None, None)
        raise BatchResultError(who, kind, error_type, text if isinstance(text, str) else None)
