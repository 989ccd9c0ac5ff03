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
from ...types.raw_message_stream_event import RawMessageStreamEvent
from ...types.text_citation import TextCitation

__all__ = [
    "CitationEvent",
    "InputJsonEvent",
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


MessageStreamEvent: TypeAlias = Union[
    RawMessageStreamEvent, TextEvent, CitationEvent, ThinkingEvent, SignatureEvent, InputJsonEvent
]
"""What iterating a ``MessageStream`` yields: each raw event, and after a
``content_block_delta`` the matching helper event above."""
