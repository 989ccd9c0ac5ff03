"""``BatchJob`` / ``AsyncBatchJob``: one handle over the batches of a ``submit``.

    job = client.messages.batches.submit(requests)       # any number of requests
    job.save("job.json")                                  # ... later, another process:
    job = client.messages.batches.job("job.json")
    job.wait(timeout=86_400)
    for entry in job.results(): ...

The handles only do I/O; what they remember and compute lives in ``_job_state``.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Union

from .._jsonl_stream import AsyncJSONLDecoder
from ..types.messages import MessageBatch, MessageBatchIndividualResponse
from ._job_state import JobProgress, JobState, write_atomic
from ._wait import ProgressCallback, async_best_effort_cancel, async_wait, best_effort_cancel
from ._wait import sync_wait as _sync_wait

if TYPE_CHECKING:
    from ..resources.messages.batches import AsyncBatches, Batches

__all__ = ["AsyncBatchJob", "AsyncJobResults", "BatchJob"]

PathArg = Union[str, "os.PathLike[str]"]


class _JobBase:
    _state: JobState

    @property
    def batch_ids(self) -> List[str]:
        """The job's batch ids, in creation order (a copy)."""
        return list(self._state.batch_ids)

    @property
    def request_count(self) -> int:
        """Requests submitted (for a job resumed from bare ids: known after ``refresh``)."""
        return self._state.request_count

    @property
    def batches(self) -> List[Optional[MessageBatch]]:
        """The last state seen of each batch (``None`` if never retrieved), without I/O."""
        return list(self._state.last_seen)

    def to_json(self) -> str:
        """``{"type": "anthropic.batch_job", "batch_ids": [...], ...}``; resume it with
        ``client.messages.batches.job(text)``."""
        return self._state.to_json()

    def save(self, path: PathArg) -> None:
        """Write ``to_json()`` to ``path`` atomically (temporary file, then rename)."""
        write_atomic(path, self.to_json())

    def __repr__(self) -> str:
        return f"{type(self).__name__}(batch_ids={self._state.batch_ids!r})"

    def _wait_targets(self) -> List[Union[str, MessageBatch]]:
        out: List[Union[str, MessageBatch]] = []
        for batch_id, seen in zip(self._state.batch_ids, self._state.last_seen):
            ended = seen is not None and seen.processing_status == "ended"
            out.append(seen if ended and seen is not None else batch_id)
        return out


class BatchJob(_JobBase):
    """A handle over the batches created by ``client.messages.batches.submit``."""

    def __init__(self, batches: Batches, state: Optional[JobState] = None) -> None:
        self._batches = batches
        self._state = state if state is not None else JobState()

    def refresh(self) -> List[MessageBatch]:
        """Retrieve every batch; returns (and remembers) their current states."""
        out: List[MessageBatch] = []
        for i, batch_id in enumerate(self._state.batch_ids):
            batch = self._batches.retrieve(batch_id)
            self._state.seen(i, batch)
            out.append(batch)
        return out

    def progress(self) -> JobProgress:
        """``refresh()`` and combine the request counts and statuses of every batch."""
        return JobProgress.of(self.refresh())

    def wait(
        self,
        *,
        timeout: Optional[float] = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        on_progress: Optional[ProgressCallback] = None,
        cancel_on_exit: bool = False,
        not_found_grace: float = 60.0,
    ) -> List[MessageBatch]:
        """Wait until every batch has ended (see ``batches.wait``); ``timeout`` covers the
        whole job. ``cancel_on_exit`` cancels every unfinished batch of the job."""
        clock = self._batches._client._clock
        start = clock()
        out: List[MessageBatch] = []
        try:
            for i, target in enumerate(self._wait_targets()):
                left = None if timeout is None else max(0.0, timeout - (clock() - start))
                batch = _sync_wait(
                    self._batches,
                    target,
                    timeout=left,
                    poll_interval=poll_interval,
                    max_poll_interval=max_poll_interval,
                    on_progress=on_progress,
                    not_found_grace=not_found_grace,
                )
                self._state.seen(i, batch)
                out.append(batch)
        except BaseException:
            if cancel_on_exit:
                best_effort_cancel(self._batches, self._state.unended_ids())
            raise
        return out

    def results(self) -> Iterator[MessageBatchIndividualResponse]:
        """Stream the results of every batch, batch after batch (each must have ended)."""
        for i, target in enumerate(self._wait_targets()):
            batch = target if isinstance(target, MessageBatch) else self._batches.retrieve(target)
            self._state.seen(i, batch)
            with self._batches.results(batch) as stream:
                yield from stream

    def cancel(self) -> List[MessageBatch]:
        """Cancel every batch not known to have ended; returns each batch's state."""
        unended = set(self._state.unended())
        out: List[MessageBatch] = []
        for i, batch_id in enumerate(self._state.batch_ids):
            seen = self._state.last_seen[i]
            if i in unended or seen is None:
                seen = self._batches.cancel(batch_id)
            self._state.seen(i, seen)
            out.append(seen)
        return out


class AsyncBatchJob(_JobBase):
    """The async twin of ``BatchJob`` (``await`` each method; ``async for`` results)."""

    def __init__(self, batches: AsyncBatches, state: Optional[JobState] = None) -> None:
        self._batches = batches
        self._state = state if state is not None else JobState()

    async def refresh(self) -> List[MessageBatch]:
        """See ``BatchJob.refresh``."""
        out: List[MessageBatch] = []
        for i, batch_id in enumerate(self._state.batch_ids):
            batch = await self._batches.retrieve(batch_id)
            self._state.seen(i, batch)
            out.append(batch)
        return out

    async def progress(self) -> JobProgress:
        """See ``BatchJob.progress``."""
        return JobProgress.of(await self.refresh())

    async def wait(
        self,
        *,
        timeout: Optional[float] = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        on_progress: Optional[Any] = None,
        cancel_on_exit: bool = False,
        not_found_grace: float = 60.0,
    ) -> List[MessageBatch]:
        """See ``BatchJob.wait`` (``on_progress`` may be sync or async)."""
        clock = self._batches._client._clock
        start = clock()
        out: List[MessageBatch] = []
        try:
            for i, target in enumerate(self._wait_targets()):
                left = None if timeout is None else max(0.0, timeout - (clock() - start))
                batch = await async_wait(
                    self._batches,
                    target,
                    timeout=left,
                    poll_interval=poll_interval,
                    max_poll_interval=max_poll_interval,
                    on_progress=on_progress,
                    not_found_grace=not_found_grace,
                )
                self._state.seen(i, batch)
                out.append(batch)
        except BaseException:
            if cancel_on_exit:
                await async_best_effort_cancel(self._batches, self._state.unended_ids())
            raise
        return out

    def results(self) -> AsyncJobResults:
        """See ``BatchJob.results``: ``async with job.results() as results: async for ...``
        (or a plain ``async for`` that runs to the end)."""
        return AsyncJobResults(self)

    async def cancel(self) -> List[MessageBatch]:
        """See ``BatchJob.cancel``."""
        unended = set(self._state.unended())
        out: List[MessageBatch] = []
        for i, batch_id in enumerate(self._state.batch_ids):
            seen = self._state.last_seen[i]
            if i in unended or seen is None:
                seen = await self._batches.cancel(batch_id)
            self._state.seen(i, seen)
            out.append(seen)
        return out


class AsyncJobResults:
    """The results of every batch of an ``AsyncBatchJob``, one stream open at a time.

    A class rather than an async generator so that ``aclose()`` (or ``async with``)
    releases the open connection at once, also when the loop stops early.
    """

    def __init__(self, job: AsyncBatchJob) -> None:
        self._job = job
        self._targets = job._wait_targets()
        self._index = 0
        self._stream: Optional[AsyncJSONLDecoder[MessageBatchIndividualResponse]] = None

    def __aiter__(self) -> AsyncJobResults:
        return self

    async def __anext__(self) -> MessageBatchIndividualResponse:
        while True:
            if self._stream is None:
                if self._index >= len(self._targets):
                    raise StopAsyncIteration
                self._stream = await self._open(self._index)
            try:
                return await self._stream.__anext__()
            except StopAsyncIteration:
                await self._close_stream()
                self._index += 1
            except BaseException:
                # A failed stream ends the iteration (as a generator's would): never
                # carry on with the next batch as if this one had been read in full.
                await self.aclose()
                raise

    async def _open(self, index: int) -> AsyncJSONLDecoder[MessageBatchIndividualResponse]:
        job, target = self._job, self._targets[index]
        if isinstance(target, MessageBatch):
            batch = target
        else:
            batch = await job._batches.retrieve(target)
        job._state.seen(index, batch)
        return await job._batches.results(batch)

    async def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            await stream.close()

    async def aclose(self) -> None:
        """Stop: close the open results stream (safe to call twice)."""
        self._index = len(self._targets)
        await self._close_stream()

    async def __aenter__(self) -> AsyncJobResults:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()
