"""``MessageStream`` / ``AsyncMessageStream``: a streaming reply with its message snapshot.

    with client.messages.stream(model=..., max_tokens=1024, messages=[...]) as stream:
        for text in stream.text_stream:            # just the text, as it arrives
            print(text, end="", flush=True)
        message = stream.get_final_message()       # the whole Message, usage included

    async with client.messages.stream(...) as stream:
        async for event in stream:                 # raw events + TextEvent, InputJsonEvent...
            ...
        print(await stream.get_final_text())

``current_message_snapshot`` is the message as far as it has arrived (tool inputs parsed
from partial JSON). The request is sent when the ``with`` block is entered; leaving it
closes the connection, read to the end or not.
"""

from __future__ import annotations

from typing import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterator,
    Optional,
)

import httpx

from ..._closing import AsyncClosing, AsyncOpenOnEnter, Closing, OpenOnEnter
from ..._streaming import AsyncStream, Stream
from ...types.message import Message
from ...types.raw_message_stream_event import RawMessageStreamEvent
from ._accumulate import Accumulator
from ._types import MessageStreamEvent

__all__ = [
    "AsyncMessageStream",
    "AsyncMessageStreamManager",
    "MessageStream",
    "MessageStreamManager",
]


def _snapshot(acc: Accumulator) -> Message:
    if acc.message is None:
        raise RuntimeError("No message_start event has arrived yet, so there is no message.")
    return acc.message


def _final_text(message: Message) -> str:
    texts = [block.text for block in message.content if block.type == "text"]
    if not texts:
        raise RuntimeError(
            "The final message has no text block (it may be only tool calls); "
            "read get_final_message().content instead."
        )
    return "".join(texts)


class _Snapshots:
    """What both message streams hold: the reply's HTTP response and the accumulator that
    builds the message from its events."""

    def __init__(self, response: httpx.Response) -> None:
        self._response = response
        self._acc = Accumulator()

    @property
    def response(self) -> httpx.Response:
        return self._response

    @property
    def request_id(self) -> Optional[str]:
        value: Optional[str] = self._response.headers.get("request-id")
        return value

    @property
    def current_message_snapshot(self) -> Message:
        """The message as far as it has streamed (``RuntimeError`` before message_start)."""
        return _snapshot(self._acc)


class MessageStream(_Snapshots, Closing):
    """One streaming reply (sync). Iterate it for events, or use the helpers."""

    def __init__(self, raw: Stream[RawMessageStreamEvent]) -> None:
        super().__init__(raw.response)
        self._raw = raw
        self._iterator = self._events()

    def _events(self) -> Generator[MessageStreamEvent, None, None]:
        feed = self._acc.feed
        for raw in self._raw:
            yield from feed(raw)

    def __iter__(self) -> Iterator[MessageStreamEvent]:
        return self._iterator

    def __next__(self) -> MessageStreamEvent:
        return next(self._iterator)

    @property
    def text_stream(self) -> Iterator[str]:
        """Only the text deltas, in order (shares the position with iterating events)."""
        return (event.text for event in self._iterator if event.type == "text")

    def until_done(self) -> None:
        """Read the stream to its end."""
        for _ in self._iterator:
            pass

    def get_final_message(self) -> Message:
        """Read to the end and return the whole ``Message``."""
        self.until_done()
        return _snapshot(self._acc)

    def get_final_text(self) -> str:
        """Read to the end and return the text of every text block, joined."""
        return _final_text(self.get_final_message())

    def close(self) -> None:
        """Release the connection (safe to call twice)."""
        self._iterator.close()
        self._raw.close()


class MessageStreamManager(OpenOnEnter[MessageStream]):
    """What ``client.messages.stream(...)`` returns; the request is sent on ``__enter__``
    and the stream closed on ``__exit__``."""

    def __init__(self, open_: Callable[[], Stream[RawMessageStreamEvent]]) -> None:
        super().__init__(lambda: MessageStream(open_()))


class _AsyncTexts:
    """``AsyncMessageStream.text_stream``: a plain iterator object, not an async generator,
    so a loop that leaves it early leaves nothing half-run for the garbage collector (trio
    warns about every async generator collected before its end)."""

    __slots__ = ("_events",)

    def __init__(self, events: AsyncIterator[MessageStreamEvent]) -> None:
        self._events = events

    def __aiter__(self) -> _AsyncTexts:
        return self

    async def __anext__(self) -> str:
        while True:  # the events' StopAsyncIteration ends this iterator too
            event = await self._events.__anext__()
            if event.type == "text":
                return event.text


class AsyncMessageStream(_Snapshots, AsyncClosing):
    """One streaming reply (async). ``async for`` it for events, or use the helpers."""

    def __init__(self, raw: AsyncStream[RawMessageStreamEvent]) -> None:
        super().__init__(raw.response)
        self._raw = raw
        self._iterator = self._events()

    async def _events(self) -> AsyncGenerator[MessageStreamEvent, None]:
        feed = self._acc.feed
        async for raw in self._raw:
            for event in feed(raw):
                yield event

    def __aiter__(self) -> AsyncIterator[MessageStreamEvent]:
        return self._iterator

    async def __anext__(self) -> MessageStreamEvent:
        return await self._iterator.__anext__()

    @property
    def text_stream(self) -> AsyncIterator[str]:
        """See ``MessageStream.text_stream``."""
        return _AsyncTexts(self._iterator)

    async def until_done(self) -> None:
        """Read the stream to its end."""
        async for _ in self._iterator:
            pass

    async def get_final_message(self) -> Message:
        """Read to the end and return the whole ``Message``."""
        await self.until_done()
        return _snapshot(self._acc)

    async def get_final_text(self) -> str:
        """Read to the end and return the text of every text block, joined."""
        return _final_text(await self.get_final_message())

    async def close(self) -> None:
        """Release the connection (safe to call twice)."""
        await self._iterator.aclose()
        await self._raw.close()


class AsyncMessageStreamManager(AsyncOpenOnEnter[AsyncMessageStream]):
    """What async ``client.messages.stream(...)`` returns; sent on ``__aenter__``."""

    def __init__(self, open_: Callable[[], Awaitable[AsyncStream[RawMessageStreamEvent]]]) -> None:
        async def open_stream() -> AsyncMessageStream:
            return AsyncMessageStream(await open_())

        super().__init__(open_stream)
