"""``DefaultAioHttpClient``: an ``httpx.AsyncClient`` that sends through aiohttp.

    from anthropic import AsyncAnthropic, DefaultAioHttpClient

    async with AsyncAnthropic(http_client=DefaultAioHttpClient()) as client:
        batch = await client.messages.batches.retrieve("msgbatch_...")

The transport is ``httpx-aiohttp``'s (``pip install "anthropic[aiohttp]"``); everything
above it (retries, redirects, timeouts, parsing) is the same code as with the default
httpx transport. ``anthropic`` loads this module only when the name is first used, so
``import anthropic`` never needs aiohttp; without the extra, constructing the client
raises ``RuntimeError`` saying what to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from ._base_client import resolve_config_defaults
from ._core.config import DEFAULT_LIMITS

__all__ = ["DefaultAioHttpClient"]

INSTALL_HINT = 'DefaultAioHttpClient needs aiohttp: pip install "anthropic[aiohttp]"'


class _MissingAiohttp(httpx.AsyncClient):
    def __init__(self, **kwargs: Any) -> None:
        raise RuntimeError(INSTALL_HINT)


def _transport_client() -> type[httpx.AsyncClient]:
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ImportError:
        return _MissingAiohttp
    return HttpxAiohttpClient


if TYPE_CHECKING:
    _Base = httpx.AsyncClient
else:
    _Base = _transport_client()


class DefaultAioHttpClient(_Base):
    """An ``httpx.AsyncClient`` over aiohttp, with the SDK's defaults (600 s timeout,
    connection limits, redirects left to the SDK). Takes ``httpx.AsyncClient``'s
    arguments; pass it as ``AsyncAnthropic(http_client=...)``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("timeout", resolve_config_defaults().timeout)
        kwargs.setdefault("limits", DEFAULT_LIMITS)
        kwargs.setdefault("follow_redirects", False)
        super().__init__(**kwargs)
