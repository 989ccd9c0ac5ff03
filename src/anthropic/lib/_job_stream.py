"""The results of several batches read side by side (``BatchJob.results(concurrency=N)``).

    for entry in concurrent_results(open_stream, targets, concurrency=4):
        ...

Up to ``concurrency`` worker threads each read one batch's results stream and hand the
entries over through one bounded queue, so memory stays bounded (``queue_size`` entries
in flight, whatever the job's size) and the downloads overlap. Each batch's entries keep
their order; batches interleave. The first error of any stream ends the iteration with
that error; leaving the loop early stops the workers and closes their streams.
"""

from __future__ import annotations

import queue
import threading
from contextlib import AbstractContextManager, suppress
from typing import Callable, Iterable, Iterator, List, Optional, TypeVar, cast

from ..types.messages import MessageBatchIndividualResponse

__all__ = ["DEFAULT_QUEUE_SIZE", "concurrent_results"]

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
