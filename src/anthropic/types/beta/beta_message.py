"""``BetaMessage``: a model reply returned through the beta endpoints.

The fields of ``Message`` plus ``container``, in the official order; its blocks are the
``Beta*`` block classes (each also its stable class, e.g. ``BetaTextBlock`` is a
``TextBlock``) and its usage a ``BetaUsage`` (a ``Usage``). A block type this SDK does not
know is kept as ``UnknownContentBlock``, never dropped.
"""

from __future__ import annotations

from typing import List, Optional

from typing_extensions import Literal

from ..._models import BaseModel
from ..message import AssistantRole
from ..model import Model
from ..stop_reason import OpenStopReason
from .beta_container import BetaContainer
from .beta_content_block import BetaContentBlock
from .beta_usage import BetaUsage

__all__ = ["BetaMessage"]


class BetaMessage(BaseModel):
    """A reply from the model, as the beta API returns it."""

    id: str
    container: Optional[BetaContainer] = None
    """The container the request used (code execution), or ``None``."""
    content: List[BetaContentBlock]
    model: Model
    role: AssistantRole
    stop_reason: Optional[OpenStopReason] = None
    """Why the model stopped; values newer than this SDK are kept as plain strings."""
    stop_sequence: Optional[str] = None
    """The custom stop sequence that was generated, if that is why the model stopped."""
    type: Literal["message"]
    usage: BetaUsage
