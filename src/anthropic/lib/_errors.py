"""The errors of the workflow helpers (all subclasses of ``AnthropicError``).

``BatchResultError`` is defined in ``anthropic._exceptions`` (``entry.unwrap()`` raises it
without importing ``lib``) and re-exported here unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .._exceptions import AnthropicError, BatchResultError

if TYPE_CHECKING:
    from ..types.messages import MessageBatch
    from ._job import AsyncBatchJob, BatchJob
    from ._summary import ResultsSummary

__all__ = ["BatchResultError", "BatchResultsError", "BatchSubmitError", "BatchWaitTimeout"]


class BatchWaitTimeout(AnthropicError, TimeoutError):
    """``wait`` gave up: the batch had not ended by the deadline.

    ``batch`` is the last state seen (``None`` if no poll ever succeeded) and ``batch_id``
    the batch waited for. The batch itself keeps running unless ``cancel_on_exit=True``.
    """

    def __init__(self, batch_id: str, batch: Optional[MessageBatch], waited: float) -> None:
        status = batch.processing_status if batch is not None else "unknown (never retrieved)"
        super().__init__(
            f"Batch {batch_id!r} had not ended after waiting {waited:.0f} s "
            f"(last processing_status: {status}). It keeps running on the API: wait again, "
            f"or cancel it with client.messages.batches.cancel({batch_id!r})."
        )
        self.batch_id = batch_id
        self.batch = batch
        self.waited = waited


class BatchSubmitError(AnthropicError):
    """``submit`` stopped after creating some batches (``__cause__`` says why).

    ``job`` is a handle over the batches already created: wait for them, save it, or
    ``job.cancel()`` them. ``request_count`` is how many requests those batches hold.
    """

    def __init__(self, job: BatchJob | AsyncBatchJob, cause: BaseException) -> None:
        ids = ", ".join(job.batch_ids)
        super().__init__(
            f"submit failed after creating {len(job.batch_ids)} batch(es) ({ids}) holding "
            f"{job.request_count} requests: {cause}. Those batches are running; the error's "
            f".job can wait for them, save them or cancel them (job.cancel())."
        )
        self.job = job


class BatchResultsError(AnthropicError):
    """Strict mode: a summary found requests that did not succeed (or results missing).

    ``summary`` is the full ``ResultsSummary``.
    """

    def __init__(self, summary: ResultsSummary) -> None:
        super().__init__(summary.describe_failures())
        self.summary = summary
