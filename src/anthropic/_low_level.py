"""The low-level ``client.get`` / ``post`` / ``delete``: their keywords, written once.

    client.get("/v1/models", cast_to=httpx.Response, query={"limit": 5})
    client.post("/v1/messages/count_tokens", cast_to=dict, body={...}, timeout=10)

Each keyword set is a ``TypedDict`` the methods take as ``**kw: Unpack[...]``, so type
checkers see the same keyword-only parameters as if they were spelled out, and both
clients (sync and async) share them. ``low_level_call`` turns one call into what
``_execute`` sends: the request spec, the parser for ``cast_to`` and the retry budget.
"""

from __future__ import annotations

from typing import Mapping, Optional, TypeVar, Union

from typing_extensions import TypedDict, Unpack

from ._base_client import model_parser
from ._core.request import RequestSpec
from ._response import Parser
from ._types import NOT_GIVEN, Headers, NotGiven, Query, RequestOptions, Timeout

__all__ = ["DeleteOptions", "GetOptions", "PostOptions", "low_level_call"]

_T = TypeVar("_T")
_V = TypeVar("_V")


class DeleteOptions(TypedDict, total=False):
    """The keywords every low-level call takes (``delete`` takes only these).

    ``options`` are the official SDK's request options (``headers``, ``params``,
    ``extra_json``, ``timeout``, ``max_retries``), merged under the explicit keywords."""

    extra_headers: Optional[Headers]
    extra_query: Optional[Query]
    timeout: Union[Timeout, NotGiven]
    options: Optional[RequestOptions]


class GetOptions(DeleteOptions, total=False):
    """``get``'s keywords: the common ones and the ``query`` parameters."""

    query: Optional[Query]


class PostOptions(DeleteOptions, total=False):
    """``post``'s keywords: the common ones, the JSON ``body`` and ``extra_body`` keys."""

    body: object
    extra_body: Optional[Mapping[str, object]]


class _AnyOptions(GetOptions, PostOptions, total=False):
    pass


# What each method accepts at run time too: an untyped caller's ``get(..., body=...)``
# is refused as a misspelt keyword would be, not sent.
_ACCEPTS: dict[str, frozenset[str]] = {
    "GET": GetOptions.__optional_keys__,
    "POST": PostOptions.__optional_keys__,
    "DELETE": DeleteOptions.__optional_keys__,
}


def low_level_call(
    method: str, path: str, cast_to: type[_T], **kw: Unpack[_AnyOptions]
) -> tuple[RequestSpec, Parser[_T], Optional[int]]:
    """The spec, the parser for ``cast_to`` and the ``max_retries`` override (``None``:
    the client's) of one low-level call: what ``_execute`` takes."""
    for key in kw:
        if key not in _ACCEPTS[method]:
            raise TypeError(f"{method.lower()}() got an unexpected keyword argument {key!r}")
    if not path.startswith("/"):
        path = "/" + path
    opts: RequestOptions = kw.get("options") or {}
    timeout = kw.get("timeout", NOT_GIVEN)
    if "timeout" in opts and isinstance(timeout, NotGiven):
        timeout = opts["timeout"]
    spec = RequestSpec(
        method,
        path,
        json=kw.get("body"),
        query=kw.get("query"),
        extra_headers=_merged(opts.get("headers"), kw.get("extra_headers")),
        extra_query=_merged(opts.get("params"), kw.get("extra_query")),
        extra_body=_merged(opts.get("extra_json"), kw.get("extra_body")),
        timeout=timeout,
    )
    return spec, model_parser(cast_to), opts.get("max_retries")


def _merged(
    first: Optional[Mapping[str, _V]], second: Optional[Mapping[str, _V]]
) -> Optional[Mapping[str, _V]]:
    if not first:
        return second
    if not second:
        return first
    return {**first, **second}
