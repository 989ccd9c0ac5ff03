"""``with_raw_response`` / ``with_streaming_response`` views, their methods declared once.

    class _Methods:                     # the table: one line a method, sync and async
        create = view_method(Batches.create, AsyncBatches.create)
        ...

    class BatchesWithRawResponse(_Methods, RawView[Batches]): ...
    class AsyncBatchesWithStreamingResponse(_Methods, AsyncStreamedView[AsyncBatches]): ...

A view holds a resource built in ``"raw"`` or ``"stream"`` mode (see a resource's
``with_raw_response``). Read on a view, a ``view_method`` is that resource's bound
method passed through the view's wrapper from ``_response`` (``to_raw_response_wrapper``
on a ``RawView``, ``async_to_streamed_response_wrapper`` on an ``AsyncStreamedView``, ...).
Type checkers take the parameters from ``Batches.create`` (sync views) or
``AsyncBatches.create`` (async views) themselves (``ParamSpec``) and the return type from
the view's kind (the overloads of ``__get__``), so ``raw.create`` is typed
``(*, requests=..., **options) -> LegacyAPIResponse[MessageBatch]`` without its signature
being written again. A view binds its methods once, when it is built.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Awaitable, Callable, Generic, Optional, TypeVar, Union, cast, overload

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

__all__ = ["AsyncRawView", "AsyncStreamedView", "RawView", "StreamedView", "view_method"]

_S = TypeVar("_S")
_P = ParamSpec("_P")
_R = TypeVar("_R")
_AS = TypeVar("_AS")
_AP = ParamSpec("_AP")
_AR = TypeVar("_AR")


class ResponseView(ABC, Generic[_S]):
    """A resource's methods re-typed by this view's kind (the subclasses below)."""

    def __init__(self, resource: _S) -> None:
        self._resource = resource
        for klass in type(self).__mro__:
            for name, member in vars(klass).items():
                if isinstance(member, view_method):
                    getattr(self, name)  # binds it (stored on the instance)

    @abstractmethod
    def _wrap(self, method: Callable[..., object]) -> object:
        """``method`` passed through this kind's ``_response`` wrapper (each kind below)."""


def _awaitable(method: Callable[..., object]) -> Callable[..., Awaitable[object]]:
    # An async view's methods are the ``async_fn`` of a ``view_method``, which takes only
    # methods returning awaitables (coroutines, the paginator and stream handles).
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


class view_method(Generic[_S, _P, _R, _AS, _AP, _AR]):
    """One method of a resource's four views: ``fn`` on the sync views, ``async_fn`` (a
    coroutine or a method returning an awaitable handle) on the async ones.

    At run time both are looked up by name on the view's resource (so an override on the
    resource's class is the one called), wrapped by the view's kind, and kept on the view.
    """

    def __init__(
        self,
        fn: Callable[Concatenate[_S, _P], _R],
        async_fn: Callable[Concatenate[_AS, _AP], Awaitable[_AR]],
    ) -> None:
        if fn.__name__ != async_fn.__name__:
            raise TypeError(f"view_method pairs twins: {fn.__name__} != {async_fn.__name__}")
        self._fn_name = fn.__name__
        self._name = fn.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

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
    @overload
    def __get__(
        self, view: AsyncRawView[_AS], owner: Optional[type] = None
    ) -> Callable[_AP, Awaitable[LegacyAPIResponse[_AR]]]: ...
    @overload
    def __get__(
        self, view: AsyncStreamedView[_AS], owner: Optional[type] = None
    ) -> Callable[_AP, AsyncResponseContextManager[_AR]]: ...
    def __get__(
        self, view: Union[ResponseView[_S], ResponseView[_AS], None], owner: Optional[type] = None
    ) -> object:
        if view is None:
            return self
        method = view._wrap(getattr(view._resource, self._fn_name))
        vars(view)[self._name] = method  # later reads find the instance attribute
        return method
