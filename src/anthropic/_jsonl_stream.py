"""Stream a JSONL response body as parsed models, in constant memory.

    with client.messages.batches.results(batch_id) as results:   # JSONLDecoder
        for entry in results:
            ...
    async with await client.messages.batches.results(batch_id) as results:
        async for entry in results:
            ...

The body is read in the chunks the network delivers, split by ``LineBuffer`` (linear
time, never rescans) and each line is parsed straight from bytes by pydantic. A line
that is not JSON raises ``ResultsDecodeError`` with its 1-based line number; a line that
is JSON but does not fit the model is built leniently (a results loop over 100,000
lines must not die on one surprise), or raises ``ResultsDecodeError`` with ``strict=True``
(the client's ``_strict_response_validation``; the rule: ``anthropic._models``).
A connection that drops mid-stream raises ``APIConnectionError``. Breaking out of the
loop and closing (or leaving the ``with``) releases the connection.
"""

from __future__ import annotations

from typing import (
    Any,
    Callable,
    Generator,
    Generic,
    Iterator,
    Optional,
    TypeVar,
    cast,
)

import httpx
import pydantic

from ._body_stream import AsyncBodyIterator, BodyIterator
from ._closing import AsyncOpenOnEnter
from ._core.jsonl import LineBuffer
from ._exceptions import ResultsDecodeError
from ._gc_pause import paused_gc, pausing
from ._models import UnusableBody, get_adapter, salvage

__all__ = ["AsyncJSONLDecoder", "AsyncStreamHandle", "JSONLDecoder", "LineParser"]

_T = TypeVar("_T")


class LineParser(Generic[_T]):
    """Sans-I/O core of both decoders: feed bytes, get parsed items.

    ``strict=False`` (default): a JSON object line that does not fit ``tp`` is built
    leniently; ``strict=True``: it raises ``ResultsDecodeError`` naming the line and field.
    Lines that are not JSON, nest too deeply or are not objects raise in both modes."""

    __slots__ = ("_buffer", "_lineno", "_response", "_strict", "_tp", "_validate")

    def __init__(self, tp: type[_T], response: httpx.Response, *, strict: bool = False) -> None:
        self._tp = tp
        self._strict = strict
        self._validate: Callable[[bytes], _T] = get_adapter(tp).validate_json
        self._buffer = LineBuffer()
        self._lineno = 0
        self._response = response

    def feed(self, chunk: bytes) -> Iterator[_T]:
        # The chunk's lines are parsed together with automatic GC paused (``_gc_pause``),
        # then yielded with the collector as it was. A malformed line raises only after
        # the lines before it in the same chunk have been delivered.
        lines = self._buffer.feed(chunk)
        if not lines:
            return
        if not pausing():  # no pause to be had here: lazily, so dropped lines die young
            for line in lines:
                item = self._parse(line)
                if item is not None:
                    yield item
            return
        items: list[_T] = []
        failure: Optional[ResultsDecodeError] = None
        with paused_gc():
            try:
                for line in lines:
                    item = self._parse(line)
                    if item is not None:
                        items.append(item)
            except ResultsDecodeError as exc:
                failure = exc
        yield from items
        if failure is not None:
            raise failure

    def finish(self) -> list[_T]:
        tail = self._buffer.flush()
        if tail is None:
            return []
        with paused_gc():
            item = self._parse(tail)
        return [] if item is None else [item]

    def _parse(self, line: bytes) -> Optional[_T]:
        self._lineno += 1
        if not line or line.isspace():
            return None
        try:
            return self._validate(line)
        except pydantic.ValidationError as exc:
            # Not JSON, or JSON that cannot be a result line (null, 5, [...]), or (strict)
            # a line that does not validate: an error naming the line, never a None or an
            # int handed to the loop.
            try:
                return cast(_T, salvage(self._tp, line, exc, strict=self._strict))
            except UnusableBody as why:
                raise ResultsDecodeError(
                    self._response, line_number=self._lineno, line=line, reason=str(why)
                ) from None


class JSONLDecoder(BodyIterator[_T]):
    """Iterator of parsed lines over an open response; a context manager that closes it.

    ``strict``: see ``LineParser`` (the client's ``_strict_response_validation``)."""

    def __init__(
        self, response: httpx.Response, line_type: type[_T], *, strict: bool = False
    ) -> None:
        self.http_response = response
        super().__init__(response, LineParser(line_type, response, strict=strict))


class AsyncJSONLDecoder(AsyncBodyIterator[_T]):
    """The async twin of ``JSONLDecoder``: ``async for`` the parsed lines, ``async with``
    closes the response."""

    def __init__(
        self, response: httpx.Response, line_type: type[_T], *, strict: bool = False
    ) -> None:
        self.http_response = response
        super().__init__(response, LineParser(line_type, response, strict=strict))


class AsyncStreamHandle(AsyncOpenOnEnter[AsyncJSONLDecoder[_T]]):
    """What async ``results()`` returns before any I/O: ``await`` it for the decoder, or
    use it directly with ``async for`` / ``async with``. The request is sent once, on
    first use; awaiting again returns the same decoder, and ``close()`` closes it however
    it was obtained."""

    __slots__ = ()

    def __await__(self) -> Generator[Any, None, AsyncJSONLDecoder[_T]]:
        return self._ensure().__await__()

    async def _ensure(self) -> AsyncJSONLDecoder[_T]:
        decoder = self._opened
        if decoder is None:
            decoder = self._opened = await self._open()
        return decoder

    def __aiter__(self) -> AsyncStreamHandle[_T]:
        return self

    async def __anext__(self) -> _T:
        decoder = await self._ensure()
        return await decoder.__anext__()

    async def close(self) -> None:
        """Release the connection if the request was sent (after ``async for`` + ``break``)."""
        if self._opened is not None:
            await self._opened.close()

    async def __aenter__(self) -> AsyncJSONLDecoder[_T]:
        """The decoder, sending the request if it was not sent yet (``__aexit__`` closes it)."""
        return await self._ensure()
