"""What every response wrapper shares: the parser a method hands the client, the body
conversions of ``parse(to=...)``, and the properties that show the HTTP exchange.

``APIResponse`` / ``AsyncAPIResponse`` (``with_streaming_response``, ``_response.py``)
and ``LegacyAPIResponse`` (``with_raw_response``, ``_legacy_response.py``) build on
``BaseAPIResponse``.
"""

from __future__ import annotations

import datetime
import json
from typing import Callable, Generic, Optional, TypeVar, cast

import httpx
import typing_extensions

__all__ = ["BaseAPIResponse", "Parser", "convert_body"]

_R = TypeVar("_R")


class Parser(Generic[_R]):
    """Turns a 2xx response into the method's return value.

    ``lazy`` parsers (results streams) consume the body themselves; others need it read.
    ``strict_fn``, when given, is the parser a client built with
    ``_strict_response_validation=True`` uses instead of ``fn``.
    """

    __slots__ = ("fn", "lazy", "strict_fn")

    def __init__(
        self,
        fn: Callable[[httpx.Response, int], _R],
        *,
        lazy: bool = False,
        strict_fn: Optional[Callable[[httpx.Response, int], _R]] = None,
    ) -> None:
        self.fn = fn
        self.lazy = lazy
        self.strict_fn = strict_fn

    def pick(self, strict: bool) -> Callable[[httpx.Response, int], _R]:
        """The parse function for a client with this ``strict`` setting."""
        return self.strict_fn if strict and self.strict_fn is not None else self.fn


def convert_body(response: httpx.Response, to: object, *, strict: bool = False) -> object:
    """A read body as ``to``: ``str``, ``bytes``, ``int``, ``float``, ``bool``, ``None``,
    ``httpx.Response``, decoded JSON (``dict``, ``list``, ``object``, ``Dict[str, Any]``,
    ...), or any model / typed value (validated as the client validates responses)."""
    if to is httpx.Response:
        return response
    if to is str:
        return response.text
    if to is bytes:
        return response.content
    if to is type(None) or to is None:
        return None
    if to is bool:
        return response.text.strip().lower() == "true"
    if to is int or to is float:
        return cast("type[float]", to)(response.text)
    origin = typing_extensions.get_origin(to) or to
    if origin in (dict, list, object, typing_extensions.Any):
        try:
            return json.loads(response.content)  # not JSON: JSONDecodeError, as the official SDK
        except RecursionError:  # nested thousands deep: our typed error, never RecursionError
            from ._exceptions import APIResponseValidationError

            raise APIResponseValidationError(
                response, None, message="The API returned JSON nested too deeply to decode."
            ) from None
    # pydantic loads on the first typed parse, not at ``import anthropic``.
    from ._core.decode import parse_body

    if strict:
        return parse_body(cast("type[object]", to), response, strict=True)
    return parse_body(cast("type[object]", to), response)


class BaseAPIResponse(Generic[_R]):
    """What every response wrapper shows of the HTTP exchange (as the official SDK)."""

    http_response: httpx.Response
    retries_taken: int
    """How many retries it took to get this response (0 if the first attempt worked)."""

    def __init__(
        self,
        http_response: httpx.Response,
        parser: Parser[_R],
        retries: int,
        *,
        strict: bool = False,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries
        self._lazy = parser.lazy
        self._fn = parser.pick(strict)
        self._strict = strict
        self._parsed: dict[object, object] = {}

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def request_id(self) -> Optional[str]:
        value: Optional[str] = self.http_response.headers.get("request-id")
        return value

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def http_version(self) -> str:
        """``"HTTP/1.1"``, ``"HTTP/2"``, ... as the transport reported it."""
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to finishing the response (once it is read or
        closed; httpx raises ``RuntimeError`` before that)."""
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        """Whether the body has been read or the response closed (connection released)."""
        return self.http_response.is_closed

    def _parse_read(self, to: object) -> object:
        # Computed once per target type, as the official SDK caches its parses.
        if to not in self._parsed:
            if to is None:
                value: object = self._fn(self.http_response, self.retries_taken)
            else:
                value = convert_body(self.http_response, to, strict=self._strict)
            self._parsed[to] = value
        return self._parsed[to]

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] "
            f"{self.method} {self.url.path}>"
        )
