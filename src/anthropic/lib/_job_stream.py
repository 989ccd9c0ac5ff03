"""The results of several batches read side by side (``job.results(concurrency=N)``).

    for entry in concurrent_results(open_stream, targets, concurrency=4):   # sync
        ...
    async with AsyncJobResults(open_stream, len(targets), concurrency=4) as results:
        async for entry in results:
            ...

Up to ``concurrency`` workers (threads for the sync client, tasks of one anyio task group
for the async one) each read one batch's results stream at a time and hand the entries
over through one bounded buffer, so the downloads overlap and memory stays bounded
(``queue_size`` entries in flight, whatever the job's size). Each batch is read by one
worker and each of its entries delivered once, in the batch's order; batches interleave.
The first error of any stream ends the iteration with that error, raised as itself;
leaving the loop early (``aclose()``, or ``async with``) or a cancellation stops the
workers and closes every open stream before it returns.
"""

from __future__ import annotations

import queue
import threading
from contextlib import AbstractContextManager, suppress
from typing import (
    TYPE_CHECKING,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    List,
    Optional,
    TypeVar,
    cast,
)

import anyio
import anyio.lowlevel

from .._jsonl_stream import AsyncJSONLDecoder
from ..types.messages import MessageBatchIndividualResponse

if TYPE_CHECKING:
    from anyio.abc import TaskGroup
    from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream

__all__ = ["DEFAULT_QUEUE_SIZE", "AsyncJobResults", "concurrent_results"]

DEFAULT_QUEUE_SIZE = 1024
"""Entries in flight between the download threads and the reader."""

Target = TypeVar("Target")
Entry = MessageBatchIndividualResponse

_DONE = object()  # a worker has no more batches


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


def concurrent_results(
    open_stream: Callable[[Target], AbstractContextManager[Iterable[Entry]]],
    targets: List[Target],
    *,
    concurrency: int,
    queue_size: int = DEFAULT_QUEUE_SIZE,
) -> Iterator[MessageBatchIndividualResponse]:
    """Every entry of every target's results, each exactly once (see the module docstring)."""
    todo: queue.SimpleQueue[Target] = queue.SimpleQueue()
    for target in targets:
        todo.put(target)
    out: queue.Queue[object] = queue.Queue(maxsize=queue_size)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            with suppress(queue.Full):
                out.put(item, timeout=0.05)  # a bounded wait: a stop is noticed soon
                return True
        return False

    def work() -> None:
        try:
            while not stop.is_set():
                try:
                    target = todo.get_nowait()
                except queue.Empty:
                    break
                with open_stream(target) as stream:
                    for entry in stream:
                        if not put(entry):
                            return
        except BaseException as exc:  # handed to the reader, which raises it
            put(_Failed(exc))
        finally:
            put(_DONE)

    workers = [
        threading.Thread(target=work, name=f"batch-results-{i}", daemon=True)
        for i in range(max(1, min(concurrency, len(targets))))
    ]
    for worker in workers:
        worker.start()
    running = len(workers)
    failed: Optional[BaseException] = None
    try:
        while running:
            item = out.get()
            if item is _DONE:
                running -= 1
            elif isinstance(item, _Failed):
                failed = item.exc
                break
            else:
                yield cast(Entry, item)  # neither _DONE nor _Failed: an entry
        if failed is not None:
            raise failed
    finally:
        stop.set()
        for worker in workers:
            worker.join()


OpenStream = Callable[[int], Awaitable[AsyncJSONLDecoder[Entry]]]
"""Opens the results stream of the job's ``index``-th batch."""


class AsyncJobResults:
    """The results of every batch of an ``AsyncBatchJob`` (see the module docstring): up
    to ``concurrency`` batches downloaded at once by the tasks of one task group.

    ``async with job.results() as results: async for entry in results: ...`` runs the
    tasks in the group ``async with`` opens, and leaving the block (also by ``break``, an
    error or a cancellation) stops them and closes every stream. A plain ``async for``
    opens the group at its first entry and leaves it at the end, or at an error or a
    cancellation while it waits for an entry; a loop left early by ``break`` must call
    ``aclose()`` (or use ``async with``). With ``concurrency=1`` (or one batch) there
    are no tasks: the batches are read one after another, in the job's order.
    """

    def __init__(
        self,
        open_stream: OpenStream,
        count: int,
        concurrency: int = 1,
        *,
        queue_size: int = DEFAULT_QUEUE_SIZE,
    ) -> None:
        self._open_stream = open_stream
        self._count = count
        self._next = 0  # the next batch to open
        self._workers = max(1, min(concurrency, count))
        self._queue_size = queue_size
        self._current: Optional[AsyncJSONLDecoder[Entry]] = None  # one worker: read here
        self._group: Optional[TaskGroup] = None
        self._own_group = False  # opened by __anext__ (a plain ``async for``)
        self._receive: Optional[MemoryObjectReceiveStream[object]] = None
        self._stops: List[anyio.CancelScope] = []
        self._running = 0
        self._all_stopped: Optional[anyio.Event] = None  # made in _start: needs a loop
        self._closed = False

    def __aiter__(self) -> AsyncJobResults:
        return self

    async def __anext__(self) -> MessageBatchIndividualResponse:
        try:
            if self._closed:
                raise StopAsyncIteration
            if self._workers == 1:
                return await self._read_in_turn()
            receive = self._receive if self._receive is not None else await self._start()
            await anyio.lowlevel.checkpoint_if_cancelled()
            try:
                item = receive.receive_nowait()  # a full buffer: no trip to the scheduler
            except anyio.WouldBlock:
                item = await receive.receive()
        except (StopAsyncIteration, anyio.EndOfStream):
            await self.aclose()
            raise StopAsyncIteration from None
        except BaseException:
            await self.aclose()  # an error or a cancellation: stop every download
            raise
        if isinstance(item, _Failed):
            await self.aclose()
            raise item.exc
        return cast(Entry, item)  # not a _Failed: an entry

    async def _read_in_turn(self) -> Entry:
        while True:
            if self._current is None:
                if self._next >= self._count:
                    raise StopAsyncIteration
                self._next += 1
                self._current = await self._open_stream(self._next - 1)
            try:
                return await self._current.__anext__()
            except StopAsyncIteration:
                stream, self._current = self._current, None
                await stream.close()

    async def _start(self) -> MemoryObjectReceiveStream[object]:
        if self._group is None:
            self._group = anyio.create_task_group()
            await self._group.__aenter__()
            self._own_group = True
        send, self._receive = anyio.create_memory_object_stream[object](self._queue_size)
        self._all_stopped = anyio.Event()
        with send:  # each worker holds a clone; the last one closed ends the receive side
            for _ in range(self._workers):
                stop = anyio.CancelScope()
                self._stops.append(stop)
                self._running += 1
                self._group.start_soon(self._work, send.clone(), stop)
        return self._receive

    async def _work(self, send: MemoryObjectSendStream[object], stop: anyio.CancelScope) -> None:
        try:
            with stop, send:
                try:
                    while self._next < self._count:
                        self._next += 1
                        await self._copy(self._next - 1, send)
                except anyio.BrokenResourceError:  # the reader has stopped
                    pass
                except Exception as exc:  # handed to the reader, which raises it
                    with suppress(anyio.BrokenResourceError):
                        await send.send(_Failed(exc))
        finally:
            self._running -= 1
            if self._running == 0 and self._all_stopped is not None:
                self._all_stopped.set()

    async def _copy(self, index: int, send: MemoryObjectSendStream[object]) -> None:
        stream = await self._open_stream(index)
        try:
            async for entry in stream:
                try:
                    send.send_nowait(entry)
                except anyio.WouldBlock:
                    await send.send(entry)
        finally:
            with anyio.CancelScope(shield=True):
                await stream.close()

    async def aclose(self) -> None:
        """Stop: cancel the downloads, close every open stream, and leave the task group a
        plain ``async for`` opened (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self._next = self._count  # no more batches are opened
        with anyio.CancelScope(shield=True):
            for stop in self._stops:
                stop.cancel()
            if self._receive is not None:
                self._receive.close()
            if self._running and self._all_stopped is not None:
                await self._all_stopped.wait()
            if self._current is not None:
                await self._current.close()
        if self._own_group and self._group is not None:
            group, self._group = self._group, None
            await group.__aexit__(None, None, None)

    async def __aenter__(self) -> AsyncJobResults:
        if self._group is not None or self._receive is not None or self._closed:
            raise RuntimeError("enter job.results() with async with before reading from it")
        if self._workers > 1:
            self._group = anyio.create_task_group()
            await self._group.__aenter__()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
        group, self._group = self._group, None
        if group is not None:  # its tasks have ended: nothing for it to wait for or raise
            await group.__aexit__(None, None, None)
