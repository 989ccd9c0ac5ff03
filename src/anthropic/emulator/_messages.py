"""The emulator's Messages, token counting and Models endpoints.

- ``POST /v1/messages``: the responder's reply (the same responder and the same params
  validation as a batch: a request that would be an ``errored`` batch line is a 400 here,
  with the same message). With ``"stream": true`` the reply is sent as Server-Sent Events
  in realistic pieces: ``message_start``, a ``ping``, each block's start / deltas / stop,
  ``message_delta`` (stop reason and usage), ``message_stop``.
- ``POST /v1/messages/count_tokens``: ``{"input_tokens": n}``, deterministic and
  monotone in the size of the input (the estimate the responder reports as usage).
- ``GET /v1/models`` (paged like batches) and ``GET /v1/models/{id}``.

Faults: ``Fault.cut_stream(route="messages")`` cuts the event stream after some bytes
(mid-event); ``Fault.error_event(529)`` sends an ``error`` event after ``message_start``
instead of the reply. Nothing here imports the SDK's response models.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl, unquote

from ._faults import Fault
from ._responder import BatchRequest, Responder, ResponderError, _input_chars, _message_from
from ._validate import _check_messages, _obj, validate_params
from ._wire import CONTENT_JSON, HttpError, dumps

__all__ = ["MESSAGE_ROUTES", "MODELS", "message_route", "serve"]

CONTENT_SSE = (b"content-type", b"text/event-stream; charset=utf-8")
MESSAGE_ROUTES = frozenset(("messages", "count_tokens", "models"))

MODELS: List[Dict[str, Any]] = [
    {"id": "claude-opus-4-1-20250805", "display_name": "Claude Opus 4.1", "at": "2025-08-05"},
    {"id": "claude-opus-4-20250514", "display_name": "Claude Opus 4", "at": "2025-05-22"},
    {"id": "claude-sonnet-4-20250514", "display_name": "Claude Sonnet 4", "at": "2025-05-22"},
    {"id": "claude-3-7-sonnet-20250219", "display_name": "Claude Sonnet 3.7", "at": "2025-02-24"},
    {"id": "claude-3-5-haiku-20241022", "display_name": "Claude Haiku 3.5", "at": "2024-10-22"},
    {"id": "claude-3-haiku-20240307", "display_name": "Claude Haiku 3", "at": "2024-03-07"},
]
"""The models the emulator lists, newest first."""

_ALIASES = {
    "claude-opus-4-1": "claude-opus-4-1-20250805",
    "claude-opus-4-0": "claude-opus-4-20250514",
    "claude-sonnet-4-0": "claude-sonnet-4-20250514",
    "claude-3-7-sonnet-latest": "claude-3-7-sonnet-20250219",
    "claude-3-5-haiku-latest": "claude-3-5-haiku-20241022",
}
_PIECE = 12  # characters of text per delta: roughly what the API sends per event
_ERROR_STATUS = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "timeout_error": 504,
    "overloaded_error": 529,
}


def message_route(method: str, path: str) -> Optional[Tuple[str, Optional[str]]]:
    """(route, model id) for a Messages / Models path, None for any other path."""
    if path == "/v1/messages" or path == "/v1/messages/count_tokens":
        if method != "POST":
            raise HttpError(
                405, "invalid_request_error", f"Method {method} is not allowed on {path}"
            )
        return ("messages" if path == "/v1/messages" else "count_tokens"), None
    if path == "/v1/models" or path.startswith("/v1/models/"):
        if method != "GET":
            raise HttpError(
                405, "invalid_request_error", f"Method {method} is not allowed on {path}"
            )
        rest = path[len("/v1/models") :].strip("/")
        if "/" in rest:
            raise HttpError(404, "not_found_error", f"Not Found: {method} {path}")
        return "models", (unquote(rest) if rest else None)
    return None


def serve(
    route: str,
    model_id: Optional[str],
    query: str,
    body: bytes,
    responder: Responder,
    fault: Optional[Fault],
    request_id: str,
) -> Tuple[int, List[Tuple[bytes, bytes]], bytes, Optional[Iterator[bytes]]]:
    """(status, headers, body, stream) for one request of ``MESSAGE_ROUTES``."""
    if route == "models":
        obj = _retrieve_model(model_id) if model_id else _list_models(query)
        return 200, [CONTENT_JSON], dumps(obj), None
    params = _parse_body(body)
    if route == "count_tokens":
        return 200, [CONTENT_JSON], dumps(count_tokens(params)), None
    stream = params.get("stream", False)
    if not isinstance(stream, bool):
        raise HttpError(400, "invalid_request_error", "stream: Input should be a valid boolean")
    problem = validate_params({k: v for k, v in params.items() if k != "stream"})
    if problem is not None:
        raise HttpError(400, "invalid_request_error", problem)
    message = _reply(params, request_id, responder)
    if not stream:
        return 200, [CONTENT_JSON], dumps(message), None
    error = fault if fault is not None and fault.kind == "error_event" else None
    return 200, [CONTENT_SSE, (b"cache-control", b"no-cache")], b"", sse_events(message, error)


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON (numbers must be finite)")


def _parse_body(body: bytes) -> Dict[str, Any]:
    try:
        data = json.loads(body, parse_constant=_not_json)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise HttpError(
            400,
            "invalid_request_error",
            f"There was an error parsing the body of your request: {exc}",
        ) from None
    params = _obj(data)
    if params is None:
        raise HttpError(400, "invalid_request_error", "body: Input should be a valid dictionary")
    return params


def count_tokens(params: Mapping[str, Any]) -> Dict[str, Any]:
    """``{"input_tokens": n}`` for a count_tokens body (the responder's input estimate)."""
    model = params.get("model")
    if model is None:
        raise HttpError(400, "invalid_request_error", "model: Field required")
    if not isinstance(model, str) or not model:
        raise HttpError(
            400, "invalid_request_error", "model: Input should be a valid non-empty string"
        )
    problem = _check_messages(params.get("messages"))
    if problem is not None:
        raise HttpError(400, "invalid_request_error", problem)
    return {"input_tokens": max(1, _input_chars(params) // 4)}


def _reply(params: Mapping[str, Any], request_id: str, responder: Responder) -> Dict[str, Any]:
    request = BatchRequest("messages", request_id, 0, params)
    try:
        message = dict(_message_from(request, responder(request)))
    except ResponderError as exc:
        raise HttpError(_ERROR_STATUS.get(exc.type, 500), exc.type, exc.message) from None
    except Exception:  # a bug in a user's responder is the "server's" fault
        raise HttpError(500, "api_error", "Internal server error") from None
    usage = _obj(message.get("usage"))
    if usage is not None and usage.get("service_tier") == "batch":
        message["usage"] = {**usage, "service_tier": "standard"}
    return message


def _event(name: str, data: Mapping[str, Any]) -> bytes:
    return b"event: " + name.encode() + b"\ndata: " + dumps(data) + b"\n\n"


def _pieces(text: str) -> List[str]:
    return [text[i : i + _PIECE] for i in range(0, len(text), _PIECE)] or [""]


def _block_events(index: int, block: Mapping[str, Any]) -> Iterator[bytes]:
    kind = block.get("type")
    delta = "content_block_delta"
    if kind == "text":
        start: Dict[str, Any] = {"type": "text", "text": ""}
        yield _event("content_block_start", _start(index, start))
        for piece in _pieces(str(block.get("text", ""))):
            d = {"type": "text_delta", "text": piece}
            yield _event(delta, {"type": delta, "index": index, "delta": d})
    elif kind == "thinking":
        start = {"type": "thinking", "thinking": "", "signature": ""}
        yield _event("content_block_start", _start(index, start))
        for piece in _pieces(str(block.get("thinking", ""))):
            d = {"type": "thinking_delta", "thinking": piece}
            yield _event(delta, {"type": delta, "index": index, "delta": d})
        d = {"type": "signature_delta", "signature": block.get("signature", "")}
        yield _event(delta, {"type": delta, "index": index, "delta": d})
    elif kind in ("tool_use", "server_tool_use"):
        yield _event("content_block_start", _start(index, {**block, "input": {}}))
        for piece in _pieces(dumps(block.get("input", {})).decode()):
            d = {"type": "input_json_delta", "partial_json": piece}
            yield _event(delta, {"type": delta, "index": index, "delta": d})
    else:  # any other block is sent whole in its start event
        yield _event("content_block_start", _start(index, block))
    yield _event("content_block_stop", {"type": "content_block_stop", "index": index})


def _start(index: int, block: Mapping[str, Any]) -> Dict[str, Any]:
    return {"type": "content_block_start", "index": index, "content_block": block}


def sse_events(message: Mapping[str, Any], error: Optional[Fault] = None) -> Iterator[bytes]:
    """The event stream of ``message``, one event per chunk (or cut by an error event)."""
    usage = dict(message.get("usage") or {})
    output_tokens = usage.get("output_tokens", 1)
    start: Dict[str, Any] = {**message, "content": [], "stop_reason": None}
    start["stop_sequence"] = None
    start["usage"] = {**usage, "output_tokens": 1}
    yield _event("message_start", {"type": "message_start", "message": start})
    yield _event("ping", {"type": "ping"})
    if error is not None:
        err = {"type": error.error_type, "message": error.message}
        yield _event("error", {"type": "error", "error": err})
        return
    for index, block in enumerate(message.get("content") or []):
        yield from _block_events(index, block)
        if index == 0:
            yield _event("ping", {"type": "ping"})
    delta = {
        "stop_reason": message.get("stop_reason"),
        "stop_sequence": message.get("stop_sequence"),
    }
    yield _event(
        "message_delta",
        {"type": "message_delta", "delta": delta, "usage": {"output_tokens": output_tokens}},
    )
    yield _event("message_stop", {"type": "message_stop"})


def _model_obj(model: Mapping[str, Any]) -> Dict[str, Any]:
    return {
        "type": "model",
        "id": model["id"],
        "display_name": model["display_name"],
        "created_at": model["at"] + "T00:00:00Z",
    }


def _retrieve_model(model_id: str) -> Dict[str, Any]:
    wanted = _ALIASES.get(model_id, model_id)
    for model in MODELS:
        if model["id"] == wanted:
            return _model_obj(model)
    raise HttpError(404, "not_found_error", f"model: {model_id}")


def _list_models(query: str) -> Dict[str, Any]:
    params = dict(parse_qsl(query))
    after, before = params.get("after_id"), params.get("before_id")
    if after is not None and before is not None:
        raise HttpError(
            400, "invalid_request_error", "Only one of after_id and before_id may be given"
        )
    raw_limit = params.get("limit", "20")
    try:
        limit = int(raw_limit)
    except ValueError:
        raise HttpError(
            400, "invalid_request_error", "limit: Input should be a valid integer"
        ) from None
    if not 1 <= limit <= 1000:
        raise HttpError(400, "invalid_request_error", "limit: Input should be between 1 and 1000")
    ids = [m["id"] for m in MODELS]
    if after is not None:
        start = ids.index(after) + 1 if after in ids else len(ids)
        window = MODELS[start : start + limit]
        more = start + limit < len(ids)
    elif before is not None:
        end = ids.index(before) if before in ids else 0
        window = MODELS[max(0, end - limit) : end]
        more = end - limit > 0
    else:
        window = MODELS[:limit]
        more = limit < len(ids)
    data = [_model_obj(m) for m in window]
    return {
        "data": data,
        "has_more": more,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
    }
