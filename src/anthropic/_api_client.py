"""The sending half of the clients: ``SyncAPIClient`` / ``AsyncAPIClient``.

Resources and workflows talk to these, never to ``Anthropic`` itself, so the layers
point one way (``_client`` wires the resource tree on top of them). One call:

    spec = batch_specs.retrieve_spec("msgbatch_...", Options())   # pure, no I/O
    batch = client._execute(spec, model_parser(MessageBatch))      # send, retry, parse

``spec.mode`` says what ``_execute`` returns: the parsed value, or an ``APIResponse``
(``with_raw_response`` reads the body, ``with_streaming_response`` does not).
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional, TypeVar, cast

import httpx
from typing_extensions import Unpack

from ._base_client import BaseClient, DefaultAsyncHttpxClient, DefaultHttpxClient
from ._core.request import RequestSpec
from ._legacy_response import LegacyAPIResponse
from ._low_level import DeleteOptions, GetOptions, PostOptions, low_level_call
from ._response import APIResponse, AsyncAPIResponse, BaseAPIResponse, Parser
from ._sending import AsyncSender, SyncSender

__all__ = ["AsyncAPIClient", "SyncAPIClient"]

_T = TypeVar("_T")


def _reads_body(spec: RequestSpec, lazy: bool) -> bool:
    """Whether the sender reads the body before returning (else the caller streams it)."""
    return spec.mode == "raw" or (spec.mode == "parsed" and not lazy)


def _result(
    response: httpx.Response,
    parser: Parser[_T],
    retries: int,
    spec: RequestSpec,
    strict: bool,
    streamed: Callable[..., BaseAPIResponse[Any]],
) -> _T:
    """What ``_execute`` returns: the parsed value, or (raw/stream mode) the response.

    In raw and stream mode the value is a ``LegacyAPIResponse`` / ``(Async)APIResponse``;
    the ``with_raw_response`` wrappers declare that type for the caller, hence the cast.
    """
    if spec.mode == "parsed":
        return parser.pick(strict)(response, retries)
    if spec.mode == "raw":
        return cast(_T, LegacyAPIResponse(response, parser, retries, strict=strict))
    return cast(_T, streamed(response, parser, retries, strict=strict))


class SyncAPIClient(BaseClient[httpx.Client, Callable[[float], None]]):
    """Sends specs over an ``httpx.Client`` with retries; base of ``Anthropic``."""

    _sender: SyncSender

    def _http_client_class(self) -> type[httpx.Client]:
        return httpx.Client

    def _default_http_client(self) -> httpx.Client:
        return DefaultHttpxClient()

    def _start_sender(self, sleep: Optional[Callable[[float], None]]) -> None:
        origin = self._config.origin
        self._sender = SyncSender(
            self._http, origin, sleep=sleep, clock=self._clock, rand=self._rand
        )

    def _execute(
        self, spec: RequestSpec, parser: Parser[_T], max_retries: Optional[int] = None
    ) -> _T:
        """Send ``spec``; return the parsed value, or (raw/stream mode) the response.
        ``max_retries`` overrides the client's retry budget for this call."""
        request = self._build(spec)
        read = _reads_body(spec, parser.lazy)
        policy = self._policy_for(max_retries)
        response, retries = self._sender.send(request, spec, policy, read=read)
        strict = self._strict_response_validation
        return _result(response, parser, retries, spec, strict, APIResponse)

    def _sleep(self, seconds: float) -> None:
        self._sender.sleep(seconds)

    def get(self, path: str, *, cast_to: type[_T], **kw: Unpack[GetOptions]) -> _T:
        """``GET path`` (relative to ``base_url``) parsed into ``cast_to``, with retries."""
        return self._execute(*low_level_call("GET", path, cast_to, **kw))

    def post(self, path: str, *, cast_to: type[_T], **kw: Unpack[PostOptions]) -> _T:
        """``POST path`` with a JSON ``body``, parsed into ``cast_to``, with retries."""
        return self._execute(*low_level_call("POST", path, cast_to, **kw))

    def delete(self, path: str, *, cast_to: type[_T], **kw: Unpack[DeleteOptions]) -> _T:
        """``DELETE path`` parsed into ``cast_to``, with retries."""
        return self._execute(*low_level_call("DELETE", path, cast_to, **kw))


class AsyncAPIClient(BaseClient[httpx.AsyncClient, Callable[[float], Awaitable[None]]]):
    """The async twin of ``SyncAPIClient`` (asyncio or trio); base of ``AsyncAnthropic``."""

    _sender: AsyncSender

    def _http_client_class(self) -> type[httpx.AsyncClient]:
        return httpx.AsyncClient

    def _default_http_client(self) -> httpx.AsyncClient:
        return DefaultAsyncHttpxClient()

    def _start_sender(self, sleep: Optional[Callable[[float], Awaitable[None]]]) -> None:
        origin = self._config.origin
        self._sender = AsyncSender(
            self._http, origin, sleep=sleep, clock=self._clock, rand=self._rand
        )

    async def _execute(
        self, spec: RequestSpec, parser: Parser[_T], max_retries: Optional[int] = None
    ) -> _T:
        """See ``SyncAPIClient._execute``."""
        request = self._build(spec)
        read = _reads_body(spec, parser.lazy)
        policy = self._policy_for(max_retries)
        response, retries = await self._sender.send(request, spec, policy, read=read)
        strict = self._strict_response_validation
        return _result(response, parser, retries, spec, strict, AsyncAPIResponse)

    async def _sleep(self, seconds: float) -> None:
        await self._sender.sleep(seconds)

    async def get(self, path: str, *, cast_to: type[_T], **kw: Unpack[GetOptions]) -> _T:
        """See ``SyncAPIClient.get``."""
        return await self._execute(*low_level_call("GET", path, cast_to, **kw))

    async def post(self, path: str, *, cast_to: type[_T], **kw: Unpack[PostOptions]) -> _T:
        """See ``SyncAPIClient.post``."""
        return await self._execute(*low_level_call("POST", path, cast_to, **kw))

    async def delete(self, path: str, *, cast_to: type[_T], **kw: Unpack[DeleteOptions]) -> _T:
        """See ``SyncAPIClient.delete``."""
        return await self._execute(*low_level_call("DELETE", path, cast_to, **kw))
