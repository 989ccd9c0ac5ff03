"""Pure: fold raw stream events into the message they describe, and derive helper events.

    acc = Accumulator()
    for raw in events:
        for event in acc.feed(raw):        # the raw event, then any helper event
            ...
    acc.message                            # the Message so far (final after message_stop)

It never raises on what the parser let through: a delta for a block that does not exist,
a delta of a kind that does not fit the block, or an unknown delta type leaves the
snapshot as it was; a stop event that completes nothing (before message_start, or for an
index with no block) is not passed on. Tool input is rebuilt from the concatenated
``input_json`` pieces with pydantic-core's partial JSON parser, so ``snapshot`` is always
the input so far.
"""

from __future__ import annotations

import contextlib
from typing import Any, Dict, List, Optional, Union, cast

from pydantic_core import from_json

from ...types.message import Message
from ...types.raw_content_block_stop_event import RawContentBlockStopEvent
from ...types.raw_message_stop_event import RawMessageStopEvent
from ...types.raw_message_stream_event import RawMessageStreamEvent
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

__all__ = ["Accumulator"]


def _parse_partial(text: str) -> object:
    """``text`` (a prefix of JSON) parsed as far as it goes, a cut string included
    (pydantic-core's ``trailing-strings`` mode: pydantic 2.9 or newer, our floor)."""
    return from_json(text, allow_partial="trailing-strings")


_TOOL_BLOCKS = frozenset(("tool_use", "server_tool_use"))


def _stop_event(
    event: Union[RawMessageStopEvent, RawContentBlockStopEvent], message: Optional[Message]
) -> List[MessageStreamEvent]:
    """The stop event with what it completes (its extra fields kept); none when there is
    nothing it could complete (no message_start yet, or no block at its index)."""
    fields: Dict[str, Any] = dict(event.model_extra or {})
    if message is None:
        return []
    if event.type == "message_stop":
        fields.update(type=event.type, message=message)
        return [MessageStopEvent.model_construct(**fields)]
    if not 0 <= event.index < len(message.content):
        return []
    block = message.content[event.index]
    fields.update(type=event.type, index=event.index, content_block=block)
    return [ContentBlockStopEvent.model_construct(**fields)]


class Accumulator:
    """The message snapshot of one stream (see the module docstring)."""

    __slots__ = ("_json", "message")

    # Helper events are built with ``model_construct``: their parts are already validated.

    def __init__(self) -> None:
        self.message: Optional[Message] = None
        self._json: Dict[int, List[str]] = {}  # index -> input_json pieces so far

    def feed(self, event: RawMessageStreamEvent) -> List[MessageStreamEvent]:
        """Apply ``event``; return what a ``MessageStream`` yields for it: the event (a stop
        event as ``ContentBlockStopEvent`` / ``MessageStopEvent``, carrying the finished
        block or message), then the helper event it implies, if any."""
        if event.type == "message_start":
            self.message = event.message
            self._json = {}
            return [event]
        message = self.message
        if event.type == "message_stop" or event.type == "content_block_stop":
            return _stop_event(event, message)
        out: List[MessageStreamEvent] = [event]
        if message is None:
            return out  # events before message_start: nothing to fold into
        if event.type == "content_block_start":
            message.content.append(event.content_block)  # blocks arrive in index order
        elif event.type == "content_block_delta":
            helper = self._delta(message, event.index, event.delta)
            if helper is not None:
                out.append(helper)
        elif event.type == "message_delta":
            # ``Message`` types stop_reason as the known values; newer ones arrive as str.
            message.stop_reason = cast(Any, event.delta.stop_reason)
            message.stop_sequence = event.delta.stop_sequence
            usage, new = message.usage, event.usage
            usage.output_tokens = new.output_tokens
            for name in ("input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
                value = getattr(new, name)
                if value is not None:
                    setattr(usage, name, value)
            if new.server_tool_use is not None:
                usage.server_tool_use = new.server_tool_use
        return out

    def _delta(self, message: Message, index: int, delta: Any) -> Optional[MessageStreamEvent]:
        if not 0 <= index < len(message.content):
            return None
        block: Any = message.content[index]
        kind, block_type = delta.type, block.type
        if kind == "text_delta" and block_type == "text":
            block.text += delta.text
            return TextEvent.model_construct(type="text", text=delta.text, snapshot=block.text)
        if kind == "citations_delta" and block_type == "text":
            citations = list(block.citations or [])
            citations.append(delta.citation)
            block.citations = citations
            return CitationEvent.model_construct(
                type="citation", citation=delta.citation, snapshot=citations
            )
        if kind == "thinking_delta" and block_type == "thinking":
            block.thinking += delta.thinking
            return ThinkingEvent.model_construct(
                type="thinking", thinking=delta.thinking, snapshot=block.thinking
            )
        if kind == "signature_delta" and block_type == "thinking":
            block.signature = delta.signature
            return SignatureEvent.model_construct(type="signature", signature=delta.signature)
        if kind == "input_json_delta" and block_type in _TOOL_BLOCKS:
            pieces = self._json.setdefault(index, [])
            pieces.append(delta.partial_json)
            text = "".join(pieces)
            # Not even a prefix of JSON (ValueError): keep the last good snapshot.
            if text.strip():
                with contextlib.suppress(ValueError):
                    block.input = _parse_partial(text)
            return InputJsonEvent.model_construct(
                type="input_json", partial_json=delta.partial_json, snapshot=block.input
            )
        return None
