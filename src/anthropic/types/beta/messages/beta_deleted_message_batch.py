"""``BetaDeletedMessageBatch``: what a beta ``delete`` returns."""

from __future__ import annotations

from ...messages.deleted_message_batch import DeletedMessageBatch

__all__ = ["BetaDeletedMessageBatch"]


class BetaDeletedMessageBatch(DeletedMessageBatch):
    """The deleted batch's ``id``; a ``DeletedMessageBatch`` too."""
