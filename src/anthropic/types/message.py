"""``Message``: a reply from the model (in batches: the payload of a succeeded result)."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Union

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
    content: List[ContentBlock]
    model: Model
    if TYPE_CHECKING:
        role: Literal["assistant"]
    else:  # forward compatible at runtime, typed as the official SDK for type checkers
        role: Union[Literal["assistant"], str]
    if TYPE_CHECKING:
        stop_reason: Optional[StopReason] = None
    else:
        stop_reason: Optional[Union[StopReason, str]] = None
    """Why the model stopped; values newer than this SDK are kept as plain strings."""
    stop_sequence: Optional[str] = None
    """The custom stop sequence that was generated, if that is why the model stopped."""
    type: Literal["message"]
    usage: Usage
