"""``MessageBatchIndividualResponse``: one line of a batch's results file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._models import BaseModel
from .message_batch_result import MessageBatchResult

if TYPE_CHECKING:
    from ..message import Message

__all__ = ["MessageBatchIndividualResponse"]


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
        """The message if this request succeeded; else raise ``BatchResultError``."""
        from ...lib import unwrap

        return unwrap(self)
