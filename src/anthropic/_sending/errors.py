"""The one place httpx exceptions become ours, and the rules both senders share.

Which failures are *ambiguous* (the body may have reached the server and been acted on)
decides whether a non-idempotent call (batch create) may be re-sent: a connect error or a
pool timeout happened before anything was sent; a read timeout, a dropped connection or
a protocol error after sending means the server may already have created the batch.

A request the HTTP library refuses to write (``httpx.LocalProtocolError``: h11 rejects
a header or the request line before the first byte goes out) was not sent: it is
neither ambiguous nor worth retrying, and its message (which quotes the refused header
value, possibly a key) is never copied into ours.
"""

from __future__ import annotations

import logging

import httpx

from .._core.redirects import MAX_REDIRECTS
from .._exceptions import (
    APIConnectionError,
    APITimeoutError,
    BatchCreateOutcomeUnknownError,
    BatchCreateTimeoutError,
)

__all__ = [
    "is_ambiguous",
    "is_permanent",
    "log",
    "log_request",
    "log_response",
    "log_retry",
    "timeout_variant",
    "too_many_redirects",
    "translate",
]

log = logging.getLogger("anthropic")

_NOT_SENT = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
)
# Failures that happen again, identically, on every attempt: raised at once.
_PERMANENT = (httpx.LocalProtocolError,)


def is_permanent(exc: BaseException) -> bool:
    """True if re-sending the same request would fail the same way (nothing was sent)."""
    return isinstance(exc, _PERMANENT)


def is_ambiguous(exc: BaseException) -> bool:
    """True if the request may have been processed although no response was read."""
    return not isinstance(exc, _NOT_SENT)


def translate(exc: Exception, request: httpx.Request) -> APIConnectionError:
    """Our exception for an httpx failure of ``request`` (the original is ``__cause__``)."""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request, message=f"Request timed out ({type(exc).__name__}).")
    if isinstance(exc, httpx.LocalProtocolError):
        # h11's text quotes the refused value; never repeat it.
        return APIConnectionError(
            message=(
                "The HTTP library refused to send the request (LocalProtocolError: a header "
                "or the request line is not valid HTTP). Nothing was sent, so it was not "
                "retried; check the values passed in default_headers/extra_headers."
            ),
            request=request,
        )
    detail = str(exc) or type(exc).__name__
    if not isinstance(exc, httpx.HTTPError):  # a custom transport's own exception
        detail = f"{type(exc).__name__}: {detail}"
    return APIConnectionError(message=f"Connection error: {detail}", request=request)


def timeout_variant(err: Exception, exc: Exception) -> Exception:
    """``err`` (what a call's ``on_ambiguous`` made of ``exc``), as its timeout variant when
    ``exc`` is a timeout: a create whose outcome is unknown because it timed out is a
    ``BatchCreateTimeoutError``, which ``except anthropic.APITimeoutError`` also catches."""
    if (
        isinstance(exc, httpx.TimeoutException)
        and isinstance(err, BatchCreateOutcomeUnknownError)
        and not isinstance(err, BatchCreateTimeoutError)
    ):
        return BatchCreateTimeoutError(
            request=err.request, sent_at=err.sent_at, request_count=err.request_count
        )
    return err


def too_many_redirects(request: httpx.Request) -> APIConnectionError:
    return APIConnectionError(
        message=f"Exceeded {MAX_REDIRECTS} redirects; the base_url may be misconfigured.",
        request=request,
    )


def log_retry(request: httpx.Request, retries_taken: int, max_retries: int, delay: float) -> None:
    if log.isEnabledFor(logging.INFO):
        log.info(
            "Retrying %s %s in %.3f seconds (retry %d of %d)",
            request.method,
            request.url.path,
            delay,
            retries_taken + 1,
            max_retries,
        )


def log_response(request: httpx.Request, response: httpx.Response) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug(
            'HTTP Response: %s %s "%d %s" request_id=%s',
            request.method,
            request.url,
            response.status_code,
            response.reason_phrase,
            response.headers.get("request-id"),
        )


def log_request(request: httpx.Request) -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("HTTP Request: %s %s", request.method, request.url)
