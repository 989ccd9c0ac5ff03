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
    ContentBlockStopEvent,
    InputJsonEvent,
    MessageStopEvent,
    MessageStreamEvent,
    SignatureEvent,
    TextEvent,
    ThinkingEvent,
)

__all__ = [
    "AsyncMessageStream",
    "AsyncMessageStreamManager",
    "CitationEvent",
    "ContentBlockStopEvent",
    "InputJsonEvent",
    "MessageStopEvent",
    "MessageStream",
    "MessageStreamEvent",
    "MessageStreamManager",
    "SignatureEvent",
    "TextEvent",
    "ThinkingEvent",
]
