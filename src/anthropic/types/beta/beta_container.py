"""``BetaContainer``: the code-execution container a beta message ran in."""

from __future__ import annotations

from ..._models import BaseModel
from .._timestamps import Timestamp

__all__ = ["BetaContainer"]


class BetaContainer(BaseModel):
    """The container ``id`` (pass it to a later request to reuse it) and when it expires."""

    id: str
    expires_at: Timestamp
