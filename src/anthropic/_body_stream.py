"""Items decoded from a streamed response body: the one I/O loop behind the results
decoders (``_jsonl_stream``) and the event streams (``_streaming``).

    items = BodyIterator(response, feeder)    # feeder: sans-I/O, feed(bytes) -> items
    with items:
        for item in items: ...

The body is read in the chunks the network delivers and handed to the *feeder* (the
JSONL ``LineParser`` or the SSE event decoder), which turns bytes into items and says
at the end whether the body was complete (``finish()`` yields the last items or raises).
An httpx failure mid-body becomes our ``APIConnectionError``. The response is closed when
the items run out, when decoding raises, on ``close()``, and on leaving ``with``; the
async twin also closes it when cancelled (shielded, so the connection is always freed),
and then runs httpx's async generators under it to their end, so a stream closed
half-read leaves none for the garbage collector (``release_body``; trio warns about those).
"""

from __future__ import annotations

from typing import (
    AsyncGenerator,
    AsyncIterator,
    Generator,
    Generic,
    Iterable,
    Iterator,
    TypeVar,
    cast,
)

import anyio
import httpx
from typing_extensions import Protocol

from ._closing import AsyncClosing, Closing
from ._sending.errors import translate

__all__ = ["AsyncBodyIterator", "BodyFeeder", "BodyIterator", "body_chunks", "release_body"]

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)


class BodyFeeder(Protocol[_T_co]):
    """A sans-I/O decoder: bytes in, items out; ``finish`` at the end of the body."""

    def feed(self, chunk: bytes) -> Iterable[_T_co]: ...

    def finish(self) -> Iterable[_T_co]: ...


class BodyIterator(Closing, Generic[_T]):
    """Iterator of the items ``feeder`` decodes from ``response``'s body."""

    def __init__(self, response: httpx.Response, feeder: BodyFeeder[_T]) -> None:
        self._body = response
        self._iterator = self._decode(feeder)

    def _decode(self, feeder: BodyFeeder[_T]) -> Generator[_T, None, None]:
        response = self._body
        chunks = cast("Generator[bytes, None, None]", response.iter_bytes())  # a generator
        try:
            try:
                for chunk in chunks:
                    yield from feeder.feed(chunk)
            except httpx.HTTPError as exc:
                raise translate(exc, response.request) from exc
            yield from feeder.finish()
        finally:
            chunks.close()
            response.close()

    def __iter__(self) -> Iterator[_T]:
        return self._iterator

    def __next__(self) -> _T:
        return next(self._iterator)

    def close(self) -> None:
        """Stop reading and release the connection (safe to call twice)."""
        self._iterator.close()
        self._body.close()


# How many steps ``release_body`` takes at most to run httpx's generators to their end once
# the transport stream is closed (each step hands back bytes already received, or ends).
_WIND_DOWN_STEPS = 1024


def body_chunks(response: httpx.Response) -> AsyncGenerator[bytes, None]:
    """``response.aiter_bytes()``, typed as what it is (an async generator), to be
    finished by ``release_body`` however the reading stops."""
    return cast("AsyncGenerator[bytes, None]", response.aiter_bytes())


async def release_body(response: httpx.Response, chunks: AsyncGenerator[bytes, None]) -> None:
    """Close ``response``, then run ``chunks`` (``aiter_bytes()``) to its end.

    ``chunks`` iterates httpx's own async generators (``aiter_raw``, the client's stream
    wrapper, the transport's stream), which no public API reaches. Closing ``chunks`` while
    they wait at a ``yield`` would leave them unfinished for the garbage collector, and trio
    warns about each one (``ResourceWarning: Async generator ... was garbage collected``).
    So the transport stream is closed first, which frees the connection, and the chain is
    then stepped until it ends by itself: a closed stream ends or raises, and a step that
    would wait is cancelled, which ends every generator on the way as well. Only a
    transport whose closed stream keeps producing bytes without ever waiting outlasts the
    steps; its generators are then left to the collector as before."""
    await response.aclose()
    with anyio.CancelScope() as steps:
        steps.cancel()  # nothing below may wait: the data is no longer wanted
        try:
            for _ in range(_WIND_DOWN_STEPS):
                await chunks.__anext__()
        except Exception:  # StopAsyncIteration, or the closed stream's error: ended
            pass
    await chunks.aclose()


class AsyncBodyIterator(AsyncClosing, Generic[_T]):
    """The async twin of ``BodyIterator`` (asyncio or trio)."""

    def __init__(self, response: httpx.Response, feeder: BodyFeeder[_T]) -> None:
        self._body = response
        self._iterator = self._decode(feeder)

    async def _decode(self, feeder: BodyFeeder[_T]) -> AsyncGenerator[_T, None]:
        response = self._body
        chunks = body_chunks(response)
        try:
            try:
                async for chunk in chunks:
                    for item in feeder.feed(chunk):
                        yield item
            except httpx.HTTPError as exc:
                raise translate(exc, response.request) from exc
            for item in feeder.finish():
                yield item
        finally:
            # Release the connection and end httpx's generators even when cancelled.
            with anyio.CancelScope(shield=True):
                await release_body(response, chunks)

    def __aiter__(self) -> AsyncIterator[_T]:
        return self._iterator

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def close(self) -> None:
        """Stop reading and release the connection (safe to call twice)."""
        await self._iterator.aclose()
        with anyio.CancelScope(shield=True):
            await self._body.aclose()
