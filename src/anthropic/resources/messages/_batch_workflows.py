"""Workflow methods of ``client.messages.batches`` beyond the raw API (wait, submit, ...).

The resource classes inherit these; the logic lives in ``anthropic.lib``.
"""

from __future__ import annotations

__all__ = ["AsyncBatchWorkflows", "BatchWorkflows"]


class BatchWorkflows:
    """Mixed into ``Batches``."""


class AsyncBatchWorkflows:
    """Mixed into ``AsyncBatches``."""
