"""Logging: ``ANTHROPIC_LOG=info|debug`` switches on the ``anthropic`` and ``httpx`` loggers.

As in the official SDK, the library adds no handler of its own to the ``anthropic``
logger: the variable sets the level of the ``anthropic`` and ``httpx`` loggers and calls
``logging.basicConfig`` (which does nothing if the application already configured the
root logger), so each line is printed once, by whatever handlers the application has.

- ``info``: httpx's one line per request (``HTTP Request: GET ... "HTTP/1.1 200 OK"``)
  and ours per retry;
- ``debug``: also our request and response lines (method, URL, status, request id).

Headers and bodies are never logged by us, so neither is a credential.
"""

from __future__ import annotations

import logging
import os

__all__ = ["setup_logging"]

logger = logging.getLogger("anthropic")
httpx_logger = logging.getLogger("httpx")

_FORMAT = "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"


def setup_logging(env_value: str | None = None) -> None:
    """Apply ``ANTHROPIC_LOG`` (or ``env_value``): ``debug`` or ``info``; else nothing."""
    value = (env_value if env_value is not None else os.environ.get("ANTHROPIC_LOG", "")).lower()
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(value)
    if level is None:
        return
    logging.basicConfig(format=_FORMAT, datefmt="%Y-%m-%d %H:%M:%S")
    logger.setLevel(level)
    httpx_logger.setLevel(level)
