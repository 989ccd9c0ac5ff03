"""``BetaUsage``: the token accounting of a beta message, in a beta reply."""

from __future__ import annotations

from ..usage import Usage

__all__ = ["BetaUsage"]


class BetaUsage(Usage):
    """The same fields as ``Usage``, which it is."""
