"""How one batch request becomes a result: validation, then the responder.

The default responder is deterministic and cheap (it runs once per request when a batch
is created; the result is revealed when that request "finishes"):

- text derived from the last user message, ``stop_reason`` ``end_turn``;
- a ``tool_use`` block (``stop_reason`` ``tool_use``) when ``tool_choice`` forces a tool
  (type ``"tool"`` or ``"any"``), with placeholder arguments from the tool's schema;
- a ``thinking`` block first when extended thinking is enabled;
- ``max_tokens`` respected (text cut, ``stop_reason`` ``max_tokens``);
- usage token counts estimated from the input size (about 4 characters per token);
- ids (``msg_…``, ``toolu_…``) derived from the batch id and custom_id; model echoed.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from typing_extensions import TypeIs

from ._validate import _arr, _obj, validate_params
from ._wire import dumps

__all__ = [
    "BatchRequest",
    "Responder",
    "ResponderError",
    "ResponderResult",
    "default_responder",
    "resolve",
]

SUCCEEDED = 0
ERRORED = 1


@dataclass(frozen=True)
class BatchRequest:
    """One request of a batch, as a responder sees it."""

    batch_id: str
    custom_id: str
    index: int
    params: Mapping[str, Any]


ResponderResult = Union[str, Mapping[str, Any]]
"""Text (wrapped in a default message) or a message dict (missing keys are filled in)."""

Responder = Callable[[BatchRequest], ResponderResult]


class ResponderError(Exception):
    """Raise from a responder to make the request come back ``errored``.

    Usage::

        def responder(req: BatchRequest) -> str:
            if req.custom_id.startswith("bad"):
                raise ResponderError("max_tokens: too small", type="invalid_request_error")
            return "ok"

    ``type`` is the API error type in the result (default ``api_error``). Any other
    exception from a responder becomes an ``api_error`` with "Internal server error".
    """

    def __init__(self, message: str = "Internal server error", *, type: str = "api_error"):
        super().__init__(message)
        self.message = message
        self.type = type


# base64 in C, then '+' and '/' mapped to letters: [A-Za-z0-9] ids without a slow loop.
_TO_ALNUM = bytes.maketrans(b"+/", b"Az")


def _derived_id(prefix: str, *parts: str) -> str:
    """``prefix`` + 22 characters derived from ``parts`` (stable across runs)."""
    digest = hashlib.blake2b("\x00".join(parts).encode(), digest_size=18).digest()
    return prefix + base64.b64encode(digest)[:22].translate(_TO_ALNUM).decode()


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    blocks = _arr(content) or []
    texts: List[str] = []
    for raw in blocks:
        block = _obj(raw)
        if block is not None and isinstance(block.get("text"), str):
            texts.append(block["text"])
    return " ".join(texts)


def _input_chars(params: Mapping[str, Any]) -> int:
    chars = len(_text_of(params.get("system")))
    for raw in _arr(params.get("messages")) or []:
        message = _obj(raw)
        if message is not None:
            chars += 8 + len(_text_of(message.get("content")))
    for raw in _arr(params.get("tools")) or []:
        tool = _obj(raw)
        if tool is not None:
            chars += 200 + len(str(tool.get("description", "")))
    return chars


def _last_user_text(params: Mapping[str, Any]) -> str:
    for raw in reversed(_arr(params.get("messages")) or []):
        message = _obj(raw)
        if message is not None and message.get("role") == "user":
            return " ".join(_text_of(message.get("content")).split())
    return ""


_PLACEHOLDERS: Dict[str, Any] = {
    "string": "example",
    "integer": 1,
    "number": 1.0,
    "boolean": True,
    "array": [],
    "object": {},
}


def _placeholder_input(tool: Mapping[str, Any]) -> Dict[str, Any]:
    schema = _obj(tool.get("input_schema")) or {}
    props = _obj(schema.get("properties")) or {}
    required = _arr(schema.get("required"))
    names = [n for n in required if isinstance(n, str)] if required is not None else list(props)
    out: Dict[str, Any] = {}
    for name in names:
        prop = _obj(props.get(name)) or {}
        enum = _arr(prop.get("enum"))
        out[name] = enum[0] if enum else _PLACEHOLDERS.get(str(prop.get("type")), "example")
    return out


def _forced_tool(params: Mapping[str, Any]) -> Optional[Mapping[str, Any]]:
    choice = _obj(params.get("tool_choice"))
    if choice is None or choice.get("type") not in ("tool", "any"):
        return None
    tools = [t for t in map(_obj, _arr(params.get("tools")) or []) if t is not None]
    if choice["type"] == "tool":
        return next((t for t in tools if t.get("name") == choice.get("name")), None)
    return tools[0] if tools else None


def default_responder(request: BatchRequest) -> Dict[str, Any]:
    """The emulator's default: a deterministic, realistic Message dict (see module doc)."""
    params = request.params
    max_tokens: int = params["max_tokens"]
    content: List[Dict[str, Any]] = []
    out_tokens = 0
    thinking = _obj(params.get("thinking"))
    if thinking is not None and thinking.get("type") == "enabled":
        sig = _derived_id("Eq", request.batch_id, request.custom_id, "sig")
        content.append({"type": "thinking", "thinking": "Emulated reasoning.", "signature": sig})
        out_tokens += 5
    tool = _forced_tool(params)
    if tool is not None:
        args = _placeholder_input(tool)
        tool_id = _derived_id("toolu_01", request.batch_id, request.custom_id, "tool")
        content.append({"type": "tool_use", "id": tool_id, "name": tool["name"], "input": args})
        out_tokens += 10 + len(dumps(args)) // 4
        stop_reason = "tool_use"
    else:
        prompt = _last_user_text(params)
        text = f"Emulated reply to: {prompt[:80]}" if prompt else "Emulated reply."
        budget = max(1, max_tokens - out_tokens) * 4
        stop_reason = "end_turn"
        if len(text) > budget:
            text, stop_reason = text[:budget], "max_tokens"
        content.append({"type": "text", "text": text})
        out_tokens += max(1, len(text) // 4)
    return {
        "id": _derived_id("msg_01", request.batch_id, request.custom_id),
        "type": "message",
        "role": "assistant",
        "model": params["model"],
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": {
            "input_tokens": max(1, _input_chars(params) // 4),
            "output_tokens": min(out_tokens, max_tokens),
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
            "service_tier": "batch",
        },
    }


def _is_message_dict(value: object) -> TypeIs[Mapping[str, Any]]:
    return isinstance(value, Mapping)


def _message_from(request: BatchRequest, result: object) -> Mapping[str, Any]:
    # ``result`` is whatever a user's responder returned: its annotation promises a
    # ``ResponderResult``, but nothing enforces that at runtime, so it is checked here.
    if isinstance(result, str):
        message = default_responder(request)
        message["content"] = [{"type": "text", "text": result}]
        message["stop_reason"] = "end_turn"
        message["usage"]["output_tokens"] = max(1, len(result) // 4)
        return message
    if _is_message_dict(result):
        if {"id", "type", "role", "model", "content", "stop_reason", "usage"} <= result.keys():
            return result
        return {**default_responder(request), **result}
    raise TypeError(f"responder returned {type(result).__name__}; expected str or a dict")


def _errored(custom_id: str, type: str, message: str, request_id: Optional[str]) -> bytes:
    error = {"type": "error", "error": {"type": type, "message": message}, "request_id": request_id}
    return dumps({"custom_id": custom_id, "result": {"type": "errored", "error": error}})


def resolve(
    responder: Responder,
    request: BatchRequest,
    new_request_id: Callable[[], str],
) -> Tuple[int, bytes]:
    """(SUCCEEDED or ERRORED, the JSONL line without newline) for one request."""
    problem = validate_params(request.params)
    if problem is not None:
        line = _errored(request.custom_id, "invalid_request_error", problem, new_request_id())
        return ERRORED, line
    try:
        result = {"type": "succeeded", "message": _message_from(request, responder(request))}
        return SUCCEEDED, dumps({"custom_id": request.custom_id, "result": result})
    except ResponderError as exc:
        # As in the fixtures: invalid requests carry a request id, server errors null.
        rid = new_request_id() if exc.type == "invalid_request_error" else None
        return ERRORED, _errored(request.custom_id, exc.type, exc.message, rid)
    except Exception:  # any other bug in a user's responder is the "server's" fault
        return ERRORED, _errored(request.custom_id, "api_error", "Internal server error", None)
