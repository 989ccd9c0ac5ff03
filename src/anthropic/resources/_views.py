"""``with_raw_response`` / ``with_streaming_response`` views, their methods declared once.

    class _BatchesMethods:                      # the table: one line a method
        create = view_method(Batches.create)
        ...

    class BatchesWithRawResponse(_BatchesMethods, RawView[Batches]): ...
    class BatchesWithStreamingResponse(_BatchesMethods, StreamedView[Batches]): ...

A view holds a resource built in ``"raw"`` or ``"stream"`` mode (see a resource's
``with_raw_response``). Read on a view, ``view_method(Batches.create)`` is that
resource's bound ``create`` passed through the view's wrapper from ``_response``
(``to_raw_response_wrapper`` on a ``RawView``, ``to_streamed_response_wrapper`` on a
``StreamedView``); ``async_view_method`` does the same on the async views. Type checkers
take the parameters from ``Batches.create`` itself (``ParamSpec``) and the return type
from the view's kind (the overloads of ``__get__``), so ``raw.create`` is typed
``(*, requests=..., **options) -> LegacyAPIResponse[MessageBatch]`` without its signature
being written again. A view binds its methods once, when it is built.
"""

from __future__ import annotations

from typing import Awaitable, Callable, Generic, Optional, TypeVar, cast, overload

from typing_extensions import Concatenate, ParamSpec, Self

from .._legacy_response import LegacyAPIResponse
from .._response import (
    AsyncResponseContextManager,
    ResponseContextManager,
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

__all__ = [
    "AsyncRawView",
    "AsyncStreamedView",
    "RawView",
    "ResponseView",
    "StreamedView",
    "async_view_method",
    "view_method",
]

_S = TypeVar("_S")
_P = ParamSpec("_P")
_R = TypeVar("_R")


class ResponseView(Generic[_S]):
    """A resource's methods re-typed by this view's kind (the subclasses below)."""

    def __init__(self, resource: _S) -> None:
        self._resource = resource
        for klass in type(self).__mro__:
            for name, member in vars(klass).items():
                if isinstance(member, _ViewMethod):
                    getattr(self, name)  # binds it (stored on the instance)

    def _wrap(self, method: Callable[..., object]) -> object:
        raise NotImplementedError  # each kind below names its ``_response`` wrapper


def _awaitable(method: Callable[..., object]) -> Callable[..., Awaitable[object]]:
    # An async view's methods come from ``async_view_method``, which takes only methods
    # returning awaitables (coroutines, the paginator and stream handles).
    return cast("Callable[..., Awaitable[object]]", method)


class RawView(ResponseView[_S]):
    """Methods return ``LegacyAPIResponse`` (the body read, ``parse()`` a plain call)."""

    def _wrap(self, method: Callable[..., object]) -> object:
        return to_raw_response_wrapper(method)


class StreamedView(ResponseView[_S]):
    """Methods return a context manager that sends on enter and closes on exit."""

    def _wrap(self, method: Callable[..., object]) -> object:
        return to_streamed_response_wrapper(method)


class AsyncRawView(ResponseView[_S]):
    """``await`` a method for a ``LegacyAPIResponse``."""

    def _wrap(self, method: Callable[..., object]) -> object:
        return async_to_raw_response_wrapper(_awaitable(method))


class AsyncStreamedView(ResponseView[_S]):
    """Methods return an async context manager over an ``AsyncAPIResponse``."""

    def _wrap(self, method: Callable[..., object]) -> object:
        return async_to_streamed_response_wrapper(_awaitable(method))


class _ViewMethod(Generic[_S, _P, _R]):
    """Runtime part of both descriptors: bind by name on the view's resource (so an
    override on the resource's class is the one called), wrap, keep on the view."""

    def __init__(self, fn: Callable[Concatenate[_S, _P], _R]) -> None:
        self._fn_name = fn.__name__
        self._name = fn.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _get(self, view: Optional[ResponseView[_S]]) -> object:
        if view is None:
            return self
        method = view._wrap(getattr(view._resource, self._fn_name))
        view.__dict__[self._name] = method  # later reads find the instance attribute
        return method


class view_method(_ViewMethod[_S, _P, _R]):
    """A sync resource's method on its ``RawView`` and ``StreamedView``."""

    @overload
    def __get__(self, view: None, owner: Optional[type] = None) -> Self: ...
    @overload
    def __get__(
        self, view: RawView[_S], owner: Optional[type] = None
    ) -> Callable[_P, LegacyAPIResponse[_R]]: ...
    @overload
    def __get__(
        self, view: StreamedView[_S], owner: Optional[type] = None
    ) -> Callable[_P, ResponseContextManager[_R]]: ...
    def __get__(self, view: Optional[ResponseView[_S]], owner: Optional[type] = None) -> object:
        return self._get(view)


class async_view_method(_ViewMethod[_S, _P, Awaitable[_R]]):
    """An async resource's method (a coroutine or an awaitable handle) on its
    ``AsyncRawView`` and ``AsyncStreamedView``."""

    def __init__(self, fn: Callable[Concatenate[_S, _P], Awaitable[_R]]) -> None:
        super().__init__(fn)

    @overload
    def __get__(self, view: None, owner: Optional[type] = None) -> Self: ...
    @overload
    def __get__(
        self, view: AsyncRawView[_S], owner: Optional[type] = None
    ) -> Callable[_P, Awaitable[LegacyAPIResponse[_R]]]: ...
    @overload
    def __get__(
        self, view: AsyncStreamedView[_S], owner: Optional[type] = None
    ) -> Callable[_P, AsyncResponseContextManager[_R]]: ...
    def __get__(self, view: Optional[ResponseView[_S]], owner: Optional[type] = None) -> object:
        return self._get(view)
