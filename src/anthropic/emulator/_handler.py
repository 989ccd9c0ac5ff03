"""The request handler shared by the in-process transports and the HTTP server.

``Handler.handle(method, path, query, headers, body, host)`` → :class:`Reply`. It does
no I/O: the caller sends the reply, and carries out the I/O-shaped parts of a fault
(drop the connection, delay, cut the body) in its own way. Keeping one handler means the
in-process and HTTP behaviour cannot drift apart.
"""

from __future__ import annotations

import hmac
import threading
from array import array
from collections import Counter, deque
from typing import (
    Any,
    Callable,
    Deque,
    Dict,
    Iterator,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Tuple,
)
from urllib.parse import parse_qsl, unquote

from typing_extensions import Protocol

from ._faults import Fault, Faults, retry_after_header
from ._messages import MESSAGE_ROUTES, message_route
from ._messages import serve as serve_messages
from ._responder import BatchRequest, Responder, resolve
from ._state import BatchStore, StoredBatch
from ._validate import parse_create_body
from ._wire import CONTENT_JSON, CONTENT_JSONL, HttpError, dumps, error_body, micros

__all__ = ["Handler", "Reply", "ServedRequest", "Settings"]

RawHeaders = List[Tuple[bytes, bytes]]
_PREFIX = "/v1/messages/batches"
_VERSIONS = frozenset(("2023-06-01", "2023-01-01"))


class ServedRequest(NamedTuple):
    """One entry of ``Emulator.requests_log``."""

    route: str  # create/retrieve/list/cancel/delete/results, or "unknown"
    method: str
    path: str
    status: Optional[int]  # None: no response was produced (dropped before processing)
    fault: Optional[str]  # the kind of fault that fired, if any
    request_id: str


class Reply:
    """What to send back. Exactly one of ``body`` / ``stream`` carries the content."""

    __slots__ = ("body", "cut_after", "delay", "drop", "headers", "status", "stream")

    def __init__(
        self,
        status: int,
        headers: RawHeaders,
        body: bytes = b"",
        stream: Optional[Iterator[bytes]] = None,
    ) -> None:
        self.status = status
        self.headers = headers
        self.body = body
        self.stream = stream
        self.drop: Optional[str] = None  # "before" | "after": close without a response
        self.delay = 0.0  # seconds to hold the response back
        self.cut_after: Optional[int] = None  # close after this many body bytes

    def chunks(self) -> Iterator[bytes]:
        if self.stream is not None:
            return self.stream
        return iter((self.body,)) if self.body else iter(())


def _route(method: str, path: str) -> Tuple[str, Optional[str]]:
    """(route name, batch or model id) for a path + method, or HttpError 404/405."""
    other = message_route(method, path)  # /v1/messages, /v1/messages/count_tokens, /v1/models
    if other is not None:
        return other
    rest = path[len(_PREFIX) :] if path.startswith(_PREFIX) else None
    if rest is None or (rest and rest[0] != "/"):
        raise HttpError(404, "not_found_error", f"Not Found: {method} {path}")
    parts = rest.strip("/").split("/") if rest.strip("/") else []
    if not parts:
        allowed = {"POST": "create", "GET": "list"}
    elif len(parts) == 1:
        allowed = {"GET": "retrieve", "DELETE": "delete"}
    elif len(parts) == 2 and parts[1] in ("cancel", "results"):
        allowed = {"POST": "cancel"} if parts[1] == "cancel" else {"GET": "results"}
    else:
        raise HttpError(404, "not_found_error", f"Not Found: {method} {path}")
    name = allowed.get(method)
    if name is None:
        raise HttpError(
            405,
            "invalid_request_error",
            f"Method {method} is not allowed on {path}; allowed: {', '.join(allowed)}",
        )
    return name, (unquote(parts[0]) if parts else None)


def _limit(raw: Optional[str]) -> int:
    if raw is None:
        return 20
    try:
        limit = int(raw)
    except ValueError:
        raise HttpError(
            400, "invalid_request_error", "limit: Input should be a valid integer"
        ) from None
    if not 1 <= limit <= 1000:
        bound = "greater than or equal to 1" if limit < 1 else "less than or equal to 1000"
        raise HttpError(400, "invalid_request_error", f"limit: Input should be {bound}")
    return limit


class Settings(Protocol):
    """The settings the handler reads on every request (an ``Emulator`` has them all).

    They are read per request, not copied, so changing them at runtime takes effect on
    the next request.
    """

    @property
    def api_key(self) -> Optional[str]: ...

    @property
    def faults(self) -> Faults: ...

    @property
    def responder(self) -> Responder: ...

    @property
    def processing_time(self) -> float: ...

    @property
    def cancel_time(self) -> float: ...


class Handler:
    """Routes, authenticates, applies faults and dispatches to the batch store."""

    def __init__(self, settings: Settings, store: BatchStore, log_size: int) -> None:
        self._settings = settings
        self._store = store
        self._ids = store.ids
        self._log_lock = threading.Lock()
        self.log: Deque[ServedRequest] = deque(maxlen=log_size)
        self.counts: Counter[str] = Counter()

    def handle(
        self,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        host: str,
    ) -> Reply:
        """Serve one request. ``headers`` is looked up by lower-case name; ``host`` is
        ``scheme://host[:port]`` as the client addressed us (used for ``results_url``)."""
        request_id = self._ids.request_id()
        rid_header = (b"request-id", request_id.encode())
        route = "unknown"
        fault: Optional[Fault] = None
        try:
            route, batch_id = _route(method, path)
            fault = self._settings.faults.pick(route, self._age_of(batch_id))
            if fault is not None and fault.kind == "drop_before":
                reply = Reply(0, [])
                reply.drop = "before"
                self._record(route, method, path, None, fault, request_id)
                return reply
            if fault is not None and fault.kind == "error":
                headers_out = [CONTENT_JSON, rid_header, *retry_after_header(fault)]
                raise HttpError(fault.status, fault.error_type, fault.message, headers_out)
            if fault is not None and fault.kind == "not_found":
                raise HttpError(
                    404, "not_found_error", f"No message batch found with id '{batch_id}'."
                )
            self._authenticate(headers)
            if route in MESSAGE_ROUTES:
                responder = self._settings.responder
                status, out, content, stream = serve_messages(
                    route, batch_id, query, body, responder, fault, request_id
                )
                reply = Reply(status, out, content, stream)
            else:
                reply = self._dispatch(route, batch_id, query, body, host)
            reply.headers.append(rid_header)
        except HttpError as exc:
            extra = exc.headers or [CONTENT_JSON, rid_header]
            reply = Reply(exc.status, extra, error_body(exc.type, exc.message, request_id))
        except Exception:  # a bug here must look like a server error, not kill a server
            body_out = error_body("api_error", "Internal server error", request_id)
            reply = Reply(500, [CONTENT_JSON, rid_header], body_out)
        if fault is not None:
            if fault.kind == "drop_after":
                reply.drop = "after"
            elif fault.kind == "delay":
                reply.delay = fault.seconds
            elif fault.kind == "cut_stream":
                reply.cut_after = fault.after_bytes
        self._record(route, method, path, reply.status, fault, request_id)
        return reply

    def _age_of(self, batch_id: Optional[str]) -> Callable[[], Optional[float]]:
        store = self._store
        return lambda: None if batch_id is None else store.age(batch_id)

    def _record(
        self,
        route: str,
        method: str,
        path: str,
        status: Optional[int],
        fault: Optional[Fault],
        request_id: str,
    ) -> None:
        entry = ServedRequest(
            route, method, path, status, None if fault is None else fault.kind, request_id
        )
        with self._log_lock:
            self.counts[route] += 1
            self.log.append(entry)

    def _authenticate(self, headers: Mapping[str, str]) -> None:
        key = headers.get("x-api-key")
        if key is None:
            auth = headers.get("authorization")
            if auth is not None and auth[:7].lower() == "bearer ":
                key = auth[7:].strip()
        if not key:
            raise HttpError(401, "authentication_error", "x-api-key header is required")
        expected = self._settings.api_key
        if expected is not None and not hmac.compare_digest(key.encode(), expected.encode()):
            raise HttpError(401, "authentication_error", "invalid x-api-key")
        version = headers.get("anthropic-version")
        if version is None:
            raise HttpError(400, "invalid_request_error", "anthropic-version: header is required")
        if version not in _VERSIONS:
            raise HttpError(
                400,
                "invalid_request_error",
                f"anthropic-version: {version!r} is not a valid version",
            )

    def _dispatch(
        self, route: str, batch_id: Optional[str], query: str, body: bytes, host: str
    ) -> Reply:
        store = self._store
        obj: Dict[str, Any]
        if route == "create":
            obj = self._create(body, host)
        elif route == "list":
            params = dict(parse_qsl(query))
            if "after_id" in params and "before_id" in params:
                raise HttpError(
                    400, "invalid_request_error", "Only one of after_id and before_id may be given"
                )
            limit = _limit(params.get("limit"))
            obj = store.list(host, limit, params.get("after_id"), params.get("before_id"))
        else:
            assert batch_id is not None
            if route == "results":
                return Reply(200, [CONTENT_JSONL], stream=store.results(batch_id))
            if route == "retrieve":
                obj = store.retrieve(batch_id, host)
            elif route == "cancel":
                obj = store.cancel(batch_id, host)
            else:
                obj = store.delete(batch_id)
        return Reply(200, [CONTENT_JSON], dumps(obj))

    def _create(self, body: bytes, host: str) -> Dict[str, Any]:
        requests = parse_create_body(body)
        settings, store = self._settings, self._store
        batch_id, seq, created = store.reserve()
        responder, new_rid = settings.responder, self._ids.request_id
        kinds = bytearray(len(requests))
        blob = bytearray()  # grown in place: no list of 100,000 line objects
        offsets = array("Q", [0])
        for i, (custom_id, params) in enumerate(requests):
            kind, line = resolve(responder, BatchRequest(batch_id, custom_id, i, params), new_rid)
            kinds[i] = kind
            blob += line
            blob += b"\n"
            offsets.append(len(blob))
        custom_ids = [custom_id for custom_id, _ in requests]
        del requests  # the parsed params are the bulk of a create's memory
        processing = micros(settings.processing_time)
        cancel_time = micros(settings.cancel_time)
        batch = StoredBatch(
            batch_id, seq, created, processing, cancel_time, custom_ids, kinds, blob, offsets
        )
        return store.insert(batch, host)
