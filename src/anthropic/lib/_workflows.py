"""Workflow methods of ``client.messages.batches`` beyond the raw API: wait, submit, job.

    batch = client.messages.batches.wait(batch, timeout=3600)
    job = client.messages.batches.submit(requests)        # any number of requests
    job = client.messages.batches.job("job.json")         # resume a saved job

``Batches`` / ``AsyncBatches`` (in ``resources``) inherit these mixins. Each method's
``self`` is typed as the protocol of what it calls (``SyncBatchesAPI``), so ``lib``
needs nothing from ``resources``; the logic lives in the modules these call.
"""

from __future__ import annotations

from typing import AsyncIterable, Iterable, Optional, Union

from typing_extensions import Unpack

from .._core import batch_specs as specs
from .._core.batch_requests import MAX_BATCH_REQUESTS
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..types.messages.batch_create_params import AcceptedRequest
from ..types.messages.message_batch import MessageBatch
from ._api import AsyncBatchesAPI, SyncBatchesAPI
from ._chunker import DEFAULT_MAX_BYTES_PER_BATCH
from ._job import AsyncBatchJob, BatchJob
from ._job_state import JobSource, JobState
from ._submit import Submission, async_submit, sync_submit
from ._wait import AsyncProgressCallback, ProgressCallback, async_wait, sync_wait
from ._wait_machine import WaitOptions, WaitOptionsDict

__all__ = ["AsyncBatchWorkflows", "BatchWorkflows"]


class BatchWorkflows:
    """Mixed into ``Batches``."""

    def wait(
        self: SyncBatchesAPI,
        batch_or_id: Union[str, MessageBatch],
        *,
        on_progress: Optional[ProgressCallback] = None,
        **options: Unpack[WaitOptionsDict],
    ) -> MessageBatch:
        """Poll until the batch has ended and return it.

        Intervals start at ``poll_interval`` (5 s) and double up to ``max_poll_interval``
        (60 s). Connection errors, timeouts, 408/409/429/5xx/529 while polling do not end
        the wait. A 404 counts as pending only while the batch is younger than
        ``not_found_grace`` (60 s), its age known from a create this client object made or
        from the ``created_at`` of a batch passed in or seen; for an id of unknown age (a
        typo, a batch created elsewhere and passed by id) the first 404 raises
        ``NotFoundError`` at once. After ``timeout`` seconds:
        ``anthropic.lib.BatchWaitTimeout`` (``.batch`` is the last state seen);
        ``timeout=None`` (the default) still stops an hour past the batch's ``expires_at``.
        ``on_progress(batch)`` runs after each successful poll. ``cancel_on_exit=True``
        cancels the batch if the wait ends any other way than the batch ending (Ctrl-C, an
        exception from ``on_progress``, a timeout, ...). The options and their defaults:
        ``anthropic.lib.WaitOptions``.
        """
        return sync_wait(self, batch_or_id, WaitOptions(**options), on_progress)

    def submit(
        self: SyncBatchesAPI,
        requests: Iterable[AcceptedRequest],
        *,
        max_requests_per_batch: int = MAX_BATCH_REQUESTS,
        max_bytes_per_batch: int = DEFAULT_MAX_BYTES_PER_BATCH,
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
        options = specs.Options(extra_headers, extra_query, None, timeout)
        args = (max_requests_per_batch, max_bytes_per_batch, precheck, options)
        return sync_submit(self, requests, Submission(requests, *args))

    def job(self: SyncBatchesAPI, source: JobSource) -> BatchJob:
        """A ``BatchJob`` over existing batches, without I/O: a list of batch ids, one id,
        the JSON of ``job.to_json()``, or the path of a file written by ``job.save()``."""
        return BatchJob(self, JobState.parse(source))


class AsyncBatchWorkflows:
    """Mixed into ``AsyncBatches``."""

    async def wait(
        self: AsyncBatchesAPI,
        batch_or_id: Union[str, MessageBatch],
        *,
        on_progress: Optional[AsyncProgressCallback] = None,
        **options: Unpack[WaitOptionsDict],
    ) -> MessageBatch:
        """See ``Batches.wait``; ``on_progress`` may be sync or async, and an anyio/trio
        cancellation counts as an interruption for ``cancel_on_exit``."""
        return await async_wait(self, batch_or_id, WaitOptions(**options), on_progress)

    async def submit(
        self: AsyncBatchesAPI,
        requests: Union[Iterable[AcceptedRequest], AsyncIterable[AcceptedRequest]],
        *,
        max_requests_per_batch: int = MAX_BATCH_REQUESTS,
        max_bytes_per_batch: int = DEFAULT_MAX_BYTES_PER_BATCH,
        precheck: Optional[bool] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
    ) -> AsyncBatchJob:
        """See ``Batches.submit``; ``requests`` may also be an async iterable."""
        options = specs.Options(extra_headers, extra_query, None, timeout)
        args = (max_requests_per_batch, max_bytes_per_batch, precheck, options)
        return await async_submit(self, requests, Submission(requests, *args))

    def job(self: AsyncBatchesAPI, source: JobSource) -> AsyncBatchJob:
        """See ``Batches.job`` (no I/O, so not awaited)."""
        return AsyncBatchJob(self, JobState.parse(source))
