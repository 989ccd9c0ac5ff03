"""``BatchListParams``: the query of ``GET /v1/messages/batches`` (newest first)."""

from typing_extensions import TypedDict

__all__ = ["BatchListParams"]


class BatchListParams(TypedDict, total=False):
    """Pagination: give ``after_id`` or ``before_id`` (an id from the previous page)."""

    after_id: str
    """Return the page of batches right after this id (older ones)."""
    before_id: str
    """Return the page of batches right before this id (newer ones)."""
    limit: int
    """Batches per page, 1 to 1000 (the API default is 20)."""
