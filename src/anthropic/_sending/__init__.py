"""The only modules that do I/O: send requests, sleep between retries, read bodies."""

from .async_sender import AsyncSender
from .sync_sender import SyncSender

__all__ = ["AsyncSender", "SyncSender"]
