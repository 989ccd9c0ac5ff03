"""An ``error`` event inside a 200 stream, as the typed exception its ``error.type`` names.

    raise stream_error(sse.data, response)   # e.g. OverloadedError for "overloaded_error"

The API can fail after it has started a stream (status 200 already sent); it then sends
``event: error`` with the same body an error status would carry. The exception is the
class that status would have raised, and its ``status_code`` is that status, so
``except anthropic.OverloadedError`` works the same before and during a stream.
"""

from __future__ import annotations

from typing import cast

import httpx

from .._exceptions import APIStatusError, status_error_class
from .decode import decode_body, error_message

__all__ = ["ERROR_TYPE_STATUS", "stream_error"]

ERROR_TYPE_STATUS = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "billing_error": 402,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "api_error": 500,
    "timeout_error": 504,
    "overloaded_error": 529,
}
"""The HTTP status the API uses for each ``error.type`` (unknown types keep 200)."""


def stream_error(data: str, response: httpx.Response) -> APIStatusError:
    """The exception for an ``error`` event whose data is ``data``."""
    # Not JSON, or nested too deep to decode safely: kept as text (``decode_body``).
    body: object = decode_body(data.encode("utf-8", "surrogatepass"))
    kind = _error_type(body)
    status = ERROR_TYPE_STATUS.get(kind, 200) if isinstance(kind, str) else 200
    cls = status_error_class(status) if status >= 400 else APIStatusError
    error = cls(error_message(status, body), response=response, body=body)
    error.status_code = status  # the status the error type stands for (the HTTP one was 200)
    return error


def _error_type(body: object) -> object:
    if isinstance(body, dict):
        err = cast("dict[str, object]", body).get("error")
        if isinstance(err, dict):
            return cast("dict[str, object]", err).get("type")
    return None
