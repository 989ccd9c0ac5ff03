"""Raw and streaming response wrappers, and the ``with_raw_response`` machinery.

    response = client.messages.batches.with_raw_response.retrieve("msgbatch_...")
    response.headers["request-id"], response.retries_taken, response.text
    batch = response.parse()          # a plain call, on the async client too

    with client.messages.batches.with_streaming_response.results(batch_id) as response:
        for line in response.iter_lines():   # body not read up front
            ...

How it works: each resource method hands the client a request spec and a *parser*. The
spec carries the response mode of the resource object it was built on: ``with_raw_response``
is the same resource class constructed with ``mode="raw"`` (``"stream"`` for
``with_streaming_response``), so the mode is explicit from the public method to the
client, and inner steps of a multi-step method (results' retrieve-first) ask for
``"parsed"`` themselves. The wrappers below only re-type the methods (and, for
streaming, defer the call to ``__enter__``).
"""

from __future__ import annotations

import functools
import inspect
import json
from typing import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterator,
    Optional,
    TypeVar,
    Union,
    cast,
    overload,
)

from typing_extensions import ParamSpec

from ._closing import AsyncOpenOnEnter, OpenOnEnter
from ._core.request import ResponseMode
from ._legacy_response import LegacyAPIResponse
from ._response_base import BaseAPIResponse, Parser, convert_body

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "BaseAPIResponse",
    "LegacyAPIResponse",
    "Parser",
    "ResponseContextManager",
    "ResponseMode",
    "async_to_raw_response_wrapper",
    "async_to_streamed_response_wrapper",
    "convert_body",
    "to_raw_response_wrapper",
    "to_streamed_response_wrapper",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")
_T = TypeVar("_T")


class APIResponse(BaseAPIResponse[_R]):
    """A ``with_streaming_response`` response: the body is read when you ask for it.

    ``parse()`` gives what the plain method returns; ``parse(to=dict)`` (or ``str``,
    ``bytes``, a model class, ...) converts the body instead.
    """

    @overload
    def parse(self, *, to: type[_T]) -> _T: ...
    @overload
    def parse(self) -> _R: ...
    def parse(self, *, to: Optional[type[_T]] = None) -> Union[_R, _T]:
        """The value the plain method would have returned (computed once), or ``to``."""
        if to is not None or not self._lazy:
            self.read()
        return cast("Union[_R, _T]", self._parse_read(to))

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: Optional[int] = None) -> Iterator[bytes]:
        return self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> Iterator[str]:
        return self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        return self.http_response.iter_lines()

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(BaseAPIResponse[_R]):
    """The async twin of ``APIResponse``: ``await response.parse()``."""

    @overload
    async def parse(self, *, to: type[_T]) -> _T: ...
    @overload
    async def parse(self) -> _R: ...
    async def parse(self, *, to: Optional[type[_T]] = None) -> Union[_R, _T]:
        """See ``APIResponse.parse``."""
        if to is not None or not self._lazy:
            await self.read()
        return cast("Union[_R, _T]", self._parse_read(to))

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        return json.loads(await self.read())

    def iter_bytes(self, chunk_size: Optional[int] = None) -> AsyncIterator[bytes]:
        return self.http_response.aiter_bytes(chunk_size)

    def iter_text(self, chunk_size: Optional[int] = None) -> AsyncIterator[str]:
        return self.http_response.aiter_text(chunk_size)

    def iter_lines(self) -> AsyncIterator[str]:
        return self.http_response.aiter_lines()

    async def close(self) -> None:
        await self.http_response.aclose()


class ResponseContextManager(OpenOnEnter[APIResponse[_R]]):
    """``with ... as response``: sends on enter, closes the response on exit."""


class AsyncResponseContextManager(AsyncOpenOnEnter[AsyncAPIResponse[_R]]):
    """``async with ... as response``: sends on enter, closes the response on exit."""


# The methods wrapped below belong to a resource built with the matching mode, so they
# already return the (Async)APIResponse; the wrappers give them that declared type.


def to_raw_response_wrapper(fn: Callable[_P, _R]) -> Callable[_P, LegacyAPIResponse[_R]]:
    """Re-type a raw-mode method: it returns a ``LegacyAPIResponse`` (body read)."""
    return cast("Callable[_P, LegacyAPIResponse[_R]]", fn)


def to_streamed_response_wrapper(
    fn: Callable[_P, _R],
) -> Callable[_P, ResponseContextManager[_R]]:
    """A stream-mode method returning a context manager that sends on ``__enter__``."""
    call = cast("Callable[_P, APIResponse[_R]]", fn)

    @functools.wraps(fn)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> ResponseContextManager[_R]:
        return ResponseContextManager(functools.partial(call, *args, **kwargs))

    return wrapped


async def _resolve(value: object) -> object:
    # Async list() and results() return lazy awaitables (a paginator, a stream handle)
    # that send when awaited: await until the response itself comes out.
    while inspect.isawaitable(value):
        value = await value
    return value


def async_to_raw_response_wrapper(
    fn: Callable[_P, Awaitable[_R]],
) -> Callable[_P, Awaitable[LegacyAPIResponse[_R]]]:
    """Re-type a raw-mode async method: awaiting it gives a ``LegacyAPIResponse`` whose
    body is read, so its ``parse()`` is a plain call (as in the official SDK)."""

    @functools.wraps(fn)
    async def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> LegacyAPIResponse[_R]:
        return cast("LegacyAPIResponse[_R]", await _resolve(fn(*args, **kwargs)))

    return wrapped


def async_to_streamed_response_wrapper(
    fn: Callable[_P, Awaitable[_R]],
) -> Callable[_P, AsyncResponseContextManager[_R]]:
    """A stream-mode async method returning an async context manager over the response."""

    async def call(*args: _P.args, **kwargs: _P.kwargs) -> AsyncAPIResponse[_R]:
        return cast("AsyncAPIResponse[_R]", await _resolve(fn(*args, **kwargs)))

    @functools.wraps(fn)
    def wrapped(*args: _P.args, **kwargs: _P.kwargs) -> AsyncResponseContextManager[_R]:
        return AsyncResponseContextManager(functools.partial(call, *args, **kwargs))

    return wrapped
