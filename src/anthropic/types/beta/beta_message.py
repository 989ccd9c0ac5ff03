"""``BetaMessage``: a model reply returned through the beta endpoints.

It is a ``Message`` (``isinstance(m, anthropic.types.Message)`` holds, and every helper
that takes a ``Message`` takes it) plus the fields only beta replies carry. Content blocks
are the stable block types; a block type this SDK does not know is kept, never dropped.
"""

from __future__ import annotations

from typing import Optional

from ..message import Message
from .beta_container import BetaContainer

__all__ = ["BetaMessage"]


class BetaMessage(Message):
    """A reply from the model, as the beta API returns it."""

    container: Optional[BetaContainer] = None
    """The container the request used (code execution), or ``None``."""
