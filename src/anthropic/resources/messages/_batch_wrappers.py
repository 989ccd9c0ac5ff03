"""``batches.with_raw_response`` and ``batches.with_streaming_response``.

Each attribute is the resource's own method wrapped to return an ``APIResponse`` (or a
context manager over one), so the wrappers can never drift from the methods' signatures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

if TYPE_CHECKING:
    from .batches import AsyncBatches, Batches

__all__ = [
    "AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse",
    "BatchesWithRawResponse",
    "BatchesWithStreamingResponse",
]


class BatchesWithRawResponse:
    """``client.messages.batches.with_raw_response``: methods return ``APIResponse``."""

    def __init__(self, batches: Batches) -> None:
        self.create = to_raw_response_wrapper(batches.create)
        self.retrieve = to_raw_response_wrapper(batches.retrieve)
        self.list = to_raw_response_wrapper(batches.list)
        self.cancel = to_raw_response_wrapper(batches.cancel)
        self.delete = to_raw_response_wrapper(batches.delete)
        self.results = to_raw_response_wrapper(batches.results)


class BatchesWithStreamingResponse:
    """``client.messages.batches.with_streaming_response``: ``with ... as response``."""

    def __init__(self, batches: Batches) -> None:
        self.create = to_streamed_response_wrapper(batches.create)
        self.retrieve = to_streamed_response_wrapper(batches.retrieve)
        self.list = to_streamed_response_wrapper(batches.list)
        self.cancel = to_streamed_response_wrapper(batches.cancel)
        self.delete = to_streamed_response_wrapper(batches.delete)
        self.results = to_streamed_response_wrapper(batches.results)


class AsyncBatchesWithRawResponse:
    """Async ``with_raw_response``: ``await`` each method for an ``AsyncAPIResponse``."""

    def __init__(self, batches: AsyncBatches) -> None:
        self.create = async_to_raw_response_wrapper(batches.create)
        self.retrieve = async_to_raw_response_wrapper(batches.retrieve)
        self.list = async_to_raw_response_wrapper(batches.list)
        self.cancel = async_to_raw_response_wrapper(batches.cancel)
        self.delete = async_to_raw_response_wrapper(batches.delete)
        self.results = async_to_raw_response_wrapper(batches.results)


class AsyncBatchesWithStreamingResponse:
    """Async ``with_streaming_response``: ``async with ... as response``."""

    def __init__(self, batches: AsyncBatches) -> None:
        self.create = async_to_streamed_response_wrapper(batches.create)
        self.retrieve = async_to_streamed_response_wrapper(batches.retrieve)
        self.list = async_to_streamed_response_wrapper(batches.list)
        self.cancel = async_to_streamed_response_wrapper(batches.cancel)
        self.delete = async_to_streamed_response_wrapper(batches.delete)
        self.results = async_to_streamed_response_wrapper(batches.results)
