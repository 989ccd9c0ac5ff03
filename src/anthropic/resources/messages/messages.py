"""``client.messages``: the Messages resource (``create``, ``stream``, ``count_tokens``)
and the Message Batches under it (``client.messages.batches``).

    message = client.messages.create(model=..., max_tokens=1024, messages=[...])
    for event in client.messages.create(model=..., max_tokens=1024, messages=[...],
                                        stream=True):
        ...
    count = client.messages.count_tokens(model=..., messages=[...])

The keyword arguments of ``create`` are exactly the keys of ``MessageCreateParams``, the
TypedDict a batch request's ``params`` is checked against, so a dict that works here
works in a batch (``**params``) and the other way round. Requests are built by the pure
``_core/message_specs``; these classes only send them.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Dict, Tuple, Union, cast, overload

from typing_extensions import Required, Unpack

from ..._api_client import AsyncAPIClient, SyncAPIClient
from ..._base_client import model_parser
from ..._core import message_specs as specs
from ..._core.batch_specs import Options
from ..._core.request import ResponseMode
from ..._response import (
    Parser,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from ..._streaming import AsyncStream, MessageEventDecoder, Stream
from ..._types import CallOptions
from ...lib.streaming._messages import AsyncMessageStreamManager, MessageStreamManager
from ...types.message import Message
from ...types.message_count_tokens_params import MessageCountTokensParams
from ...types.message_create_params import (
    MessageCreateParamsBase,
    MessageCreateParamsNonStreaming,
    MessageCreateParamsStreaming,
)
from ...types.message_tokens_count import MessageTokensCount
from .batches import (
    AsyncBatches,
    AsyncBatchesWithRawResponse,
    AsyncBatchesWithStreamingResponse,
    Batches,
    BatchesWithRawResponse,
    BatchesWithStreamingResponse,
)

if TYPE_CHECKING:
    from ...types.raw_message_stream_event import RawMessageStreamEvent

__all__ = ["AsyncMessages", "Messages"]


class CreateNonStreaming(MessageCreateParamsNonStreaming, CallOptions, total=False):
    """``create``'s keywords when ``stream`` is absent or False: returns a ``Message``."""


class CreateStreaming(MessageCreateParamsStreaming, CallOptions, total=False):
    """``create``'s keywords with ``stream=True``: returns a ``Stream`` of events."""


class CreateEither(MessageCreateParamsBase, CallOptions, total=False):
    """``create``'s keywords with a ``stream`` flag only known at run time."""

    stream: Required[bool]


class StreamCall(MessageCreateParamsNonStreaming, CallOptions, total=False):
    """``stream``'s keywords: a Messages request (it always streams). A batch request's
    ``params`` are accepted as they are (``stream`` absent or False is ignored)."""


class CountTokensCall(MessageCountTokensParams, CallOptions, total=False):
    """``count_tokens``'s keywords."""


_OPTION_KEYS = frozenset(CallOptions.__annotations__)
_MESSAGE = model_parser(Message)
_COUNT = model_parser(MessageTokensCount)
_EVENTS_SYNC: Parser[Stream[RawMessageStreamEvent]] = Parser(
    lambda response, _r: Stream(response, MessageEventDecoder(response)), lazy=True
)
_EVENTS_ASYNC: Parser[AsyncStream[RawMessageStreamEvent]] = Parser(
    lambda response, _r: AsyncStream(response, MessageEventDecoder(response)), lazy=True
)


def split_options(kwargs: Dict[str, Any], mode: ResponseMode) -> Tuple[Dict[str, Any], Options]:
    """(the request's params, the per-call options) from one call's keywords."""
    if _OPTION_KEYS.isdisjoint(kwargs):  # the common case: no per-call options
        return kwargs, Options(mode=mode)
    params = {k: v for k, v in kwargs.items() if k not in _OPTION_KEYS}
    options = {k: v for k, v in kwargs.items() if k in _OPTION_KEYS}
    return params, Options.of(cast(CallOptions, options), mode)


class Messages:
    """``client.messages`` (sync)."""

    def __init__(self, client: SyncAPIClient, mode: ResponseMode = "parsed") -> None:
        self._client = client
        self._mode: ResponseMode = mode

    @cached_property
    def batches(self) -> Batches:
        """The Message Batches API: ``create``, ``retrieve``, ``list``, ``cancel``,
        ``delete``, ``results`` (and workflow helpers such as ``wait``)."""
        return Batches(self._client)

    @cached_property
    def with_raw_response(self) -> MessagesWithRawResponse:
        """``create`` and ``count_tokens`` returning ``APIResponse``; ``.batches`` is
        ``client.messages.batches.with_raw_response``."""
        return MessagesWithRawResponse(Messages(self._client, "raw"))

    @cached_property
    def with_streaming_response(self) -> MessagesWithStreamingResponse:
        """``create`` and ``count_tokens`` as context managers over an unread response."""
        return MessagesWithStreamingResponse(Messages(self._client, "stream"))

    @overload
    def create(self, **kwargs: Unpack[CreateNonStreaming]) -> Message: ...
    @overload
    def create(self, **kwargs: Unpack[CreateStreaming]) -> Stream[RawMessageStreamEvent]: ...
    @overload
    def create(
        self, **kwargs: Unpack[CreateEither]
    ) -> Union[Message, Stream[RawMessageStreamEvent]]: ...
    def create(self, **kwargs: Any) -> Union[Message, Stream[RawMessageStreamEvent]]:
        """Send one Messages request: a ``Message``, or with ``stream=True`` a ``Stream`` of
        ``RawMessageStreamEvent`` (use it in a ``with`` block, or loop it to the end).

        Bad params raise ``ValueError``/``TypeError`` naming the field before any I/O. A
        non-streaming request whose ``max_tokens`` could take over 10 minutes to generate
        raises ``ValueError`` unless a ``timeout`` is given here or to the client: stream
        it instead (``client.messages.stream``).
        """
        params, opts = split_options(kwargs, self._mode)
        spec = specs.create_spec(params, opts, client_timeout=self._client._config.timeout)
        if params.get("stream"):
            return self._client._execute(spec, _EVENTS_SYNC)
        return self._client._execute(spec, _MESSAGE)

    def stream(self, **kwargs: Unpack[StreamCall]) -> MessageStreamManager:
        """Stream a reply with helpers: ``with client.messages.stream(...) as stream:``
        then ``stream.text_stream``, ``stream.get_final_message()`` and so on."""
        params, opts = split_options(dict(kwargs), self._mode)
        params["stream"] = True
        client = self._client

        def open_() -> Stream[RawMessageStreamEvent]:
            timeout = client._config.timeout
            spec = specs.create_spec(
                params, opts.parsed(), client_timeout=timeout, stream_helper=True
            )
            return client._execute(spec, _EVENTS_SYNC)

        return MessageStreamManager(open_)

    def count_tokens(self, **kwargs: Unpack[CountTokensCall]) -> MessageTokensCount:
        """How many input tokens a request would use (free; nothing is generated)."""
        params, opts = split_options(dict(kwargs), self._mode)
        return self._client._execute(specs.count_tokens_spec(params, opts), _COUNT)


class AsyncMessages:
    """``client.messages`` (async)."""

    def __init__(self, client: AsyncAPIClient, mode: ResponseMode = "parsed") -> None:
        self._client = client
        self._mode: ResponseMode = mode

    @cached_property
    def batches(self) -> AsyncBatches:
        """See ``Messages.batches``."""
        return AsyncBatches(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncMessagesWithRawResponse:
        return AsyncMessagesWithRawResponse(AsyncMessages(self._client, "raw"))

    @cached_property
    def with_streaming_response(self) -> AsyncMessagesWithStreamingResponse:
        return AsyncMessagesWithStreamingResponse(AsyncMessages(self._client, "stream"))

    @overload
    async def create(self, **kwargs: Unpack[CreateNonStreaming]) -> Message: ...
    @overload
    async def create(
        self, **kwargs: Unpack[CreateStreaming]
    ) -> AsyncStream[RawMessageStreamEvent]: ...
    @overload
    async def create(
        self, **kwargs: Unpack[CreateEither]
    ) -> Union[Message, AsyncStream[RawMessageStreamEvent]]: ...
    async def create(self, **kwargs: Any) -> Union[Message, AsyncStream[RawMessageStreamEvent]]:
        """See ``Messages.create``; with ``stream=True`` an ``AsyncStream`` (use
        ``async with``, so leaving the loop early closes the connection)."""
        params, opts = split_options(kwargs, self._mode)
        spec = specs.create_spec(params, opts, client_timeout=self._client._config.timeout)
        if params.get("stream"):
            return await self._client._execute(spec, _EVENTS_ASYNC)
        return await self._client._execute(spec, _MESSAGE)

    def stream(self, **kwargs: Unpack[StreamCall]) -> AsyncMessageStreamManager:
        """See ``Messages.stream``: ``async with client.messages.stream(...) as stream:``."""
        params, opts = split_options(dict(kwargs), self._mode)
        params["stream"] = True
        client = self._client

        async def open_() -> AsyncStream[RawMessageStreamEvent]:
            timeout = client._config.timeout
            spec = specs.create_spec(
                params, opts.parsed(), client_timeout=timeout, stream_helper=True
            )
            return await client._execute(spec, _EVENTS_ASYNC)

        return AsyncMessageStreamManager(open_)

    async def count_tokens(self, **kwargs: Unpack[CountTokensCall]) -> MessageTokensCount:
        """See ``Messages.count_tokens``."""
        params, opts = split_options(dict(kwargs), self._mode)
        return await self._client._execute(specs.count_tokens_spec(params, opts), _COUNT)


# The wrappers take a resource built in "raw"/"stream" mode (see ``with_raw_response``).
# Written out rather than with ``_views.view_method``: ``create`` is overloaded, and a
# ParamSpec taken from the class's function keeps only its first overload (the
# ``stream=True`` forms would be lost); binding the instance's method keeps them all.


class MessagesWithRawResponse:
    """``client.messages.with_raw_response`` (``.batches``: the batches' raw view)."""

    batches: BatchesWithRawResponse

    def __init__(self, messages: Messages) -> None:
        self.batches = messages.batches.with_raw_response
        self.create = to_raw_response_wrapper(messages.create)
        self.count_tokens = to_raw_response_wrapper(messages.count_tokens)


class MessagesWithStreamingResponse:
    """``client.messages.with_streaming_response`` (and ``.batches``)."""

    batches: BatchesWithStreamingResponse

    def __init__(self, messages: Messages) -> None:
        self.batches = messages.batches.with_streaming_response
        self.create = to_streamed_response_wrapper(messages.create)
        self.count_tokens = to_streamed_response_wrapper(messages.count_tokens)


class AsyncMessagesWithRawResponse:
    """Async ``client.messages.with_raw_response`` (and ``.batches``)."""

    batches: AsyncBatchesWithRawResponse

    def __init__(self, messages: AsyncMessages) -> None:
        self.batches = messages.batches.with_raw_response
        self.create = async_to_raw_response_wrapper(messages.create)
        self.count_tokens = async_to_raw_response_wrapper(messages.count_tokens)


class AsyncMessagesWithStreamingResponse:
    """Async ``client.messages.with_streaming_response`` (and ``.batches``)."""

    batches: AsyncBatchesWithStreamingResponse

    def __init__(self, messages: AsyncMessages) -> None:
        self.batches = messages.batches.with_streaming_response
        self.create = async_to_streamed_response_wrapper(messages.create)
        self.count_tokens = async_to_streamed_response_wrapper(messages.count_tokens)
