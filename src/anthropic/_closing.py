"""The ``with`` shapes every closeable object here shares, written once per flavour.

- ``Closing`` / ``AsyncClosing``: ``with obj:`` closes ``obj`` on leaving the block (the
  clients, the body iterators, the message streams).
- ``OpenOnEnter`` / ``AsyncOpenOnEnter``: ``with manager as opened:`` opens on entering
  (sends the request) and closes what it opened on leaving (the streaming-response and
  message-stream managers, the async results handle).

Nothing here imports anyio or httpx: ``import anthropic`` loads this module with the
clients.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Awaitable, Callable, Generic, Optional, TypeVar

from typing_extensions import Protocol, Self

__all__ = ["AsyncClosing", "AsyncOpenOnEnter", "Closing", "OpenOnEnter"]


class _Closeable(Protocol):
    def close(self) -> None: ...


class _AsyncCloseable(Protocol):
    def close(self) -> Awaitable[None]: ...


_C = TypeVar("_C", bound=_Closeable)
_AC = TypeVar("_AC", bound=_AsyncCloseable)


class Closing(ABC):
    """``with obj:`` closes ``obj`` on leaving the block (the class says what ``close`` does)."""

    @abstractmethod
    def close(self) -> None:
        """Release what the object holds (safe to call twice)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncClosing(ABC):
    """``async with obj:`` closes ``obj`` on leaving the block."""

    @abstractmethod
    async def close(self) -> None:
        """Release what the object holds (safe to call twice)."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()


class OpenOnEnter(Generic[_C]):
    """``with manager as opened:``: ``open_()`` runs on entering (nothing is sent before),
    and what it returned is closed on leaving the block."""

    __slots__ = ("_open", "_opened")

    def __init__(self, open_: Callable[[], _C]) -> None:
        self._open = open_
        self._opened: Optional[_C] = None

    def __enter__(self) -> _C:
        self._opened = self._open()
        return self._opened

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        if self._opened is not None:
            self._opened.close()


class AsyncOpenOnEnter(Generic[_AC]):
    """The async twin of ``OpenOnEnter``: ``async with manager as opened:``."""

    __slots__ = ("_open", "_opened")

    def __init__(self, open_: Callable[[], Awaitable[_AC]]) -> None:
        self._open = open_
        self._opened: Optional[_AC] = None

    async def __aenter__(self) -> _AC:
        self._opened = await self._open()
        return self._opened

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        if self._opened is not None:
            await self._opened.close()
