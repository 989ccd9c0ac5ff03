"""Pure builders of the Message Batches requests (``Batches``, ``AsyncBatches``, ``lib``).

Each returns a ``RequestSpec`` (or raises a clear local error before any I/O); the
resource classes only hand it to their client.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional, Union

import httpx

from .._exceptions import BatchCreateOutcomeUnknownError, BatchNotEndedError
from .._types import NOT_GIVEN, CallOptions, Headers, NotGiven, Query, Timeout
from ..types.messages.message_batch import MessageBatch
from .batch_requests import encode_create_body
from .paths import BATCHES_PATH, batch_path
from .request import AmbiguousHandler, RequestSpec, ResponseMode

__all__ = [
    "Options",
    "cancel_spec",
    "create_spec",
    "create_spec_from_body",
    "delete_spec",
    "list_spec",
    "results_spec",
    "retrieve_spec",
]


_OPTION_NAMES = frozenset(CallOptions.__annotations__)


class Options:
    """The per-call options every method takes (headers, query, body, timeout), and the
    response mode of the resource the call was made on."""

    __slots__ = ("extra_body", "extra_headers", "extra_query", "mode", "timeout")

    def __init__(
        self,
        extra_headers: Optional[Headers] = None,
        extra_query: Optional[Query] = None,
        extra_body: Optional[Mapping[str, object]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        mode: ResponseMode = "parsed",
    ) -> None:
        self.extra_headers = extra_headers
        self.extra_query = extra_query
        self.extra_body = extra_body
        self.timeout = timeout
        self.mode: ResponseMode = mode

    @classmethod
    def of(cls, options: CallOptions, mode: ResponseMode = "parsed") -> Options:
        """The options a public method received as keywords, with its resource's mode; a
        keyword that is none of them is a ``TypeError`` (as Python raises for the official
        SDK's methods), never silently dropped."""
        unknown = [name for name in options if name not in _OPTION_NAMES]
        if unknown:
            raise TypeError(
                f"got an unexpected keyword argument {unknown[0]!r}; besides its own "
                "parameters a call takes only extra_headers, extra_query, extra_body and "
                "timeout"
            )
        return cls(
            options.get("extra_headers"),
            options.get("extra_query"),
            options.get("extra_body"),
            options.get("timeout", NOT_GIVEN),
            mode,
        )

    def parsed(self) -> Options:
        """The same options for an inner step of a multi-step call (always parsed)."""
        if self.mode == "parsed":
            return self
        return Options(self.extra_headers, self.extra_query, self.extra_body, self.timeout)

    def spec(self, method: str, path: str, **kw: Any) -> RequestSpec:
        return RequestSpec(
            method,
            path,
            extra_headers=self.extra_headers,
            extra_query=self.extra_query,
            extra_body=self.extra_body,
            timeout=self.timeout,
            mode=self.mode,
            **kw,
        )

    def post(
        self,
        path: str,
        content: bytes,
        *,
        accept: Optional[str] = None,
        on_ambiguous: Optional[AmbiguousHandler] = None,
    ) -> RequestSpec:
        """A POST of an already encoded body (the caller merged ``extra_body`` into it)."""
        return RequestSpec(
            "POST",
            path,
            content=content,
            extra_headers=self.extra_headers,
            extra_query=self.extra_query,
            timeout=self.timeout,
            accept=accept,
            on_ambiguous=on_ambiguous,
            mode=self.mode,
        )


def create_spec(requests: Iterable[object], opts: Options) -> RequestSpec:
    """Validate + encode once; a create is never re-sent after an ambiguous failure."""
    content, count = encode_create_body(requests, opts.extra_body)
    return create_spec_from_body(content, count, opts)


def create_spec_from_body(content: bytes, count: int, opts: Options) -> RequestSpec:
    """A create of an already validated and encoded body (``extra_body`` already merged)."""

    def outcome_unknown(request: httpx.Request, sent_at: float) -> Exception:
        return BatchCreateOutcomeUnknownError(request=request, sent_at=sent_at, request_count=count)

    return opts.post(BATCHES_PATH, content, on_ambiguous=outcome_unknown)


def retrieve_spec(message_batch_id: str, opts: Options) -> RequestSpec:
    return opts.spec("GET", batch_path(message_batch_id))


def cancel_spec(message_batch_id: str, opts: Options) -> RequestSpec:
    return opts.spec("POST", batch_path(message_batch_id, "/cancel"))


def delete_spec(message_batch_id: str, opts: Options) -> RequestSpec:
    return opts.spec("DELETE", batch_path(message_batch_id))


def list_params(
    after_id: object,
    before_id: object,
    limit: object,
    *,
    of: str = "batch",
    none_unset: bool = True,
) -> dict[str, object]:
    """The query of the first page of a list (batches; ``of="model"`` for models), checked
    locally: ``limit`` 1-1000, one cursor at most. ``None`` counts as not given only with
    ``none_unset`` (the batches' lists accept it, ``models.list`` does not)."""

    def unset(value: object) -> bool:
        return isinstance(value, NotGiven) or (none_unset and value is None)

    params: dict[str, object] = {}  # in the official SDK's order: after_id, before_id, limit
    for name, value in (("after_id", after_id), ("before_id", before_id)):
        if unset(value):
            continue
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty {of} id string, got {value!r}")
        params[name] = value
    if "after_id" in params and "before_id" in params:
        raise ValueError("pass after_id or before_id, not both: one page goes one direction")
    if not unset(limit):
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1000:
            raise ValueError(f"limit must be an integer from 1 to 1000, got {limit!r}")
        params["limit"] = limit
    return params


def list_spec(params: Mapping[str, object], opts: Options) -> RequestSpec:
    return opts.spec("GET", BATCHES_PATH, query=params)


def results_path(results_url: str, base_url: str) -> str:
    """The path (and query) of ``results_url``, to be fetched from *our* base URL.

    Credentials are only ever sent to the configured origin, so the scheme, userinfo,
    host and port of an absolute ``results_url`` are ignored and only its path is kept;
    a path prefix shared with ``base_url`` is not doubled. The request builder then joins
    the path structurally (``paths.UrlJoiner``): a relative ``results_url`` such as
    ``.evil.example/x`` stays a path on our host, and one whose ``..`` segments would
    leave the ``base_url`` prefix is refused with ``ValueError`` before any I/O.
    """
    path = results_url
    if _HAS_AUTHORITY.match(results_url):
        try:
            path = httpx.URL(results_url).raw_path.decode("ascii")
        except (httpx.InvalidURL, UnicodeError):
            raise ValueError(
                f"the batch's results_url {results_url[:200]!r} is not a valid URL; "
                f"fetch the results by id with results(batch.id) instead"
            ) from None
    prefix = httpx.URL(base_url).raw_path.decode("ascii").rstrip("/")
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) :]
    return path


# An absolute URL ("https://host/...") or a network-path reference ("//host/...").
_HAS_AUTHORITY = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*:)?//")


def results_spec(batch: MessageBatch, base_url: str, opts: Options) -> RequestSpec:
    """The results request of an ended batch; ``BatchNotEndedError`` before that."""
    if batch.processing_status != "ended":
        raise BatchNotEndedError(batch)
    if isinstance(batch.results_url, str) and batch.results_url:  # lenient parse: maybe not
        path = results_path(batch.results_url, base_url)
    else:
        path = batch_path(batch.id, "/results")
    return opts.spec("GET", path, accept="application/binary")


def batch_or_id(value: Union[str, MessageBatch]) -> tuple[Optional[MessageBatch], str]:
    """(the batch, its id) if a batch was passed (no GET needed), else (None, the id)."""
    if isinstance(value, MessageBatch):
        return value, value.id
    if isinstance(value, str):
        return None, value
    raise TypeError(
        f"message_batch_id must be a batch id string or a MessageBatch, got {type(value).__name__}"
    )
