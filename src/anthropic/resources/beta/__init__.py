from .beta import AsyncBeta, Beta
from .messages import AsyncBatches, AsyncMessages, Batches, Messages

__all__ = ["AsyncBatches", "AsyncBeta", "AsyncMessages", "Batches", "Beta", "Messages"]
