"""``RawMessageDeltaEvent``: top-level changes near the end of a stream (stop reason, usage)."""

from __future__ import annotations

from typing import Optional, Union

from typing_extensions import Literal

from .._models import BaseModel
from .message_delta_usage import MessageDeltaUsage
from .stop_reason import StopReason

__all__ = ["Delta", "RawMessageDeltaEvent"]


class Delta(BaseModel):
    """The message fields that changed."""

    stop_reason: Optional[Union[StopReason, str]] = None
    stop_sequence: Optional[str] = None


class RawMessageDeltaEvent(BaseModel):
    """Why generation stopped, and the cumulative ``usage``."""

    delta: Delta
    type: Literal["message_delta"]
    usage: MessageDeltaUsage
