"""``BetaMessageBatchSucceededResult``: a beta batch request that produced a message."""

from __future__ import annotations

from typing_extensions import Literal

from ...._models import BaseModel
from ..beta_message import BetaMessage

__all__ = ["BetaMessageBatchSucceededResult"]


class BetaMessageBatchSucceededResult(BaseModel):
    """The request succeeded; ``message`` is the model's reply as a ``BetaMessage``."""

    message: BetaMessage
    type: Literal["succeeded"]
