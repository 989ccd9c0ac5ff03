"""The sending half of the clients: ``SyncAPIClient`` / ``AsyncAPIClient``.

Resources and workflows talk to these, never to ``Anthropic`` itself, so the layers
point one way (``_client`` wires the resource tree on top of them). One call:

    spec = batch_specs.retrieve_spec("msgbatch_...", Options())   # pure, no I/O
    batch = client._execute(spec, model_parser(MessageBatch))      # send, retry, parse

``spec.mode`` says what ``_execute`` returns: the parsed value, or an ``APIResponse``
(``with_raw_response`` reads the body, ``with_streaming_response`` does not).
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Mapping, Optional, TypeVar, Union, cast

import httpx

from ._base_client import (
    BaseClient,
    DefaultAsyncHttpxClient,
    DefaultHttpxClient,
    model_parser,
)
from ._core.request import RequestSpec
from ._exceptions import BatchCreateOutcomeUnknownError, BatchCreateTimeoutError
from ._legacy_response import LegacyAPIResponse
from ._response import APIResponse, AsyncAPIResponse, BaseAPIResponse, Parser
from ._sending import AsyncSender, SyncSender
from ._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout

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


def _timeout_variant(err: BatchCreateOutcomeUnknownError) -> BatchCreateOutcomeUnknownError:
    """A create whose outcome is unknown because it timed out is also an
    ``APITimeoutError`` (``except anthropic.APITimeoutError`` keeps catching it)."""
    if isinstance(err.__cause__, httpx.TimeoutException) and not isinstance(
        err, BatchCreateTimeoutError
    ):
        return BatchCreateTimeoutError(
            request=err.request, sent_at=err.sent_at, request_count=err.request_count
        )
    return err


def _retries(options: Optional[RequestOptions]) -> Optional[int]:
    return None if options is None else options.get("max_retries")


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
        self, spec: RequestSpec, parser: Parser[_T], *, max_retries: Optional[int] = None
    ) -> _T:
        """Send ``spec``; return the parsed value, or (raw/stream mode) the response."""
        request = self._build(spec)
        read = _reads_body(spec, parser.lazy)
        policy = self._policy_for(max_retries)
        try:
            response, retries = self._sender.send(request, spec, policy, read=read)
        except BatchCreateOutcomeUnknownError as err:
            variant = _timeout_variant(err)
            if variant is err:
                raise
            raise variant from err.__cause__
        strict = self._strict_response_validation
        return _result(response, parser, retries, spec, strict, APIResponse)

    def _sleep(self, seconds: float) -> None:
        self._sender.sleep(seconds)

    def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        options: Optional[RequestOptions] = None,
    ) -> _T:
        """``GET path`` (relative to ``base_url``) parsed into ``cast_to``, with retries."""
        spec = self._spec(
            "GET",
            path,
            query=query,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            options=options,
        )
        return self._execute(spec, model_parser(cast_to), max_retries=_retries(options))

    def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Mapping[str, object]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        options: Optional[RequestOptions] = None,
    ) -> _T:
        """``POST path`` with a JSON ``body``, parsed into ``cast_to``, with retries."""
        spec = self._spec(
            "POST",
            path,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            options=options,
        )
        return self._execute(spec, model_parser(cast_to), max_retries=_retries(options))

    def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        options: Optional[RequestOptions] = None,
    ) -> _T:
        """``DELETE path`` parsed into ``cast_to``, with retries."""
        spec = self._spec(
            "DELETE",
            path,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            options=options,
        )
        return self._execute(spec, model_parser(cast_to), max_retries=_retries(options))


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
        self, spec: RequestSpec, parser: Parser[_T], *, max_retries: Optional[int] = None
    ) -> _T:
        """See ``SyncAPIClient._execute``."""
        request = self._build(spec)
        read = _reads_body(spec, parser.lazy)
        policy = self._policy_for(max_retries)
        try:
            response, retries = await self._sender.send(request, spec, policy, read=read)
        except BatchCreateOutcomeUnknownError as err:
            variant = _timeout_variant(err)
            if variant is err:
                raise
            raise variant from err.__cause__
        strict = self._strict_response_validation
        return _result(response, parser, retries, spec, strict, AsyncAPIResponse)

    async def _sleep(self, seconds: float) -> None:
        await self._sender.sleep(seconds)

    async def get(
        self,
        path: str,
        *,
        cast_to: type[_T],
        query: Optional[Query] = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        options: Optional[RequestOptions] = None,
    ) -> _T:
        """See ``SyncAPIClient.get``."""
        spec = self._spec(
            "GET",
            path,
            query=query,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            options=options,
        )
        return await self._execute(spec, model_parser(cast_to), max_retries=_retries(options))

    async def post(
        self,
        path: str,
        *,
        cast_to: type[_T],
        body: object = None,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Mapping[str, object]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        options: Optional[RequestOptions] = None,
    ) -> _T:
        """See ``SyncAPIClient.post``."""
        spec = self._spec(
            "POST",
            path,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
            options=options,
        )
        return await self._execute(spec, model_parser(cast_to), max_retries=_retries(options))

    async def delete(
        self,
        path: str,
        *,
        cast_to: type[_T],
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        options: Optional[RequestOptions] = None,
    ) -> _T:
        """See ``SyncAPIClient.delete``."""
        spec = self._spec(
            "DELETE",
            path,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            options=options,
        )
        return await self._execute(spec, model_parser(cast_to), max_retries=_retries(options))
