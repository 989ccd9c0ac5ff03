"""``Message``: a reply from the model (in batches: the payload of a succeeded result)."""

from __future__ import annotations

from typing import List, Optional, Union

from typing_extensions import Literal

from .._models import BaseModel
from .content_block import ContentBlock
from .model import Model
from .stop_reason import StopReason
from .usage import Usage

__all__ = ["Message"]


class Message(BaseModel):
    """An assistant message: content blocks, why generation stopped, and token usage.

    for block in message.content:
        if block.type == "text":
            print(block.text)
    """

    id: str
    type: Literal["message"]
    role: Union[Literal["assistant"], str]
    model: Model
    content: List[ContentBlock]
    stop_reason: Optional[Union[StopReason, str]] = None
    """Why the model stopped; values newer than this SDK are kept as plain strings."""
    stop_sequence: Optional[str] = None
    """The custom stop sequence that was generated, if that is why the model stopped."""
    usage: Usage
