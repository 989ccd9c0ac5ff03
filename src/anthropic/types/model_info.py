"""``ModelInfo``: one model, as ``models.list`` and ``models.retrieve`` return it."""

from __future__ import annotations

from datetime import datetime

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["ModelInfo"]


class ModelInfo(BaseModel):
    """A model id to use in requests, its human-readable name and its release time."""

    id: str
    created_at: datetime
    display_name: str
    type: Literal["model"]
