"""``MessageBatchIndividualResponse``: one line of a batch's results file."""

from __future__ import annotations

from ..._models import BaseModel
from .message_batch_result import MessageBatchResult

__all__ = ["MessageBatchIndividualResponse"]


class MessageBatchIndividualResponse(BaseModel):
    """The outcome of the request with ``custom_id`` (results come in any order).

    for line in results:
        if line.result.type == "succeeded":
            print(line.custom_id, line.result.message.content)
    """

    custom_id: str
    """The id the request was submitted with; match results to requests by it."""
    result: MessageBatchResult
