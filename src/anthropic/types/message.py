"""``Message``: a reply from the model (in batches: the payload of a succeeded result)."""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Union

from typing_extensions import Literal, TypeAlias

from .._models import BaseModel
from .content_block import ContentBlock
from .model import Model
from .stop_reason import OpenStopReason
from .usage import Usage

__all__ = ["Message"]

if TYPE_CHECKING:
    AssistantRole: TypeAlias = Literal["assistant"]
else:
    AssistantRole = Union[Literal["assistant"], str]
"""The annotation of ``Message.role`` (and ``BetaMessage``'s): typed as the official SDK
for type checkers, forward compatible at runtime (another role is kept as its string)."""


class Message(BaseModel):
    """An assistant message: content blocks, why generation stopped, and token usage.

    for block in message.content:
        if block.type == "text":
            print(block.text)
    """

    id: str
    content: List[ContentBlock]
    model: Model
    role: AssistantRole
    stop_reason: Optional[OpenStopReason] = None
    """Why the model stopped; values newer than this SDK are kept as plain strings."""
    stop_sequence: Optional[str] = None
    """The custom stop sequence that was generated, if that is why the model stopped."""
    type: Literal["message"]
    usage: Usage
