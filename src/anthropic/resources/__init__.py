from .messages import AsyncBatches, AsyncMessages, Batches, Messages

__all__ = ["AsyncBatches", "AsyncMessages", "Batches", "Messages"]
