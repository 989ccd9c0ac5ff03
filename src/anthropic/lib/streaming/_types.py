"""The events ``client.messages.stream(...)`` adds to the raw ones, each with a snapshot.

for event in stream:
    if event.type == "text":
        print(event.text, end="")             # event.snapshot: the block's text so far
    elif event.type == "input_json":
        show(event.snapshot)                  # the tool input parsed so far (a dict)
"""

from __future__ import annotations

from typing import Union

from typing_extensions import Literal, TypeAlias

from ..._models import BaseModel
from ...types.content_block import ContentBlock
from ...types.message import Message
from ...types.raw_content_block_delta_event import RawContentBlockDeltaEvent
from ...types.raw_content_block_start_event import RawContentBlockStartEvent
from ...types.raw_content_block_stop_event import RawContentBlockStopEvent
from ...types.raw_message_delta_event import RawMessageDeltaEvent
from ...types.raw_message_start_event import RawMessageStartEvent
from ...types.raw_message_stop_event import RawMessageStopEvent
from ...types.text_citation import TextCitation

__all__ = [
    "CitationEvent",
    "ContentBlockStopEvent",
    "InputJsonEvent",
    "MessageStopEvent",
    "MessageStreamEvent",
    "SignatureEvent",
    "TextEvent",
    "ThinkingEvent",
]


class TextEvent(BaseModel):
    """Text was added to a ``text`` block; ``snapshot`` is the block's whole text so far."""

    type: Literal["text"]
    text: str
    snapshot: str


class CitationEvent(BaseModel):
    """A citation was added to a ``text`` block; ``snapshot`` is every citation so far."""

    type: Literal["citation"]
    citation: TextCitation
    snapshot: list[TextCitation]


class ThinkingEvent(BaseModel):
    """Thinking text was added; ``snapshot`` is the block's whole thinking so far."""

    type: Literal["thinking"]
    thinking: str
    snapshot: str


class SignatureEvent(BaseModel):
    """The signature of a ``thinking`` block arrived."""

    type: Literal["signature"]
    signature: str


class InputJsonEvent(BaseModel):
    """A piece of a tool call's input JSON arrived; ``snapshot`` is the input parsed so far
    (partial JSON completed as far as it goes: strings cut short, objects closed)."""

    type: Literal["input_json"]
    partial_json: str
    snapshot: object


class ContentBlockStopEvent(RawContentBlockStopEvent):
    """A block is complete; ``content_block`` is the whole block (a tool call's input
    parsed). Stands in for the raw ``content_block_stop`` event (a subclass of it)."""

    content_block: ContentBlock


class MessageStopEvent(RawMessageStopEvent):
    """The stream is complete; ``message`` is the final ``Message``. Stands in for the raw
    ``message_stop`` event (a subclass of it)."""

    message: Message


MessageStreamEvent: TypeAlias = Union[
    TextEvent,
    CitationEvent,
    ThinkingEvent,
    SignatureEvent,
    InputJsonEvent,
    RawMessageStartEvent,
    RawMessageDeltaEvent,
    MessageStopEvent,
    RawContentBlockStartEvent,
    RawContentBlockDeltaEvent,
    ContentBlockStopEvent,
]
"""What iterating a ``MessageStream`` yields: each raw event (the two stop events as
``MessageStopEvent`` / ``ContentBlockStopEvent``, which carry the finished message or
block), and after a ``content_block_delta`` the matching helper event above."""
