"""``RawMessageStopEvent``: the last event of a complete stream."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["RawMessageStopEvent"]


class RawMessageStopEvent(BaseModel):
    """The last event of a complete stream."""

    type: Literal["message_stop"]
