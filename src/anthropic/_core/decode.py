"""Map an error response to its exception, and response bytes to models. Pure functions.

raise status_error(response, now=clock())  # body already read
batch = parse_body(MessageBatch, response) # model with ``_request_id`` set
"""

from __future__ import annotations

import json
from typing import Any, TypeVar, cast

import httpx

from .._exceptions import APIResponseValidationError, APIStatusError, status_error_class
from .retry import retry_after_seconds

__all__ = ["error_message", "parse_body", "status_error"]

_T = TypeVar("_T")


def decode_body(content: bytes) -> object:
    """The error body as JSON if it is JSON (at most ~200 levels deep), else as text, else
    ``None``."""
    if not content:
        return None
    # pydantic-core's parser (loaded on the first error, not at import): it refuses JSON
    # nested deeper than ~200 levels with a ValueError, where json.loads would decode up
    # to the interpreter's recursion limit and hand back a value that repr() and pickle
    # then choke on. Too deep, or not JSON: the body is kept as text.
    from pydantic_core import from_json

    try:
        return from_json(content)
    except (ValueError, RecursionError):
        return content.decode("utf-8", "replace")


def error_message(status_code: int, body: object) -> str:
    """The API's own words (``error.message``), else the raw text, else a generic line."""
    if isinstance(body, dict):
        err = cast("dict[str, Any]", body).get("error")
        if isinstance(err, dict):
            message = cast("dict[str, Any]", err).get("message")
            if isinstance(message, str) and message:
                return message
        try:
            return json.dumps(body)
        except (ValueError, RecursionError):  # pragma: no cover - json.loads accepted it
            return f"Error code: {status_code}"
    if isinstance(body, str) and body.strip():
        return body.strip()[:2000]
    return f"Error code: {status_code}"


def status_error(response: httpx.Response, now: float) -> APIStatusError:
    """The typed exception for an error response whose body has been read; ``now`` (the
    client's clock) dates an HTTP-date ``retry-after``."""
    content = response.content
    body = decode_body(content) if content else ""  # empty: "" as in the official SDK
    cls = status_error_class(response.status_code)
    error = cls(error_message(response.status_code, body), response=response, body=body)
    error.retry_after = retry_after_seconds(response.headers, now)
    return error


def _type_name(tp: object) -> str:
    return getattr(tp, "__name__", None) or str(tp)


def parse_body(cast_to: type[_T], response: httpx.Response, *, strict: bool = False) -> _T:
    """Parse a read 2xx body into ``cast_to`` and attach the response's request id.

    ``strict`` is the client's ``_strict_response_validation``: ``False`` (the default)
    builds a body that does not fit ``cast_to`` leniently, ``True`` raises
    ``APIResponseValidationError`` naming the field (the rule: ``anthropic._models``).
    Whatever the bytes are (not JSON, nested thousands deep, ``null`` for a model), the
    only exception is ``APIResponseValidationError``.
    """
    # pydantic loads on the first parse, not at ``import anthropic``.
    from .._models import UnusableBody, parse_json, set_request_id

    content = response.content
    try:
        parsed = parse_json(cast_to, content, strict=strict)
    except UnusableBody as exc:
        raise APIResponseValidationError(
            response,
            decode_body(content),
            message=f"The API returned a body that is not a {_type_name(cast_to)}: {exc}",
        ) from None
    set_request_id(parsed, response.headers.get("request-id"))
    return parsed
