"""``MessageBatchIndividualResponse``: one line of a batch's results file."""

from __future__ import annotations

from typing import Optional, Tuple, Type, TypeVar

from ..._exceptions import BatchResultError
from ..._models import BaseModel
from ..message import Message
from .message_batch_result import MessageBatchResult

__all__ = ["MessageBatchIndividualResponse"]

M = TypeVar("M")


class MessageBatchIndividualResponse(BaseModel):
    """The outcome of the request with ``custom_id`` (results come in any order).

    for line in results:
        if line.result.type == "succeeded":
            print(line.custom_id, line.result.message.content)

    ``unwrap()`` returns the ``Message`` of a succeeded result and raises
    ``anthropic.lib.BatchResultError`` (with ``custom_id``, ``result_type`` and
    ``error_type``) for every other outcome.
    """

    custom_id: str
    """The id the request was submitted with; match results to requests by it."""
    result: MessageBatchResult

    def unwrap(self) -> Message:
        """The message if this request succeeded; else raise ``BatchResultError``.

        A line the lenient parser let through without a usable result (``result`` not an
        object, no ``type``, a succeeded result without a message) raises
        ``BatchResultError`` too, never ``AttributeError``."""
        return unwrap_message(self.custom_id, self.result, Message)


def unwrap_message(custom_id: object, result: object, message_type: Type[M]) -> M:
    """The message of a succeeded ``result``, else ``BatchResultError``: the ``unwrap()`` of
    ``MessageBatchIndividualResponse`` (``message_type=Message``) and of its beta twin.

    Read attribute by attribute, so a line built leniently raises ``BatchResultError`` too.
    """
    kind: object = getattr(result, "type", None)
    who = custom_id if isinstance(custom_id, str) else repr(custom_id)
    if kind == "succeeded":
        message: object = getattr(result, "message", None)
        if isinstance(message, message_type):
            return message
        raise BatchResultError(who, "succeeded", None, "the result carries no message")
    if not isinstance(kind, str):
        raise BatchResultError(who, "malformed", None, f"result is {result!r:.80}")
    error_type, error_message = _error_of_result(result)
    raise BatchResultError(who, kind, error_type, error_message)


def error_of(entry: MessageBatchIndividualResponse) -> Tuple[Optional[str], Optional[str]]:
    """The API error type and message of an errored result; ``(None, None)`` otherwise.

    Read attribute by attribute, so a line built leniently (one that failed validation)
    still answers rather than raising.
    """
    return _error_of_result(entry.result)


def _error_of_result(result: object) -> Tuple[Optional[str], Optional[str]]:
    if getattr(result, "type", None) != "errored":
        return None, None
    error: object = getattr(getattr(result, "error", None), "error", None)
    kind: object = getattr(error, "type", None)
    message: object = getattr(error, "message", None)
    if not isinstance(kind, str):
        return None, None
    return kind, message if isinstance(message, str) else None
