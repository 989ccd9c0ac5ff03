"""Streaming helpers: ``client.messages.stream(...)`` returns a manager whose ``with`` block
gives a ``MessageStream`` (``AsyncMessageStream`` on the async client)."""

from ._messages import (
    AsyncMessageStream,
    AsyncMessageStreamManager,
    MessageStream,
    MessageStreamManager,
)
from ._types import (
    CitationEvent,
    InputJsonEvent,
    MessageStreamEvent,
    SignatureEvent,
    TextEvent,
    ThinkingEvent,
)

__all__ = [
    "AsyncMessageStream",
    "AsyncMessageStreamManager",
    "CitationEvent",
    "InputJsonEvent",
    "MessageStream",
    "MessageStreamEvent",
    "MessageStreamManager",
    "SignatureEvent",
    "TextEvent",
    "ThinkingEvent",
]
