"""``Anthropic`` and ``AsyncAnthropic``: configuration plus the resource tree.

from anthropic import Anthropic
client = Anthropic()                          # ANTHROPIC_API_KEY from the environment
batch = client.messages.batches.retrieve("msgbatch_...")

async with AsyncAnthropic() as client:
    async for batch in client.messages.batches.list(limit=100):
        ...

Sending lives in ``_api_client`` (``SyncAPIClient`` / ``AsyncAPIClient``), which the
resources are written against; this module only configures and wires the tree.
"""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Awaitable, Callable, Mapping, Optional, Union

import httpx

from ._api_client import AsyncAPIClient, SyncAPIClient
from ._base_client import DefaultAsyncHttpxClient, DefaultHttpxClient
from ._core.config import DEFAULT_MAX_RETRIES
from ._platform_probe import async_library
from ._sending import AsyncSender, SyncSender
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from .resources.messages import AsyncMessages, Messages

__all__ = ["Anthropic", "AsyncAnthropic", "AsyncClient", "Client"]


class Anthropic(SyncAPIClient):
    """The synchronous client. Every argument is keyword-only and optional.

    - ``api_key`` (else ``ANTHROPIC_API_KEY``) is sent as ``x-api-key``; ``auth_token``
      (else ``ANTHROPIC_AUTH_TOKEN``) as ``Authorization: Bearer``. With neither, the
      first request raises ``MissingCredentialsError`` before any network I/O.
    - ``base_url`` (else ``ANTHROPIC_BASE_URL``, else ``https://api.anthropic.com``); a
      path prefix such as ``http://host/proxy/`` is kept.
    - ``timeout``: seconds, an ``httpx.Timeout`` or ``None``; default 600 s, 5 s to connect.
    - ``max_retries`` (default 2) for connection errors, timeouts, 408/409/429/5xx.
    - ``default_headers`` / ``default_query`` on every request (``Omit()`` removes one).
    - ``http_client``: your own ``httpx.Client`` (see ``DefaultHttpxClient``).

    ``_sleep``, ``_clock`` and ``_random`` replace ``time.sleep``, ``time.time`` and
    ``random.random`` for retries and polling (tests and the emulator use them).
    """

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        auth_token: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.Client] = None,
        _sleep: Optional[Callable[[float], None]] = None,
        _clock: Optional[Callable[[], float]] = None,
        _random: Optional[Callable[[], float]] = None,
    ) -> None:
        self._setup(
            api_key=api_key,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            expected=httpx.Client,
            sleep=_sleep,
            clock=_clock,
            rand=_random,
        )
        self._owns_http = True
        self._http = http_client if http_client is not None else DefaultHttpxClient()
        self._sender = SyncSender(
            self._http,
            self._config.origin,
            sleep=_sleep,
            clock=self._clock,
            rand=self._rand,
        )

    @cached_property
    def messages(self) -> Messages:
        # Loaded on first use: ``import anthropic`` does not pay for the resource tree
        # and its models (resources import only the layers below, never this module).
        from .resources.messages import Messages

        return Messages(self)

    # -- copies and lifecycle ---------------------------------------------------------------------

    def copy(
        self,
        *,
        api_key: Union[str, NotGiven, None] = NOT_GIVEN,
        auth_token: Union[str, NotGiven, None] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, NotGiven] = NOT_GIVEN,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.Client] = None,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        set_default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
    ) -> Anthropic:
        """A new client with these overrides, sharing this one's connection pool.

        ``default_headers``/``default_query`` merge into the current ones;
        ``set_default_headers``/``set_default_query`` replace them. ``api_key=None`` or
        ``auth_token=None`` removes that credential. Closing the copy leaves the shared
        pool open: close the original.
        """
        return self._copy(
            http_client or self._http,
            api_key=api_key,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
        )

    with_options = copy

    def close(self) -> None:
        """Close the connection pool (a copy's close leaves the shared pool open)."""
        if self._owns_http:
            self._http.close()

    def is_closed(self) -> bool:
        return self._http.is_closed

    def __enter__(self) -> Anthropic:
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncAnthropic(AsyncAPIClient):
    """The async client (asyncio or trio); same arguments as ``Anthropic``.

    ``http_client`` must be an ``httpx.AsyncClient``; ``_sleep`` is an async function.
    """

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        auth_token: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[httpx.AsyncClient] = None,
        _sleep: Optional[Callable[[float], Awaitable[None]]] = None,
        _clock: Optional[Callable[[], float]] = None,
        _random: Optional[Callable[[], float]] = None,
    ) -> None:
        self._setup(
            api_key=api_key,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            expected=httpx.AsyncClient,
            sleep=_sleep,
            clock=_clock,
            rand=_random,
        )
        self._owns_http = True
        self._http = http_client if http_client is not None else DefaultAsyncHttpxClient()
        self._sender = AsyncSender(
            self._http,
            self._config.origin,
            sleep=_sleep,
            clock=self._clock,
            rand=self._rand,
        )

    def _user_agent(self) -> str:
        return f"AsyncAnthropic/Python {__version__}"

    def _async_header(self) -> str:
        return f"async:{async_library()}"

    @cached_property
    def messages(self) -> AsyncMessages:
        from .resources.messages import AsyncMessages

        return AsyncMessages(self)

    # -- copies and lifecycle ---------------------------------------------------------------------

    def copy(
        self,
        *,
        api_key: Union[str, NotGiven, None] = NOT_GIVEN,
        auth_token: Union[str, NotGiven, None] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, NotGiven] = NOT_GIVEN,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        http_client: Optional[httpx.AsyncClient] = None,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        set_default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
    ) -> AsyncAnthropic:
        """See ``Anthropic.copy``."""
        return self._copy(
            http_client or self._http,
            api_key=api_key,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
        )

    with_options = copy

    async def close(self) -> None:
        """Close the connection pool (a copy's close leaves the shared pool open)."""
        if self._owns_http:
            await self._http.aclose()

    def is_closed(self) -> bool:
        return self._http.is_closed

    async def __aenter__(self) -> AsyncAnthropic:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.close()


Client = Anthropic
AsyncClient = AsyncAnthropic
