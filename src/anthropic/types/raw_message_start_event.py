"""``RawMessageStartEvent``: the first event of a stream, with the empty message."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel
from .message import Message

__all__ = ["RawMessageStartEvent"]


class RawMessageStartEvent(BaseModel):
    """Opens the stream: ``message`` has the id, model and input usage, no content yet."""

    message: Message
    type: Literal["message_start"]
