"""Workflow methods of ``client.messages.batches`` beyond the raw API: wait, submit, job.

    batch = client.messages.batches.wait(batch, timeout=3600)
    job = client.messages.batches.submit(requests)        # any number of requests
    job = client.messages.batches.job("job.json")         # resume a saved job

The resource classes inherit these; the logic lives in ``anthropic.lib``.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterable,
    Awaitable,
    Callable,
    Iterable,
    Optional,
    Union,
    cast,
)

from ..._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ...types.messages.batch_create_params import Request
from ...types.messages.message_batch import MessageBatch

if TYPE_CHECKING:
    from ...lib._job import AsyncBatchJob, BatchJob
    from ...lib._job_state import JobSource
    from .batches import AsyncBatches, Batches

__all__ = ["AsyncBatchWorkflows", "BatchWorkflows"]

_DEFAULT_MAX_BYTES = 256 * 1024 * 1024 - 1024 * 1024  # = lib._chunker.DEFAULT_MAX_BYTES_PER_BATCH


class BatchWorkflows:
    """Mixed into ``Batches``."""

    def wait(
        self,
        batch_or_id: Union[str, MessageBatch],
        *,
        timeout: Optional[float] = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        on_progress: Optional[Callable[[MessageBatch], object]] = None,
        cancel_on_exit: bool = False,
        not_found_grace: float = 60.0,
    ) -> MessageBatch:
        """Poll until the batch has ended and return it.

        Intervals start at ``poll_interval`` and double up to ``max_poll_interval``.
        Connection errors, timeouts, 408/409/429/5xx/529 while polling do not end the
        wait; a 404 within ``not_found_grace`` seconds of creation counts as pending.
        After ``timeout`` seconds: ``anthropic.lib.BatchWaitTimeout`` (``.batch`` is the
        last state seen). ``timeout=None`` still stops an hour past the batch's
        ``expires_at``. ``on_progress(batch)`` runs after each successful poll.
        ``cancel_on_exit=True`` cancels the batch if the wait ends any other way than
        the batch ending (Ctrl-C, an exception from ``on_progress``, a timeout, ...).
        """
        from ...lib._wait import sync_wait

        return sync_wait(
            cast("Batches", self),
            batch_or_id,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
            cancel_on_exit=cancel_on_exit,
            not_found_grace=not_found_grace,
        )

    def submit(
        self,
        requests: Iterable[Request],
        *,
        max_requests_per_batch: int = 100_000,
        max_bytes_per_batch: int = _DEFAULT_MAX_BYTES,
        precheck: Optional[bool] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> BatchJob:
        """Create as many batches as ``requests`` need and return a ``BatchJob``.

        Any iterable works, a generator of millions included (consumed lazily; one
        batch of encoded requests in memory at most). Batches stay under both limits,
        measured on the exact bytes sent (default: 100,000 requests, 255 MiB).
        custom_ids must be unique across the job. A list/tuple is fully checked before
        anything is created (``precheck``); a generator is checked as it streams. If a
        later batch cannot be created, ``anthropic.lib.BatchSubmitError`` carries
        ``.job`` over the batches already created (``job.cancel()`` stops them).
        """
        from ...lib._submit import sync_submit

        return sync_submit(
            cast("Batches", self),
            requests,
            max_requests_per_batch=max_requests_per_batch,
            max_bytes_per_batch=max_bytes_per_batch,
            precheck=precheck,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def job(self, source: JobSource) -> BatchJob:
        """A ``BatchJob`` over existing batches, without I/O: a list of batch ids, one id,
        the JSON of ``job.to_json()``, or the path of a file written by ``job.save()``."""
        from ...lib._job import BatchJob
        from ...lib._job_state import JobState

        return BatchJob(cast("Batches", self), JobState.parse(source))


class AsyncBatchWorkflows:
    """Mixed into ``AsyncBatches``."""

    async def wait(
        self,
        batch_or_id: Union[str, MessageBatch],
        *,
        timeout: Optional[float] = None,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        on_progress: Optional[Callable[[MessageBatch], Union[object, Awaitable[object]]]] = None,
        cancel_on_exit: bool = False,
        not_found_grace: float = 60.0,
    ) -> MessageBatch:
        """See ``Batches.wait``; ``on_progress`` may be sync or async, and an anyio/trio
        cancellation counts as an interruption for ``cancel_on_exit``."""
        from ...lib._wait import async_wait

        return await async_wait(
            cast("AsyncBatches", self),
            batch_or_id,
            timeout=timeout,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            on_progress=on_progress,
            cancel_on_exit=cancel_on_exit,
            not_found_grace=not_found_grace,
        )

    async def submit(
        self,
        requests: Union[Iterable[Request], AsyncIterable[Request]],
        *,
        max_requests_per_batch: int = 100_000,
        max_bytes_per_batch: int = _DEFAULT_MAX_BYTES,
        precheck: Optional[bool] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AsyncBatchJob:
        """See ``Batches.submit``; ``requests`` may also be an async iterable."""
        from ...lib._submit import async_submit

        return await async_submit(
            cast("AsyncBatches", self),
            cast("Union[Iterable[Any], AsyncIterable[Any]]", requests),
            max_requests_per_batch=max_requests_per_batch,
            max_bytes_per_batch=max_bytes_per_batch,
            precheck=precheck,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def job(self, source: JobSource) -> AsyncBatchJob:
        """See ``Batches.job`` (no I/O, so not awaited)."""
        from ...lib._job import AsyncBatchJob
        from ...lib._job_state import JobState

        return AsyncBatchJob(cast("AsyncBatches", self), JobState.parse(source))
