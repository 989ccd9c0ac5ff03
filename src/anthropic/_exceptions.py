# pyright: reportIncompatibleVariableOverride=false
# (status classes narrow status_code to a literal: see the note above BadRequestError)
"""Every error this library raises, and the one table that maps an HTTP status to a class.

    AnthropicError                       root: catch this to catch everything of ours
    ├── APIError                         something went wrong talking to the API
    │   ├── APIStatusError               the API answered with a 4xx/5xx status
    │   │   ├── BadRequestError                400
    │   │   ├── AuthenticationError            401
    │   │   ├── PermissionDeniedError          403
    │   │   ├── NotFoundError                  404
    │   │   ├── ConflictError                  409
    │   │   ├── RequestTooLargeError           413
    │   │   ├── UnprocessableEntityError       422
    │   │   ├── RateLimitError                 429
    │   │   └── InternalServerError            >= 500
    │   │       ├── ServiceUnavailableError    503
    │   │       ├── DeadlineExceededError      504
    │   │       └── OverloadedError            529
    │   ├── APIConnectionError           no usable response (DNS, refused, reset, ...)
    │   │   ├── APITimeoutError          the request timed out
    │   │   └── BatchCreateOutcomeUnknownError   a create was sent but its outcome is unknown
    │   │       └── BatchCreateTimeoutError      ... because it timed out (+APITimeoutError)
    │   └── APIResponseValidationError   the response body is not what the API promises
    │       └── ResultsDecodeError       a results (JSONL) line is not a result
    ├── BatchNotEndedError               results asked for before processing ended
    ├── BatchResultError                 unwrap() on a batch result that did not succeed
    ├── PaginationError                  no next page, or no usable cursor (+RuntimeError)
    └── MissingCredentialsError          no API key or auth token was configured (+TypeError)

Local mistakes (a bad argument) raise ``ValueError``/``TypeError`` before any I/O.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Optional, cast

import httpx
from typing_extensions import Literal, override

from ._core.credentials import redact_request
from ._core.retry import retry_after_seconds

if TYPE_CHECKING:
    from .types.messages.message_batch import MessageBatch

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AnthropicError",
    "AuthenticationError",
    "BadRequestError",
    "BatchCreateOutcomeUnknownError",
    "BatchCreateTimeoutError",
    "BatchNotEndedError",
    "BatchResultError",
    "ConflictError",
    "DeadlineExceededError",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "OverloadedError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTooLargeError",
    "ResultsDecodeError",
    "ServiceUnavailableError",
    "UnprocessableEntityError",
    "status_error_class",
]


class AnthropicError(Exception):
    """Root of every exception raised by this library.

    Every one pickles and unpickles (``pickle.loads(pickle.dumps(err))`` gives an error
    of the same class with the same message and attributes), e.g. to cross a process pool.
    """

    @override
    def __reduce__(self) -> tuple[object, ...]:
        # The default rebuilds with ``cls(*args)``, which our keyword-only constructors
        # refuse; restore the message and attributes without calling ``__init__``.
        return (_restore_error, (type(self), self.args, self.__dict__))


def _restore_error(
    cls: type[AnthropicError], args: tuple[object, ...], state: dict[str, object]
) -> AnthropicError:
    err = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class APIError(AnthropicError):
    """A failure while talking to the API. ``request`` is the request that failed."""

    message: str
    request: httpx.Request
    body: object
    """The decoded JSON error body if there was one, else the raw text, else ``None``."""
    type: Optional[str]
    """The API's error type, e.g. ``"overloaded_error"``, when it said one."""
    request_id: Optional[str]

    def __init__(self, message: str, request: httpx.Request, *, body: object) -> None:
        super().__init__(message)
        self.message = message
        self.request = redact_request(request)
        self.body = body
        self.type = None
        self.request_id = None
        if isinstance(body, dict):
            err = cast("dict[str, object]", body).get("error")
            if isinstance(err, dict):
                kind = cast("dict[str, object]", err).get("type")
                self.type = kind if isinstance(kind, str) else None

    @override
    def __str__(self) -> str:
        return self.message


class APIStatusError(APIError):
    """The API answered with an error status. ``str(err)`` reads like
    ``404 not_found_error: No message batch found with id 'x' (request_id: req_...)``."""

    response: httpx.Response
    status_code: int
    retry_after: Optional[float]
    """Seconds the server asked us to wait (``retry-after-ms`` / ``retry-after``), if any."""

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, response.request, body=body)
        response.request = self.request  # the redacted copy (the call is over)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("request-id") or _body_request_id(body)
        # The client sets this again from its own (injectable) clock; see status_error.
        self.retry_after = retry_after_seconds(response.headers, time.time())

    @override
    def __str__(self) -> str:
        head = f"{self.status_code} {self.type}" if self.type else f"{self.status_code}"
        tail = f" (request_id: {self.request_id})" if self.request_id else ""
        return f"{head}: {self.message}{tail}"


# Each status class states its code on the class, typed as a literal, as the official
# SDK's do (``NotFoundError.status_code == 404``). Narrowing the base's ``int`` in a
# subclass is what pyright's invariance rule forbids for mutable attributes; the value is
# never reassigned to another code, so the narrowing is sound: the file-level pyright
# setting at the top of this module allows exactly that rule here.


class BadRequestError(APIStatusError):
    """400: the request was malformed (``invalid_request_error``)."""

    status_code: Literal[400] = 400


class AuthenticationError(APIStatusError):
    """401: the API key or auth token is missing or wrong."""

    status_code: Literal[401] = 401


class PermissionDeniedError(APIStatusError):
    """403: the credential may not use this resource."""

    status_code: Literal[403] = 403


class NotFoundError(APIStatusError):
    """404: no such batch (or route)."""

    status_code: Literal[404] = 404


class ConflictError(APIStatusError):
    """409: the request conflicts with the resource's state (retried automatically)."""

    status_code: Literal[409] = 409


class RequestTooLargeError(APIStatusError):
    """413: the request body is too large (a batch is limited to 256 MB)."""

    status_code: Literal[413] = 413


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but could not be processed."""

    status_code: Literal[422] = 422


class RateLimitError(APIStatusError):
    """429: too many requests; ``retry_after`` says how long the server wants us to wait."""

    status_code: Literal[429] = 429


class InternalServerError(APIStatusError):
    """A 5xx status: the server failed (retried automatically)."""


class ServiceUnavailableError(InternalServerError):
    """503: the service is temporarily unavailable."""

    status_code: Literal[503] = 503


class DeadlineExceededError(InternalServerError):
    """504: the server timed out (``timeout_error``)."""

    status_code: Literal[504] = 504


class OverloadedError(InternalServerError):
    """529: the API is overloaded (``overloaded_error``)."""

    status_code: Literal[529] = 529


class APIConnectionError(APIError):
    """No response could be read: the connection failed, was refused or was dropped."""

    def __init__(self, *, message: str = "Connection error.", request: httpx.Request) -> None:
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""

    def __init__(self, request: httpx.Request, *, message: str = "Request timed out.") -> None:
        super().__init__(message=message, request=request)


class BatchCreateOutcomeUnknownError(APIConnectionError):
    """A ``create`` was sent but no response arrived, so a batch *may* have been created.

    The API has no idempotency key, so re-sending could create (and bill) a duplicate batch;
    the client therefore does not retry. ``sent_at`` is the UTC time the request went out:
    look for the batch with ``client.messages.batches.list()`` (newest first) among batches
    with ``created_at >= sent_at``, or ``anthropic.lib.find_created_batch``.
    """

    sent_at: float
    """POSIX timestamp (seconds) taken just before the request was sent."""
    request_count: int

    def __init__(self, *, request: httpx.Request, sent_at: float, request_count: int) -> None:
        import datetime as _dt

        when = _dt.datetime.fromtimestamp(sent_at, _dt.timezone.utc).isoformat()
        super().__init__(
            message=(
                f"The batch create request (with {request_count} requests) was sent, but the "
                f"connection failed before a response arrived, so a batch may have been created. "
                f"It was not re-sent, to avoid creating a duplicate. To find out, list batches "
                f"(client.messages.batches.list()) and look for one created at or after {when} "
                f"with {request_count} requests; only create again if there is none."
            ),
            request=request,
        )
        self.sent_at = sent_at
        self.request_count = request_count


class BatchCreateTimeoutError(BatchCreateOutcomeUnknownError, APITimeoutError):
    """A ``create`` timed out after it was sent: a ``BatchCreateOutcomeUnknownError`` (not
    re-sent, the batch may exist) that ``except anthropic.APITimeoutError`` also catches."""


class APIResponseValidationError(APIError):
    """The API answered 2xx with a body that is not what it promises."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, response: httpx.Response, body: object, *, message: Optional[str] = None
    ) -> None:
        super().__init__(
            message or "Data returned by API invalid for expected schema.",  # the official text
            response.request,
            body=body,
        )
        response.request = self.request  # the redacted copy
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("request-id")


class ResultsDecodeError(APIResponseValidationError):
    """A line of a results stream is not a result (not JSON, or not a result object);
    ``line_number`` is 1-based."""

    line_number: int

    def __init__(
        self,
        response: httpx.Response,
        *,
        line_number: int,
        line: bytes,
        reason: str = "not valid JSON",
    ) -> None:
        preview = line[:80].decode("utf-8", "replace")
        super().__init__(
            response,
            None,
            message=f"results line {line_number} is {reason}: {preview!r}",
        )
        self.line_number = line_number


class BatchNotEndedError(AnthropicError):
    """Results were asked for a batch whose processing has not ended yet.

    Wait first (``client.messages.batches.wait(batch_id)``), then fetch results.
    """

    batch: MessageBatch
    processing_status: str

    def __init__(self, batch: MessageBatch) -> None:
        self.batch = batch
        self.processing_status = str(batch.processing_status)
        super().__init__(
            f"Batch {batch.id!r} has no results yet: its processing_status is "
            f"{self.processing_status!r}; results exist once it is 'ended'. Wait for it with "
            f"client.messages.batches.wait({batch.id!r}) first."
        )


class BatchResultError(AnthropicError):
    """``entry.unwrap()`` (or ``anthropic.lib.unwrap``) on a result that is not ``succeeded``.

    ``custom_id`` names the request, ``result_type`` is ``errored``/``canceled``/
    ``expired`` (or a newer kind), ``error_type`` the API error type of an errored result
    (e.g. ``"overloaded_error"``), else ``None``; ``error_message`` its message.
    """

    def __init__(
        self,
        custom_id: str,
        result_type: str,
        error_type: Optional[str] = None,
        error_message: Optional[str] = None,
    ) -> None:
        what = f"{result_type}"
        if error_type:
            what += f" ({error_type}: {error_message})" if error_message else f" ({error_type})"
        super().__init__(f"request {custom_id!r} did not succeed: {what}")
        self.custom_id = custom_id
        self.result_type = result_type
        self.error_type = error_type
        self.error_message = error_message


class PaginationError(AnthropicError, RuntimeError):
    """A page claimed ``has_more`` but its cursor was missing or did not advance, or
    ``get_next_page()`` was called with no next page (a ``RuntimeError``, as there)."""


class MissingCredentialsError(AnthropicError, TypeError):
    """No credential: pass ``api_key=`` or ``auth_token=``, or set ``ANTHROPIC_API_KEY`` or
    ``ANTHROPIC_AUTH_TOKEN``. Raised on the first request, before any network I/O."""

    def __init__(self) -> None:
        super().__init__(
            "Could not resolve authentication: pass api_key=... or auth_token=... to the "
            "client, or set the ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN environment variable."
        )


def _body_request_id(body: object) -> Optional[str]:
    """Error bodies repeat the request id; use it when the header is missing."""
    if isinstance(body, dict):
        value = cast("dict[str, object]", body).get("request_id")
        if isinstance(value, str) and value:
            return value
    return None


_STATUS_TO_CLASS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: RequestTooLargeError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    503: ServiceUnavailableError,
    504: DeadlineExceededError,
    529: OverloadedError,
}


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The exception class for an error status (the single status → class table)."""
    cls = _STATUS_TO_CLASS.get(status_code)
    if cls is not None:
        return cls
    return InternalServerError if status_code >= 500 else APIStatusError
