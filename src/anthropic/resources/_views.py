"""``with_raw_response`` / ``with_streaming_response`` views, declared one line a method.

    class BatchesWithRawResponse(ResponseView[Batches]):
        create = raw_method(Batches.create)

A view holds a resource built in ``"raw"`` or ``"stream"`` mode (see a resource's
``with_raw_response``). ``raw_method(Batches.create)`` is a descriptor: read on a view, it
is that resource's bound ``create`` passed through ``to_raw_response_wrapper`` (the other
three kinds use the matching ``_response`` wrapper). Type checkers take the parameters
from ``Batches.create`` itself (``ParamSpec``) and the return type from the wrapper, so
``view.create`` is typed ``(*, requests=..., **options) -> LegacyAPIResponse[MessageBatch]``
without the signature being written again. Each view binds its methods once, when it is
built, as the hand-written ``self.create = ...`` assignments did.
"""

from __future__ import annotations

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

__all__ = [
    "ResponseView",
    "ViewMethod",
    "async_raw_method",
    "async_streamed_method",
    "raw_method",
    "streamed_method",
]

_S = TypeVar("_S")
_P = ParamSpec("_P")
_R = TypeVar("_R")
_W = TypeVar("_W")


class ResponseView(Generic[_S]):
    """A resource's methods, each re-typed by its ``ViewMethod`` (declared on subclasses)."""

    def __init__(self, resource: _S) -> None:
        self._resource = resource
        for klass in type(self).__mro__:
            for name, member in vars(klass).items():
                if isinstance(member, ViewMethod):
                    getattr(self, name)  # binds it (stored on the instance)


class ViewMethod(Generic[_S, _P, _W]):
    """One method of a ``ResponseView[_S]``: ``bind(resource)`` makes the callable."""

    def __init__(self, bind: Callable[[_S], Callable[_P, _W]]) -> None:
        self._bind = bind
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, view: None, owner: Optional[type] = None) -> Self: ...
    @overload
    def __get__(self, view: ResponseView[_S], owner: Optional[type] = None) -> Callable[_P, _W]: ...
    def __get__(
        self, view: Optional[ResponseView[_S]], owner: Optional[type] = None
    ) -> Union[Self, Callable[_P, _W]]:
        if view is None:
            return self
        method = self._bind(view._resource)
        view.__dict__[self._name] = method  # later reads find the instance attribute
        return method


def _bound(resource: _S, fn: Callable[Concatenate[_S, _P], _R]) -> Callable[_P, _R]:
    # ``resource.<name>``: the bound method, so an override on the resource's class is
    # the one called, as before.
    return cast("Callable[_P, _R]", getattr(resource, fn.__name__))


def raw_method(
    fn: Callable[Concatenate[_S, _P], _R],
) -> ViewMethod[_S, _P, LegacyAPIResponse[_R]]:
    """``fn`` of the view's raw-mode resource, returning ``LegacyAPIResponse``."""
    return ViewMethod(lambda resource: to_raw_response_wrapper(_bound(resource, fn)))


def streamed_method(
    fn: Callable[Concatenate[_S, _P], _R],
) -> ViewMethod[_S, _P, ResponseContextManager[_R]]:
    """``fn`` of the view's stream-mode resource, as ``with ... as response``."""
    return ViewMethod(lambda resource: to_streamed_response_wrapper(_bound(resource, fn)))


def async_raw_method(
    fn: Callable[Concatenate[_S, _P], Awaitable[_R]],
) -> ViewMethod[_S, _P, Awaitable[LegacyAPIResponse[_R]]]:
    """``fn`` of the view's raw-mode async resource: ``await`` it for the response."""
    return ViewMethod(lambda resource: async_to_raw_response_wrapper(_bound(resource, fn)))


def async_streamed_method(
    fn: Callable[Concatenate[_S, _P], Awaitable[_R]],
) -> ViewMethod[_S, _P, AsyncResponseContextManager[_R]]:
    """``fn`` of the view's stream-mode async resource, as ``async with ... as response``."""
    return ViewMethod(lambda resource: async_to_streamed_response_wrapper(_bound(resource, fn)))
