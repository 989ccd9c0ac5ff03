"""``ModelInfo``: one model, as ``models.list`` and ``models.retrieve`` return it."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel
from ._timestamps import Timestamp

__all__ = ["ModelInfo"]


class ModelInfo(BaseModel):
    """A model id to use in requests, its human-readable name and its release time."""

    id: str
    created_at: Timestamp
    display_name: str
    type: Literal["model"]
