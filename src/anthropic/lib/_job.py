"""``BatchJob`` / ``AsyncBatchJob``: one handle over the batches of a ``submit``.

    job = client.messages.batches.submit(requests)       # any number of requests
    job.save("job.json")                                  # ... later, another process:
    job = client.messages.batches.job("job.json")
    job.wait(timeout=86_400)
    for entry in job.results(): ...

The handles only do I/O; what they remember and compute lives in ``JobState``, and a
job's wait polls its batches side by side (``_job_wait``).
"""

from __future__ import annotations

import os
from typing import Iterator, List, Optional, Tuple, Union

from typing_extensions import Unpack

from .._jsonl_stream import AsyncJSONLDecoder, JSONLDecoder
from ..types.messages import MessageBatch, MessageBatchIndividualResponse
from ._api import AsyncBatchesAPI, SyncBatchesAPI
from ._job_state import JobProgress, JobState, write_atomic
from ._job_stream import AsyncJobResults, concurrent_results
from ._job_wait import (
    AsyncJobProgressCallback,
    JobProgressCallback,
    async_job_wait,
    sync_job_wait,
)
from ._wait_machine import WaitOptions, WaitOptionsDict

__all__ = ["DEFAULT_CONCURRENCY", "AsyncBatchJob", "AsyncJobResults", "BatchJob"]

DEFAULT_CONCURRENCY = 4
"""Results downloads a job runs at once by default (``results``, ``save_job_results``)."""

PathArg = Union[str, "os.PathLike[str]"]


def _check_concurrency(concurrency: int) -> int:
    if not (isinstance(concurrency, int) and concurrency >= 1):
        raise ValueError(f"concurrency must be a whole number >= 1, got {concurrency!r}")
    return concurrency


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


class BatchJob(_JobBase):
    """A handle over the batches created by ``client.messages.batches.submit``."""

    def __init__(self, batches: SyncBatchesAPI, state: Optional[JobState] = None) -> None:
        self._batches = batches
        self._state = state if state is not None else JobState()

    def refresh(self) -> List[MessageBatch]:
        """Retrieve every batch; returns (and remembers) their current states."""
        retrieve, ids = self._batches.retrieve, self._state.batch_ids
        return [self._state.seen(i, retrieve(batch_id)) for i, batch_id in enumerate(ids)]

    def progress(self) -> JobProgress:
        """``refresh()`` and combine the request counts and statuses of every batch."""
        return JobProgress.of(self.refresh())

    def wait(
        self,
        *,
        on_progress: Optional[JobProgressCallback] = None,
        **options: Unpack[WaitOptionsDict],
    ) -> List[MessageBatch]:
        """Wait until every batch has ended (the options of ``batches.wait``); ``timeout``
        covers the whole job. The unended batches are polled side by side, each on its own
        backoff; after each round ``on_progress(snapshot)`` gets a ``JobProgress``: counts
        summed over every batch, ``ended_batches`` of ``batch_count``, ``elapsed``
        (``anthropic.lib.progress_bar()`` draws it). ``cancel_on_exit`` cancels every
        unfinished batch of the job."""
        return sync_job_wait(self._batches, self._state, WaitOptions(**options), on_progress)

    def results(
        self, *, concurrency: int = DEFAULT_CONCURRENCY
    ) -> Iterator[MessageBatchIndividualResponse]:
        """Stream the results of every batch (each must have ended), each entry exactly
        once. Up to ``concurrency`` batches (default 4) are downloaded side by side, their
        entries interleaved (each batch's in order) through a bounded buffer;
        ``concurrency=1`` reads batch after batch, in the job's order."""
        _check_concurrency(concurrency)  # here, not at the first ``next()``
        targets = self._state.wait_targets()
        if concurrency == 1 or len(targets) == 1:
            return self._one_by_one(targets)
        return concurrent_results(self._open, targets, concurrency=concurrency)

    def _one_by_one(
        self, targets: List[Tuple[int, Union[str, MessageBatch]]]
    ) -> Iterator[MessageBatchIndividualResponse]:
        for target in targets:
            with self._open(target) as stream:
                yield from stream

    def _open(
        self, indexed: Tuple[int, Union[str, MessageBatch]]
    ) -> JSONLDecoder[MessageBatchIndividualResponse]:
        i, target = indexed
        batch = target if isinstance(target, MessageBatch) else self._batches.retrieve(target)
        return self._batches.results(self._state.seen(i, batch))

    def cancel(self) -> List[MessageBatch]:
        """Cancel every batch not known to have ended; returns each batch's state."""
        return [
            self._state.seen(i, self._batches.cancel(batch_id) if ended is None else ended)
            for i, batch_id, ended in self._state.cancel_targets()
        ]


class AsyncBatchJob(_JobBase):
    """The async twin of ``BatchJob`` (``await`` each method; ``async for`` results)."""

    def __init__(self, batches: AsyncBatchesAPI, state: Optional[JobState] = None) -> None:
        self._batches = batches
        self._state = state if state is not None else JobState()

    async def refresh(self) -> List[MessageBatch]:
        """See ``BatchJob.refresh``."""
        retrieve, ids = self._batches.retrieve, self._state.batch_ids
        return [self._state.seen(i, await retrieve(batch_id)) for i, batch_id in enumerate(ids)]

    async def progress(self) -> JobProgress:
        """See ``BatchJob.progress``."""
        return JobProgress.of(await self.refresh())

    async def wait(
        self,
        *,
        on_progress: Optional[AsyncJobProgressCallback] = None,
        **options: Unpack[WaitOptionsDict],
    ) -> List[MessageBatch]:
        """See ``BatchJob.wait`` (``on_progress`` may be sync or async)."""
        opts = WaitOptions(**options)
        return await async_job_wait(self._batches, self._state, opts, on_progress)

    def results(self, *, concurrency: int = DEFAULT_CONCURRENCY) -> AsyncJobResults:
        """See ``BatchJob.results``: ``async with job.results() as results: async for ...``
        (or a plain ``async for`` that runs to the end). Up to ``concurrency`` batches are
        downloaded at once by the tasks of one task group, their entries handed over
        through a bounded buffer (each batch's in order); leaving the ``async with``
        stops the downloads and closes every stream."""
        _check_concurrency(concurrency)
        targets = self._state.wait_targets()

        async def open_stream(index: int) -> AsyncJSONLDecoder[MessageBatchIndividualResponse]:
            i, target = targets[index]
            retrieve = self._batches.retrieve
            batch = target if isinstance(target, MessageBatch) else await retrieve(target)
            return await self._batches.results(self._state.seen(i, batch))

        return AsyncJobResults(open_stream, len(targets), concurrency)

    async def cancel(self) -> List[MessageBatch]:
        """See ``BatchJob.cancel``."""
        return [
            self._state.seen(i, await self._batches.cancel(batch_id) if ended is None else ended)
            for i, batch_id, ended in self._state.cancel_targets()
        ]
