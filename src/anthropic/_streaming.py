"""``Stream`` / ``AsyncStream``: the typed events of a streaming Messages response.

    stream = client.messages.create(..., stream=True)      # Stream[RawMessageStreamEvent]
    with stream:                                            # closes the connection on exit
        for event in stream:
            if event.type == "content_block_delta" and event.delta.type == "text_delta":
                print(event.delta.text, end="")

    async with await client.messages.create(..., stream=True) as stream:   # AsyncStream
        async for event in stream:
            ...

The body is read in the chunks the network delivers and decoded by the sans-I/O
``SSEDecoder`` (``_core/sse.py``); each event's JSON is parsed straight into its model,
chosen by the SSE event name. ``ping`` events are not yielded; event names this SDK does
not know are skipped; an ``error`` event raises the typed API error it names (e.g.
``OverloadedError``, see ``_core/stream_errors.py``). A stream that stops inside an event
or before ``message_stop`` raises ``APIConnectionError``: a reply is never silently cut.

The connection is released when the stream ends, raises, is closed, or leaves its
``with`` block; for the sync ``Stream``, also when a ``for`` loop over it is left early
(``break``): each ``for`` loop is its own iterator, and dropping it closes the stream.
An ``async for`` loop cannot close anything when it is left, so use ``async with``.
Cancelling an async read closes the connection too.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Generator,
    Iterator,
    List,
    TypeVar,
    cast,
)

import httpx

from ._body_stream import AsyncBodyIterator, BodyFeeder, BodyIterator
from ._core.sse import SSEDecoder
from ._core.stream_errors import stream_error
from ._exceptions import APIConnectionError, APIResponseValidationError

if TYPE_CHECKING:
    from .types.raw_message_stream_event import RawMessageStreamEvent

__all__ = ["AsyncStream", "MessageEventDecoder", "Stream"]

_T = TypeVar("_T")


def _event_models() -> Dict[str, Any]:
    from .types.raw_content_block_delta_event import RawContentBlockDeltaEvent
    from .types.raw_content_block_start_event import RawContentBlockStartEvent
    from .types.raw_content_block_stop_event import RawContentBlockStopEvent
    from .types.raw_message_delta_event import RawMessageDeltaEvent
    from .types.raw_message_start_event import RawMessageStartEvent
    from .types.raw_message_stop_event import RawMessageStopEvent

    return {
        "message_start": RawMessageStartEvent,
        "message_delta": RawMessageDeltaEvent,
        "message_stop": RawMessageStopEvent,
        "content_block_start": RawContentBlockStartEvent,
        "content_block_delta": RawContentBlockDeltaEvent,
        "content_block_stop": RawContentBlockStopEvent,
    }


class MessageEventDecoder:
    """Sans-I/O: body bytes in, ``RawMessageStreamEvent`` models out (see the module doc)."""

    __slots__ = ("_done", "_models", "_response", "_sse")

    def __init__(self, response: httpx.Response) -> None:
        self._sse = SSEDecoder()
        self._response = response
        self._models = _event_models()
        self._done = False

    def feed(self, chunk: bytes) -> Iterator[RawMessageStreamEvent]:
        """The events ``chunk`` completes, each parsed only when the caller asks for it
        (the first event of a large chunk is not held back by the rest). An ``error``
        event raises its exception after the events before it have been yielded."""
        models = self._models
        for sse in self._sse.iter_feed(chunk):
            model = models.get(sse.event)
            if model is None:
                if sse.event == "error":
                    self._done = True
                    raise stream_error(sse.data, self._response)
                continue  # "ping", or an event type newer than this SDK
            if sse.event == "message_stop":
                self._done = True
            yield self._parse(model, sse.data)

    def finish(self) -> List[RawMessageStreamEvent]:
        """End of body: raise if the stream was cut (mid-event or before ``message_stop``);
        a complete stream has no events left to give."""
        if self._sse.pending:
            raise APIConnectionError(
                message="The stream ended in the middle of an event (connection cut?).",
                request=self._response.request,
            )
        if not self._done:
            raise APIConnectionError(
                message="The stream ended before its message_stop event (connection cut?).",
                request=self._response.request,
            )
        return []

    def _parse(self, model: Any, data: str) -> Any:
        import pydantic

        try:
            return model.model_validate_json(data)
        except pydantic.ValidationError as failure:
            from ._models import UnusableBody, salvage

            try:  # the lenient rule of every body (not JSON / too deep: UnusableBody)
                return salvage(model, data, failure, strict=False)
            except UnusableBody as exc:
                raise APIResponseValidationError(
                    self._response,
                    data,
                    message=f"A stream event is not a {model.__name__}: {exc}",
                ) from None


class Stream(BodyIterator[_T]):
    """Iterator of typed events over an open response; a context manager that closes it."""

    response: httpx.Response
    """The HTTP response (status, headers); its body is read by the iteration."""

    def __init__(self, response: httpx.Response, decoder: MessageEventDecoder) -> None:
        self.response = response
        super().__init__(response, cast("BodyFeeder[_T]", decoder))

    def __iter__(self) -> Iterator[_T]:
        return self._loop()

    def _loop(self) -> Generator[_T, None, None]:
        # One generator per ``for`` loop: leaving the loop drops it, and closing it
        # closes the stream (a loop that runs to the end has closed it already).
        try:
            yield from self._iterator
        finally:
            self.close()


class AsyncStream(AsyncBodyIterator[_T]):
    """Async iterator of typed events; ``async with`` closes the response."""

    response: httpx.Response
    """The HTTP response (status, headers); its body is read by the iteration."""

    def __init__(self, response: httpx.Response, decoder: MessageEventDecoder) -> None:
        self.response = response
        super().__init__(response, cast("BodyFeeder[_T]", decoder))


# Named after the package, as the official SDK's are, also when the stream came from
# ``messages.create(stream=True)`` and ``anthropic.Stream`` was never touched (that name
# loads lazily): ``type(stream)`` prints ``<class 'anthropic.Stream'>``.
Stream.__module__ = AsyncStream.__module__ = "anthropic"
