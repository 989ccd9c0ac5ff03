"""Turn a request spec into an ``httpx.Request``: headers, auth, query, body, timeout.

    spec = RequestSpec("GET", "/v1/messages/batches", query={"limit": 20})
    request = builder.build(spec)      # builder holds the per-client constant headers

Per-client constants (auth, version, user agent, platform headers, default headers) are
merged once in ``RequestBuilder.__init__``; per call only the retry count, the read
timeout, the content type and the caller's ``extra_*`` are added.
"""

from __future__ import annotations

from typing import Any, Callable, Container, Mapping, Optional, Tuple, Union, cast

import httpx
from typing_extensions import Literal

from .._exceptions import MissingCredentialsError
from .._types import NOT_GIVEN, NotGiven, Omit, Timeout
from .config import API_VERSION, ClientConfig, to_timeout
from .header_values import clean_headers
from .paths import UrlJoiner

__all__ = [
    "RequestBuilder",
    "RequestSpec",
    "ResponseMode",
    "attempt_request",
    "merge_headers",
    "serialize_json",
]

AmbiguousHandler = Callable[[httpx.Request, float], Exception]

ClientDefaults = Tuple[Tuple[str, str], ...]
"""The user's httpx client's default headers (name, value): added under ours."""

ResponseMode = Literal["parsed", "raw", "stream"]
"""What the caller gets back: the parsed value, an ``APIResponse`` with the body read
(``with_raw_response``), or one whose body is still unread (``with_streaming_response``)."""


class RequestSpec:
    """What one API call sends. Built by resources with pure code; sent by the shells.

    ``content`` is a pre-serialized JSON body (``create`` serializes once while
    validating); ``json`` is serialized here. ``on_ambiguous``, when set, marks the call
    as unsafe to repeat: if it fails after the body may have been processed, the sender
    raises the exception this returns instead of retrying. ``mode`` says what the call
    returns (see ``ResponseMode``); it travels with the spec from the public method to
    the client, so a call made while another is in flight never inherits its mode.
    """

    __slots__ = (
        "accept",
        "content",
        "extra_body",
        "extra_headers",
        "extra_query",
        "json",
        "method",
        "mode",
        "on_ambiguous",
        "path",
        "query",
        "timeout",
    )

    def __init__(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, object]] = None,
        json: object = None,
        content: Optional[bytes] = None,
        extra_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        extra_query: Optional[Mapping[str, object]] = None,
        extra_body: Optional[Mapping[str, object]] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        accept: Optional[str] = None,
        on_ambiguous: Optional[AmbiguousHandler] = None,
        mode: ResponseMode = "parsed",
    ) -> None:
        self.method = method
        self.path = path
        self.query = query
        self.json = json
        self.content = content
        self.extra_headers = extra_headers
        self.extra_query = extra_query
        self.extra_body = extra_body
        self.timeout = timeout
        self.accept = accept
        self.on_ambiguous = on_ambiguous
        self.mode: ResponseMode = mode

    def __repr__(self) -> str:
        return f"RequestSpec({self.method} {self.path})"


def serialize_json(value: object) -> bytes:
    """Serialize a request body to compact JSON bytes (pydantic-core's Rust encoder).

    Imported on first use so ``import anthropic`` does not pay for pydantic.
    """
    from pydantic_core import to_json

    return to_json(value)


def merge_headers(
    base: dict[str, str], *overrides: Optional[Mapping[str, Union[str, Omit]]]
) -> dict[str, str]:
    """Merge header mappings left to right, case-insensitively; ``Omit()`` removes a key.

    ``base`` must already have lower-case keys; it is not modified.
    """
    merged = dict(base)
    for mapping in overrides:
        if not mapping:
            continue
        for key, value in mapping.items():
            lower = key.lower()
            if isinstance(value, Omit):
                merged.pop(lower, None)
            else:
                merged[lower] = value
    return merged


def _merge_query(*parts: Optional[Mapping[str, object]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for part in parts:
        if not part:
            continue
        for key, value in part.items():
            if isinstance(value, (Omit, NotGiven)):
                merged.pop(key, None)
            elif value is not None:
                if isinstance(value, str) and not value.isascii():
                    _check_text(key, value)
                merged[key] = value
    return merged


def _check_text(name: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            f"query parameter {name!r} is not valid text: it contains a lone surrogate "
            f"(e.g. from bytes decoded with errors='surrogateescape'); pass the value exactly "
            f"as the API returned it"
        ) from None


def _merge_body(body: dict[str, Any], extra: Mapping[str, object]) -> dict[str, Any]:
    # Unlike a query, a body keeps ``None`` (JSON null); only ``Omit()`` removes a key.
    merged = dict(body)
    for key, value in extra.items():
        if isinstance(value, (Omit, NotGiven)):
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


_HTTPX_SETS = frozenset(("host", "content-length", "transfer-encoding"))
"""Headers httpx adds to a request itself (Host, the body's length) unless given."""
_BODY_METHODS = ("POST", "PUT", "PATCH")


class _HeaderSet:
    """Headers a kind of request starts from, normalised once (an ``httpx.Headers`` is
    costly to build and cheap to copy): ``headers`` (ours over the httpx client's
    defaults), their lower-case ``names``, and ``sendable``: the same with the ``Host``
    header in front, exactly as ``httpx.Request`` would add it for our base URL, or
    ``None`` when httpx must apply its own rules (no host known, or the caller set
    Host or a body length)."""

    __slots__ = ("empty_body", "headers", "names", "sendable")

    def __init__(self, headers: dict[str, str], netloc: Optional[bytes]) -> None:
        self.headers = httpx.Headers(headers)
        self.names = frozenset(headers)
        self.sendable: Optional[httpx.Headers] = None
        self.empty_body: Optional[httpx.Headers] = None  # POST/PUT/PATCH without a body
        if netloc is not None and self.names.isdisjoint(_HTTPX_SETS):
            raw = self.headers.raw
            self.sendable = httpx.Headers([(b"Host", netloc), *raw])
            self.empty_body = httpx.Headers([(b"Host", netloc), (b"Content-Length", b"0"), *raw])


class RequestBuilder:
    """Builds ``httpx.Request`` objects for one client configuration."""

    __slots__ = (
        "_auth_explicit",
        "_base",
        "_changed_sets",
        "_config",
        "_header_sets",
        "_joiner",
        "_timeout_cache",
    )

    def __init__(
        self,
        config: ClientConfig,
        *,
        user_agent: str,
        async_library: str,
        platform: Optional[Mapping[str, str]] = None,
    ) -> None:
        self._config = config
        headers: dict[str, str] = {
            "accept": "application/json",
            "anthropic-version": API_VERSION,
            "user-agent": user_agent,
        }
        headers.update({k.lower(): v for k, v in (platform or {}).items()})
        headers["x-stainless-async"] = async_library
        if config.api_key is not None:
            headers["x-api-key"] = config.api_key
        if config.auth_token is not None:
            headers["authorization"] = f"Bearer {config.auth_token}"
        self._base = merge_headers(headers, config.default_headers)
        omitted = {k.lower() for k, v in config.default_headers.items() if isinstance(v, Omit)}
        self._auth_explicit = bool(omitted & {"x-api-key", "authorization"})
        self._timeout_cache = _timeout_parts(config.timeout)
        self._joiner = UrlJoiner(config.base_url)
        # The headers every default-timeout request starts from, normalised once per set
        # of the httpx client's own default headers (normally one set for the client's
        # life): copying an httpx.Headers costs a fraction of building one.
        self._header_sets: dict[ClientDefaults, _HeaderSet] = {}
        self._changed_sets: dict[
            tuple[ClientDefaults, tuple[tuple[str, str], ...]], _HeaderSet
        ] = {}

    def _start_headers(self, client_defaults: ClientDefaults) -> _HeaderSet:
        """The start headers for these client defaults."""
        entry = self._header_sets.get(client_defaults)
        if entry is None:
            first = dict(self._base)
            first["x-stainless-retry-count"] = "0"
            read_header = self._timeout_cache[1]
            if read_header is not None:
                first["x-stainless-read-timeout"] = read_header
            for key, value in client_defaults:  # ours win on a clash
                first.setdefault(key.lower(), value)
            entry = _HeaderSet(first, self._joiner.netloc)
            if len(self._header_sets) >= 8:  # a client whose defaults keep changing
                self._header_sets.clear()
            self._header_sets[client_defaults] = entry
        return entry

    @property
    def base_headers(self) -> Mapping[str, str]:
        return self._base

    def _changed_headers(
        self, client_defaults: ClientDefaults, start: _HeaderSet, changes: Mapping[str, str]
    ) -> _HeaderSet:
        """The start headers with ``changes`` (content type, accept), cached the same way:
        a client sends few such combinations."""
        key = (client_defaults, tuple(changes.items()))
        entry = self._changed_sets.get(key)
        if entry is None:
            merged = merge_headers(dict(start.headers.items()), changes)
            entry = _HeaderSet(merged, self._joiner.netloc)
            if len(self._changed_sets) >= 32:
                self._changed_sets.clear()
            self._changed_sets[key] = entry
        return entry

    def build(self, spec: RequestSpec, client_defaults: ClientDefaults = ()) -> httpx.Request:
        """The request for the first attempt (``attempt_request`` makes the later ones).

        The URL is ``spec.path`` joined onto ``base_url`` by ``UrlJoiner`` (a path can
        never change the origin or leave the base path); a path it refuses, or an
        ``extra_headers`` value that cannot be sent, raises ``ValueError`` here, before
        any I/O.
        """
        url = self._joiner.join(spec.path)
        entry = self._start_headers(client_defaults)
        changes: dict[str, str] = {}
        if isinstance(spec.timeout, NotGiven):
            timeout_dict = self._timeout_cache[0]
        else:
            timeout_dict, read_header = _timeout_parts(to_timeout(spec.timeout))
            changes["x-stainless-read-timeout"] = read_header or ""
        if spec.accept is not None:
            changes["accept"] = spec.accept

        content = spec.content
        if spec.extra_body:
            body = {} if spec.json is None else dict(cast("Mapping[str, Any]", spec.json))
            body = _merge_body(body, spec.extra_body)
            content = serialize_json(body)
        elif content is None and spec.json is not None:
            content = serialize_json(spec.json)
        if content is not None:
            changes["content-type"] = "application/json"

        if changes and not spec.extra_headers and "x-stainless-read-timeout" not in changes:
            entry = self._changed_headers(client_defaults, entry, changes)
        elif changes or spec.extra_headers:
            merged = merge_headers(dict(entry.headers.items()), changes)
            if changes.get("x-stainless-read-timeout") == "":
                del merged["x-stainless-read-timeout"]  # timeout=None: no read timeout
            if spec.extra_headers:
                extra = clean_headers(spec.extra_headers, what="extra_headers", stacklevel=4)
                merged = merge_headers(merged, extra)
            for key, value in client_defaults:  # a header of ours removed: the client's
                merged.setdefault(key.lower(), value)
            self._check_auth(merged, spec)
            return httpx.Request(
                spec.method,
                url,
                headers=httpx.Headers(merged),
                params=self._query(spec),
                content=content,
                extensions={"timeout": timeout_dict},
            )
        self._check_auth(entry.names, spec)
        return _prepared(spec.method, url, entry, self._query(spec), content, timeout_dict)

    def _query(self, spec: RequestSpec) -> Optional[dict[str, Any]]:
        default = self._config.default_query
        if not (default or spec.query or spec.extra_query):
            return None
        return _merge_query(default, spec.query, spec.extra_query) or None

    def _check_auth(self, names: Container[str], spec: RequestSpec) -> None:
        if "x-api-key" in names or "authorization" in names or self._auth_explicit:
            return
        if spec.extra_headers and any(
            k.lower() in ("x-api-key", "authorization") for k in spec.extra_headers
        ):
            return  # the caller removed auth on purpose
        raise MissingCredentialsError()


def _prepared(
    method: str,
    url: httpx.URL,
    entry: _HeaderSet,
    query: Optional[Mapping[str, Any]],
    content: Optional[bytes],
    timeout: dict[str, Optional[float]],
) -> httpx.Request:
    """``httpx.Request(method, url, headers=entry.headers, params=query, content=content)``,
    built from headers already in final form: ``Host`` first, then ours, then the body's
    ``Content-Length`` (or ``Content-Length: 0`` after ``Host`` for a POST without a
    body), as httpx orders them. httpx's own path re-normalises every header of every
    request to add those two; this one only copies ``entry.sendable``.
    ``tests/core/test_request_prepared.py`` holds the two paths to the same requests."""
    body = content or b""
    if entry.sendable is None:
        extensions = {"timeout": timeout}
        return httpx.Request(
            method, url, headers=entry.headers, params=query, content=content, extensions=extensions
        )
    if body:
        headers = httpx.Headers(entry.sendable)
        headers["Content-Length"] = str(len(body))
    elif method.upper() in _BODY_METHODS:
        headers = cast(httpx.Headers, entry.empty_body)
    else:
        headers = entry.sendable
    request = httpx.Request(
        method,
        url,
        params=query,
        headers=headers,
        stream=httpx.ByteStream(body),
        extensions={"timeout": timeout},
    )
    request.read()  # ``request.content``, as httpx sets it for a body given as bytes
    return request


def attempt_request(first: httpx.Request, retries: int) -> httpx.Request:
    """A new request for retry number ``retries`` of ``first``, which stays unchanged.

    Same method, URL, headers and extensions, and the very same body bytes (shared, not
    copied), so each attempt is its own object: event hooks, recorded calls and
    ``err.response.request`` each show their own ``x-stainless-retry-count``. Only a
    count we wrote (``"0"``) is replaced: a header the caller removed (``Omit()``) or set
    to a value of their own stays as they left it.
    """
    headers = first.headers.copy()
    if headers.get("x-stainless-retry-count") == "0":
        headers["x-stainless-retry-count"] = str(retries)
    return httpx.Request(
        first.method,
        first.url,
        headers=headers,
        content=first.content or None,
        extensions=dict(first.extensions),
    )


def _timeout_parts(timeout: httpx.Timeout) -> tuple[dict[str, Optional[float]], Optional[str]]:
    read = timeout.read
    header = None if read is None else (str(int(read)) if float(read).is_integer() else str(read))
    return timeout.as_dict(), header
