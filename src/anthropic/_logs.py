"""Logging: the ``anthropic`` logger, switched on by ``ANTHROPIC_LOG=info|debug``.

Debug lines show each request and response (method, URL, status, request id); info
lines show retries. Headers and bodies are never logged, so neither is a credential.
"""

from __future__ import annotations

import logging
import os

__all__ = ["setup_logging"]

logger = logging.getLogger("anthropic")

# Where ``ANTHROPIC_LOG`` put its stderr handler, so it is added once however often it runs.
_added: list[logging.Handler] = []


def setup_logging(env_value: str | None = None) -> None:
    """Apply ``ANTHROPIC_LOG`` (or ``env_value``): add a stderr handler at that level."""
    value = (env_value if env_value is not None else os.environ.get("ANTHROPIC_LOG", "")).lower()
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(value)
    if level is None:
        return
    if not any(h in _added for h in logger.handlers):
        handler = logging.StreamHandler()
        _added.append(handler)
        handler.setFormatter(
            logging.Formatter("[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s")
        )
        logger.addHandler(handler)
    logger.setLevel(level)
