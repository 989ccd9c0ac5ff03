"""``MessageBatchSucceededResult``: a request of the batch that produced a message."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel
from ..message import Message

__all__ = ["MessageBatchSucceededResult"]


class MessageBatchSucceededResult(BaseModel):
    """The request succeeded; ``message`` is the model's reply."""

    message: Message
    type: Literal["succeeded"]
