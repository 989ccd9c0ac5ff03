"""``RawMessageStreamEvent``: the union of events ``messages.create(stream=True)`` yields."""

from __future__ import annotations

from typing import Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias

from .raw_content_block_delta_event import RawContentBlockDeltaEvent
from .raw_content_block_start_event import RawContentBlockStartEvent
from .raw_content_block_stop_event import RawContentBlockStopEvent
from .raw_message_delta_event import RawMessageDeltaEvent
from .raw_message_start_event import RawMessageStartEvent
from .raw_message_stop_event import RawMessageStopEvent

__all__ = ["RawMessageStreamEvent"]

RawMessageStreamEvent: TypeAlias = Annotated[
    Union[
        RawMessageStartEvent,
        RawMessageDeltaEvent,
        RawMessageStopEvent,
        RawContentBlockStartEvent,
        RawContentBlockDeltaEvent,
        RawContentBlockStopEvent,
    ],
    Field(discriminator="type"),
]
"""One stream event; narrow with ``event.type == "content_block_delta"`` and so on.

``ping`` events are not yielded, an ``error`` event is raised as the API error it names,
and event types newer than this SDK are skipped."""
