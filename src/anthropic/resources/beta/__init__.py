from .beta import (
    AsyncBeta,
    AsyncBetaWithRawResponse,
    AsyncBetaWithStreamingResponse,
    Beta,
    BetaWithRawResponse,
    BetaWithStreamingResponse,
)
from .messages import AsyncBatches, AsyncMessages, Batches, Messages

__all__ = [
    "AsyncBatches",
    "AsyncBeta",
    "AsyncBetaWithRawResponse",
    "AsyncBetaWithStreamingResponse",
    "AsyncMessages",
    "Batches",
    "Beta",
    "BetaWithRawResponse",
    "BetaWithStreamingResponse",
    "Messages",
]
