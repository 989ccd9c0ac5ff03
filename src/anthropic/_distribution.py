"""Which distribution provides the ``anthropic`` import, and whether another one does too.

This SDK is published as ``anthropic-batches`` and imported as ``anthropic``, like the
official SDK (distribution ``anthropic``). Both write the same ``anthropic/`` package, so
with both installed, whichever was installed last has replaced the other's files. Nothing
here runs at ``import anthropic``: the CLI and the emulator check at start-up, and
``anthropic.lib.check_installation()`` is the explicit check.
"""

from __future__ import annotations

import importlib.metadata
from typing import List

__all__ = ["OFFICIAL_DISTRIBUTION", "OUR_DISTRIBUTION", "installation_conflicts"]

OUR_DISTRIBUTION = "anthropic-batches"
OFFICIAL_DISTRIBUTION = "anthropic"


def installation_conflicts() -> List[str]:
    """One sentence per other installed distribution that also provides ``anthropic``
    (an empty list when this SDK is the only one)."""
    try:
        version = importlib.metadata.version(OFFICIAL_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return []
    message = (
        f"both '{OUR_DISTRIBUTION}' and the official '{OFFICIAL_DISTRIBUTION}' {version} are "
        "installed in this environment; they provide the same 'anthropic' package, so the "
        "one installed last replaced the other's files. Keep one: pip uninstall -y "
        f"{OFFICIAL_DISTRIBUTION} {OUR_DISTRIBUTION} && pip install {OUR_DISTRIBUTION}"
    )
    return [message]
