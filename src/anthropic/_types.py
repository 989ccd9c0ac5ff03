"""Sentinels and option types shared by every method.

    client.messages.batches.retrieve("msgbatch_...", timeout=NOT_GIVEN)  # use the client's
    client.with_options(default_headers={"x-debug": Omit()})               # drop a header

``NOT_GIVEN`` means "the caller did not pass this; use the default". ``Omit()`` means
"remove this key, even if a default would set it" (headers, query and body keys).
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional, TypeVar, Union

import httpx
from typing_extensions import Literal, TypeAlias, TypedDict, final, override

__all__ = [
    "NOT_GIVEN",
    "AsyncTransport",
    "Body",
    "Headers",
    "NoneType",
    "NotGiven",
    "NotGivenOr",
    "Omit",
    "ProxiesTypes",
    "Query",
    "RequestOptions",
    "Timeout",
    "Transport",
]

_T = TypeVar("_T")


@final
class NotGiven:
    """The type of ``NOT_GIVEN``: an argument the caller left out (distinct from ``None``)."""

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
NotGivenOr: TypeAlias = Union[_T, NotGiven]


class Omit:
    """Put ``Omit()`` as a header, query or body value to remove that key from the request.

    Useful to drop a header the client sends by default, e.g.
    ``extra_headers={"x-stainless-retry-count": Omit()}``.
    """

    def __bool__(self) -> Literal[False]:
        return False

    @override
    def __repr__(self) -> str:
        return "Omit()"

    @override
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Omit)

    @override
    def __hash__(self) -> int:
        return hash(Omit)


Headers: TypeAlias = Mapping[str, Union[str, Omit]]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = object
Timeout: TypeAlias = Union[float, httpx.Timeout, None]
Transport: TypeAlias = httpx.BaseTransport
AsyncTransport: TypeAlias = httpx.AsyncBaseTransport
ProxiesTypes: TypeAlias = Union[
    str, httpx.Proxy, Dict[Union[str, httpx.URL], Union[str, httpx.URL, httpx.Proxy, None]]
]
"""What may be passed as a proxy (for ``DefaultHttpxClient(proxy=...)``)."""
NoneType: type[None] = type(None)


class RequestOptions(TypedDict, total=False):
    """The options of the low-level ``client.get``/``post``/``delete`` (``options=``),
    as the official SDK's: per-call headers, query params, extra JSON body keys, a
    timeout, a retry budget. ``idempotency_key`` and ``follow_redirects`` are accepted
    and ignored (the Batches API has no idempotency key; redirects are followed)."""

    headers: Headers
    max_retries: int
    timeout: Timeout
    params: Query
    extra_json: Mapping[str, object]
    idempotency_key: str
    follow_redirects: bool


class CallOptions(TypedDict, total=False):
    """The per-call options every API method takes as keywords (as in the official SDK)."""

    extra_headers: Optional[Headers]
    """Headers to add to (or, with ``Omit()``, remove from) this request."""
    extra_query: Optional[Query]
    """Query parameters to add to this request."""
    extra_body: Optional[Mapping[str, object]]
    """JSON properties to add to this request's body."""
    timeout: Union[Timeout, NotGiven]
    """This request's timeout, overriding the client's."""
