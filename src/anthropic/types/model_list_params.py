"""``ModelListParams``: the query of ``models.list``."""

from __future__ import annotations

from typing_extensions import TypedDict

__all__ = ["ModelListParams"]


class ModelListParams(TypedDict, total=False):
    """One cursor (``after_id`` or ``before_id``) and a page size of 1-1000."""

    after_id: str
    before_id: str
    limit: int
