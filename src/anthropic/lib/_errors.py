"""``BatchWaitTimeout``, the error of ``wait``, and ``BatchResultError`` (re-exported).

Every error of the workflow helpers subclasses ``AnthropicError``. Each lives below what
raises it, so no module of ``lib`` imports one that imports it back:
``BatchResultError`` is in ``anthropic._exceptions`` (``entry.unwrap()`` raises it
without importing ``lib``); ``BatchSubmitError`` (it holds a job) is in ``_submit`` and
``BatchResultsError`` (it holds a summary) in ``_summary``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .._exceptions import AnthropicError, BatchResultError

if TYPE_CHECKING:
    from ..types.messages import MessageBatch

__all__ = ["BatchResultError", "BatchWaitTimeout"]


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
