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
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

from ._api_client import AsyncAPIClient, SyncAPIClient
from ._closing import AsyncClosing, Closing
from ._platform_probe import async_library
from ._version import __version__

if TYPE_CHECKING:
    from .resources.beta import (
        AsyncBeta,
        AsyncBetaWithRawResponse,
        AsyncBetaWithStreamingResponse,
        Beta,
        BetaWithRawResponse,
        BetaWithStreamingResponse,
    )
    from .resources.messages import AsyncMessages, Messages
    from .resources.messages.messages import (
        AsyncMessagesWithRawResponse,
        AsyncMessagesWithStreamingResponse,
        MessagesWithRawResponse,
        MessagesWithStreamingResponse,
    )
    from .resources.models import (
        AsyncModels,
        AsyncModelsWithRawResponse,
        AsyncModelsWithStreamingResponse,
        Models,
        ModelsWithRawResponse,
        ModelsWithStreamingResponse,
    )

__all__ = ["Anthropic", "AsyncAnthropic", "AsyncClient", "Client", "ResponseViews"]

_MessagesView = TypeVar("_MessagesView")
_ModelsView = TypeVar("_ModelsView")
_BetaView = TypeVar("_BetaView")
_ViewKind = Literal["with_raw_response", "with_streaming_response"]


class ResponseViews(Generic[_MessagesView, _ModelsView, _BetaView]):
    """``client.with_raw_response`` / ``client.with_streaming_response``, as in the
    official SDK: each resource's view of that name (``client.with_raw_response.messages``
    is ``client.messages.with_raw_response``, ``.beta`` is ``client.beta.with_raw_response``)."""

    __slots__ = ("_client", "_kind")

    def __init__(self, client: object, kind: _ViewKind) -> None:
        self._client = client
        self._kind = kind

    def _view(self, resource: str) -> Any:
        return getattr(getattr(self._client, resource), self._kind)

    # The casts name what the client's own annotation of ``with_raw_response`` (or
    # ``with_streaming_response``) says each resource's view is; tests/typing and
    # tests/client/test_raw_responses.py pin that they are those very objects.

    @property
    def messages(self) -> _MessagesView:
        return cast("_MessagesView", self._view("messages"))

    @property
    def models(self) -> _ModelsView:
        return cast("_ModelsView", self._view("models"))

    @property
    def beta(self) -> _BetaView:
        return cast("_BetaView", self._view("beta"))


class Anthropic(SyncAPIClient, Closing):
    """The synchronous client. Every argument is keyword-only and optional.

    - ``api_key`` (else ``ANTHROPIC_API_KEY``) is sent as ``x-api-key``; ``auth_token``
      (else ``ANTHROPIC_AUTH_TOKEN``) as ``Authorization: Bearer``. With neither, the
      first request raises ``MissingCredentialsError`` before any network I/O (an empty
      string counts as none).
    - ``base_url`` (else ``ANTHROPIC_BASE_URL``, else ``https://api.anthropic.com``); a
      path prefix such as ``http://host/proxy/`` is kept.
    - ``timeout``: seconds, an ``httpx.Timeout`` or ``None``; default 600 s, 5 s to connect.
    - ``max_retries`` (default 2) for connection errors, timeouts, 408/409/429/5xx.
    - ``default_headers`` / ``default_query`` on every request (``Omit()`` removes one).
    - ``http_client``: your own ``httpx.Client`` (see ``DefaultHttpxClient``); requests are
      built as its ``build_request`` would (its headers, params, cookies; httpx's
      ``Accept-Encoding``), and its timeout is used when ``timeout`` is not given and it
      is not httpx's own 5 s default.
    - ``_strict_response_validation`` (default ``False``): ``True`` raises
      ``APIResponseValidationError`` on a response that does not fit its model instead
      of building it leniently.

    ``_sleep``, ``_clock`` and ``_random`` replace ``time.sleep``, ``time.time`` and
    ``random.random`` for retries and polling (tests and the emulator use them).
    """

    @cached_property
    def messages(self) -> Messages:
        # Loaded on first use: ``import anthropic`` does not pay for the resource tree
        # and its models (resources import only the layers below, never this module).
        from .resources.messages import Messages

        return Messages(self)

    @cached_property
    def models(self) -> Models:
        """The Models API: ``list()`` every model, ``retrieve(id)`` one."""
        from .resources.models import Models

        return Models(self)

    @cached_property
    def beta(self) -> Beta:
        """The beta endpoints: ``client.beta.messages.batches`` (with ``betas=[...]``)."""
        from .resources.beta import Beta

        return Beta(self)

    @cached_property
    def with_raw_response(
        self,
    ) -> ResponseViews[MessagesWithRawResponse, ModelsWithRawResponse, BetaWithRawResponse]:
        """The resources returning raw responses (headers, status, ``parse()``)."""
        return ResponseViews(self, "with_raw_response")

    @cached_property
    def with_streaming_response(
        self,
    ) -> ResponseViews[
        MessagesWithStreamingResponse, ModelsWithStreamingResponse, BetaWithStreamingResponse
    ]:
        """The resources returning streaming responses (context managers, body unread)."""
        return ResponseViews(self, "with_streaming_response")

    # -- lifecycle (``copy``/``with_options``: ``BaseClient``; ``with``: ``Closing``) ----------

    def close(self) -> None:
        """Close the connection pool (a copy's close leaves the shared pool open)."""
        if self._owns_http:
            self._http.close()

    def is_closed(self) -> bool:
        return self._http.is_closed


class AsyncAnthropic(AsyncAPIClient, AsyncClosing):
    """The async client (asyncio or trio); same arguments as ``Anthropic``.

    ``http_client`` must be an ``httpx.AsyncClient``; ``_sleep`` is an async function.
    """

    def _user_agent(self) -> str:
        return f"AsyncAnthropic/Python {__version__}"

    def _async_header(self) -> str:
        return f"async:{async_library()}"

    @cached_property
    def messages(self) -> AsyncMessages:
        from .resources.messages import AsyncMessages

        return AsyncMessages(self)

    @cached_property
    def models(self) -> AsyncModels:
        from .resources.models import AsyncModels

        return AsyncModels(self)

    @cached_property
    def beta(self) -> AsyncBeta:
        from .resources.beta import AsyncBeta

        return AsyncBeta(self)

    @cached_property
    def with_raw_response(
        self,
    ) -> ResponseViews[
        AsyncMessagesWithRawResponse, AsyncModelsWithRawResponse, AsyncBetaWithRawResponse
    ]:
        """See ``Anthropic.with_raw_response``."""
        return ResponseViews(self, "with_raw_response")

    @cached_property
    def with_streaming_response(
        self,
    ) -> ResponseViews[
        AsyncMessagesWithStreamingResponse,
        AsyncModelsWithStreamingResponse,
        AsyncBetaWithStreamingResponse,
    ]:
        """See ``Anthropic.with_streaming_response``."""
        return ResponseViews(self, "with_streaming_response")

    # -- lifecycle (``copy``/``with_options``: ``BaseClient``; ``with``: ``Closing``) ----------

    async def close(self) -> None:
        """Close the connection pool (a copy's close leaves the shared pool open)."""
        if self._owns_http:
            await self._http.aclose()

    def is_closed(self) -> bool:
        return self._http.is_closed


Client = Anthropic
AsyncClient = AsyncAnthropic
