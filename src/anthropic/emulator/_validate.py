"""Validation of a create body (fails the request) and of each request's params
(fails only that request, later, as an ``errored`` result: the real API validates
params asynchronously).

Messages mimic the API's ``path: problem`` style, e.g.
``requests.3.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'``.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Mapping, Optional, Set, Tuple, cast

from typing_extensions import TypeIs

from ._wire import HttpError

__all__ = ["MAX_BODY_BYTES", "MAX_REQUESTS", "parse_create_body", "validate_params"]

MAX_REQUESTS = 100_000
MAX_BODY_BYTES = 256 * 1024 * 1024

_CUSTOM_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")
_CUSTOM_ID_PATTERN = "^[a-zA-Z0-9_-]{1,64}$"
_ROLES = frozenset(("user", "assistant"))
_MIN_THINKING_BUDGET = 1024


def _obj(value: Any) -> Optional[Dict[str, Any]]:
    """``value`` as a JSON object, or None if it is something else."""
    return cast("Dict[str, Any]", value) if isinstance(value, dict) else None


def _arr(value: Any) -> Optional[List[Any]]:
    """``value`` as a JSON array, or None if it is something else."""
    # cast(Any, ...): pyright sees list[Unknown] here, mypy calls a List cast redundant.
    return cast(Any, value) if isinstance(value, list) else None


def _bad(message: str) -> HttpError:
    return HttpError(400, "invalid_request_error", message)


def too_large(detail: str = "Request exceeds the maximum allowed number of bytes.") -> HttpError:
    return HttpError(413, "request_too_large", detail)


def _reject_constant(name: str) -> Any:
    # Python's json module accepts NaN, Infinity and -Infinity; JSON (and the API) does not.
    raise ValueError(f"{name} is not valid JSON (numbers must be finite)")


def parse_create_body(body: bytes) -> List[Tuple[str, Mapping[str, Any]]]:
    """``POST /v1/messages/batches`` body → ``[(custom_id, params), …]`` or HttpError."""
    if len(body) > MAX_BODY_BYTES:
        raise too_large()
    try:
        data = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, UnicodeDecodeError) as exc:  # also NaN / Infinity (not JSON)
        raise _bad(f"There was an error parsing the body of your request: {exc}") from None
    except RecursionError:
        raise _bad(
            "There was an error parsing the body of your request: it is nested too deeply"
        ) from None
    top = _obj(data)
    if top is None:
        raise _bad("body: Input should be a valid dictionary")
    if top.get("requests") is None:
        raise _bad("requests: Field required")
    requests = _arr(top["requests"])
    if requests is None:
        raise _bad("requests: Input should be a valid list")
    n = len(requests)
    if n == 0:
        raise _bad("requests: List should have at least 1 item after validation, not 0")
    if n > MAX_REQUESTS:
        raise too_large(
            f"requests: List should have at most {MAX_REQUESTS} items after validation, not {n}"
        )
    out: List[Tuple[str, Mapping[str, Any]]] = []
    seen: Set[str] = set()
    fullmatch = _CUSTOM_ID.fullmatch
    for i, raw in enumerate(requests):
        item = _obj(raw)
        if item is None:
            raise _bad(f"requests.{i}: Input should be a valid dictionary")
        custom_id = item.get("custom_id")
        if custom_id is None:
            raise _bad(f"requests.{i}.custom_id: Field required")
        if not isinstance(custom_id, str):
            raise _bad(f"requests.{i}.custom_id: Input should be a valid string")
        if fullmatch(custom_id) is None:
            raise _bad(
                f"requests.{i}.custom_id: String should match pattern '{_CUSTOM_ID_PATTERN}'"
            )
        if custom_id in seen:
            raise _bad(
                f"requests.{i}.custom_id: Duplicate custom_id {custom_id!r}; "
                "each custom_id must be unique within a batch"
            )
        seen.add(custom_id)
        if item.get("params") is None:
            raise _bad(f"requests.{i}.params: Field required")
        params = _obj(item["params"])
        if params is None:
            raise _bad(f"requests.{i}.params: Input should be a valid dictionary")
        out.append((custom_id, params))
    return out


def _is_int(value: object) -> TypeIs[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_messages(value: Any) -> Optional[str]:
    if value is None:
        return "messages: Field required"
    messages = _arr(value)
    if messages is None:
        return "messages: Input should be a valid list"
    if not messages:
        return "messages: at least one message is required"
    for j, raw in enumerate(messages):
        message = _obj(raw)
        if message is None:
            return f"messages.{j}: Input should be a valid dictionary"
        if message.get("role") not in _ROLES:
            return f"messages.{j}.role: Input should be 'user' or 'assistant'"
        content = message.get("content")
        if content is None:
            return f"messages.{j}.content: Field required"
        blocks = _arr(content)
        if blocks is not None:
            for k, block in enumerate(blocks):
                obj = _obj(block)
                if obj is None or not isinstance(obj.get("type"), str):
                    return f"messages.{j}.content.{k}.type: Field required"
        elif not isinstance(content, str):
            return f"messages.{j}.content: Input should be a valid string or list"
    return None


def _check_tools(params: Mapping[str, Any]) -> Optional[str]:
    tools = _arr(params.get("tools", []))
    if tools is None:
        return "tools: Input should be a valid list"
    if params.get("tool_choice") is None:
        return None
    choice = _obj(params["tool_choice"])
    kind = None if choice is None else choice.get("type")
    if choice is None or kind not in ("auto", "any", "tool", "none"):
        return "tool_choice: Input should be one of 'auto', 'any', 'tool' or 'none'"
    names = [tool.get("name") for tool in map(_obj, tools) if tool is not None]
    if kind in ("any", "tool") and not names:
        return f"tool_choice: tool_choice.type {kind!r} requires at least one tool in tools"
    if kind == "tool" and choice.get("name") not in names:
        return f"tool_choice.name: no tool named {choice.get('name')!r} in tools"
    return None


def validate_params(params: Mapping[str, Any]) -> Optional[str]:
    """The first problem with one request's Messages params, or None if it is fine."""
    model = params.get("model")
    if model is None:
        return "model: Field required"
    if not isinstance(model, str) or not model:
        return "model: Input should be a valid non-empty string"
    max_tokens = params.get("max_tokens")
    if max_tokens is None:
        return "max_tokens: Field required"
    if not _is_int(max_tokens):
        return "max_tokens: Input should be a valid integer"
    if max_tokens < 1:
        return "max_tokens: Input should be greater than or equal to 1"
    problem = _check_messages(params.get("messages"))
    if problem is not None:
        return problem
    if params.get("stream"):
        return "stream: streaming is not supported in Message Batches requests"
    system = params.get("system")
    if system is not None and not isinstance(system, (str, list)):
        return "system: Input should be a valid string or list"
    temperature = params.get("temperature")
    if temperature is not None and (
        isinstance(temperature, bool)
        or not isinstance(temperature, (int, float))
        or not 0 <= temperature <= 1
    ):
        return "temperature: Input should be a number between 0 and 1"
    thinking = _obj(params.get("thinking"))
    if thinking is not None and thinking.get("type") == "enabled":
        budget = thinking.get("budget_tokens")
        if not _is_int(budget) or budget < _MIN_THINKING_BUDGET:
            return f"thinking.budget_tokens: Input should be an integer >= {_MIN_THINKING_BUDGET}"
        if budget >= max_tokens:
            return "max_tokens: must be greater than thinking.budget_tokens"
    return _check_tools(params)
