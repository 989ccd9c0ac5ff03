"""Validate, normalize and encode the requests of a batch before anything is sent.

    body, count = encode_create_body(requests)    # bytes ready to POST, or a clear error

Every rule the client can check locally is checked here, and each failure names the
request's index, its custom_id, the rule broken and the fix (``InvalidBatchRequestError``,
a ``ValueError``). The requests are serialized exactly once, by pydantic-core.

Accepted request shapes: ``{"custom_id", "params"}`` (the API's), and
``{"custom_id", "method": "POST", "url": "/v1/messages", "body"}`` (used by other batch
APIs and some guides), which is normalized to the API's shape.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional, cast

from .._exceptions import AnthropicError
from .request import serialize_json

__all__ = [
    "CUSTOM_ID_PATTERN",
    "MAX_BATCH_BYTES",
    "MAX_BATCH_REQUESTS",
    "InvalidBatchRequestError",
    "encode_create_body",
    "join_encoded_requests",
    "normalize_request",
    "validate_requests",
]

MAX_BATCH_REQUESTS = 100_000
MAX_BATCH_BYTES = 256 * 1024 * 1024
CUSTOM_ID_PATTERN = r"^[a-zA-Z0-9_-]{1,64}$"
_CUSTOM_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")
_BODY_PREFIX = b'{"requests":['
_BODY_SUFFIX = b"]}"


class InvalidBatchRequestError(AnthropicError, ValueError):
    """A request of a batch breaks a rule the API enforces; nothing was sent.

    ``index`` is the request's position, ``custom_id`` its id (if it had a usable one),
    ``field`` the offending field, e.g. ``params.max_tokens``.
    """

    def __init__(
        self, message: str, *, index: Optional[int], custom_id: Optional[str], field: str
    ) -> None:
        super().__init__(message)
        self.index = index
        self.custom_id = custom_id
        self.field = field


def _fail(
    index: int, custom_id: Optional[str], field: str, problem: str, fix: str
) -> InvalidBatchRequestError:
    who = f"requests[{index}]" + (f" (custom_id {custom_id!r})" if custom_id is not None else "")
    return InvalidBatchRequestError(
        f"{who}: {field} {problem}. {fix}", index=index, custom_id=custom_id, field=field
    )


def normalize_request(index: int, item: object) -> Mapping[str, Any]:
    """Check one request and return it in the API's ``{"custom_id", "params"}`` shape.

    The caller's dict is returned as is when it already has that shape (no copy).
    """
    if not isinstance(item, Mapping):
        raise _fail(
            index,
            None,
            "request",
            f"must be a dict, got {type(item).__name__}",
            'Pass {"custom_id": "...", "params": {...}}.',
        )
    req = cast("Mapping[str, Any]", item)
    custom_id = req.get("custom_id")
    if not isinstance(custom_id, str) or _CUSTOM_ID.fullmatch(custom_id) is None:
        shown = custom_id if isinstance(custom_id, str) else None
        raise _fail(
            index,
            shown,
            "custom_id",
            f"must match {CUSTOM_ID_PATTERN} (1-64 letters, digits, '_' or '-'), got {custom_id!r}",
            "Use an id such as 'row-42'.",
        )
    if "params" not in req:
        if "body" in req or "method" in req or "url" in req:
            req = _normalize_url_shape(index, custom_id, req)
        else:
            raise _fail(
                index,
                custom_id,
                "params",
                "is missing",
                "Add params={'model': ..., 'max_tokens': ..., 'messages': [...]}.",
            )
    _check_params(index, custom_id, req["params"])
    return req


def _normalize_url_shape(index: int, custom_id: str, req: Mapping[str, Any]) -> dict[str, Any]:
    method, url = req.get("method"), req.get("url")
    if method != "POST" or url != "/v1/messages":
        raise _fail(
            index,
            custom_id,
            "method/url",
            f"must be 'POST' and '/v1/messages', got {method!r} {url!r}",
            "Message Batches only run Messages requests; or pass params= directly.",
        )
    if "body" not in req:
        raise _fail(index, custom_id, "body", "is missing", "Put the Messages request in body=.")
    return {"custom_id": custom_id, "params": req["body"]}


def _check_params(index: int, custom_id: str, params: object) -> None:
    if not isinstance(params, Mapping):
        raise _fail(
            index,
            custom_id,
            "params",
            f"must be a dict, got {type(params).__name__}",
            "Pass the Messages request as a dict.",
        )
    p = cast("Mapping[str, Any]", params)
    model = p.get("model")
    if not isinstance(model, str) or not model:
        raise _fail(
            index,
            custom_id,
            "params.model",
            f"must be a non-empty string, got {model!r}",
            "Set a model such as 'claude-sonnet-4-20250514'.",
        )
    max_tokens = p.get("max_tokens")
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise _fail(
            index,
            custom_id,
            "params.max_tokens",
            f"must be an integer >= 1, got {max_tokens!r}",
            "Set max_tokens to the most tokens the answer may use, e.g. 1024.",
        )
    messages = p.get("messages")
    if _is_scalar_or_mapping(messages) or not isinstance(messages, Iterable):
        raise _fail(
            index,
            custom_id,
            "params.messages",
            f"must be a list of messages, got {type(messages).__name__}",
            "Pass messages=[{'role': 'user', 'content': '...'}].",
        )
    stream = p.get("stream", False)
    if stream is not False:
        raise _fail(
            index,
            custom_id,
            "params.stream",
            f"must be absent or False, got {stream!r}",
            "Batches cannot stream; remove stream from params.",
        )


def _is_scalar_or_mapping(value: object) -> bool:
    # A plain bool (not a TypeGuard) on purpose: callers keep ``value`` as ``object``.
    return value is None or isinstance(value, (str, bytes, Mapping))


def validate_requests(requests: Iterable[object]) -> list[Mapping[str, Any]]:
    """Check every request, custom_id uniqueness and the count; return them normalized."""
    if _is_scalar_or_mapping(requests):
        raise TypeError(
            "requests must be an iterable of request dicts (a list or a generator), "
            f"got {type(requests).__name__}"
        )
    out: list[Mapping[str, Any]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(requests):
        req = normalize_request(index, item)
        custom_id: str = req["custom_id"]
        first = seen.setdefault(custom_id, index)
        if first != index:
            raise _fail(
                index,
                custom_id,
                "custom_id",
                f"duplicates the custom_id of requests[{first}]",
                "Give every request of a batch a unique custom_id.",
            )
        out.append(req)
        if index >= MAX_BATCH_REQUESTS:
            raise InvalidBatchRequestError(
                f"requests has more than {MAX_BATCH_REQUESTS:,} items, the most one batch "
                f"holds. Split them (client.messages.batches.submit(...) does it for you).",
                index=index,
                custom_id=custom_id,
                field="requests",
            )
    if not out:
        raise InvalidBatchRequestError(
            "requests is empty: a batch needs at least one request.",
            index=None,
            custom_id=None,
            field="requests",
        )
    return out


def join_encoded_requests(encoded: list[bytes]) -> bytes:
    """The create body for requests already encoded one by one (the chunker's path)."""
    return _BODY_PREFIX + b",".join(encoded) + _BODY_SUFFIX


def encoded_body_size(encoded_sizes_total: int, count: int) -> int:
    """Exact size of ``join_encoded_requests`` for ``count`` parts totalling the given bytes."""
    return len(_BODY_PREFIX) + len(_BODY_SUFFIX) + encoded_sizes_total + max(count - 1, 0)


def encode_create_body(
    requests: Iterable[object], extra_body: Optional[Mapping[str, object]] = None
) -> tuple[bytes, int]:
    """Validate ``requests`` and serialize the create body once; return (bytes, count)."""
    normalized = validate_requests(requests)
    body: dict[str, object] = {"requests": normalized}
    if extra_body:
        body.update(extra_body)
    try:
        content = serialize_json(body)
    except Exception as exc:  # pydantic_core.PydanticSerializationError and friends
        raise _encoding_error(normalized, exc) from exc
    check_body_size(len(content))
    return content, len(normalized)


def _encoding_error(
    normalized: list[Mapping[str, Any]], exc: Exception
) -> InvalidBatchRequestError:
    """Name the first request that cannot be encoded (only on this failure path, so the
    requests are encoded one by one just once, to find it); else blame ``extra_body``."""
    fix = (
        "Params must hold only JSON values (str, int, float, bool, None, lists and dicts) "
        "and valid text (no lone surrogates)."
    )
    for index, req in enumerate(normalized):
        problem = _encoding_problem(req)
        if problem is not None:
            return _fail(
                index, req["custom_id"], "params", f"cannot be encoded as JSON ({problem})", fix
            )
    return InvalidBatchRequestError(
        f"the create body could not be encoded as JSON ({exc}); check extra_body. {fix}",
        index=None,
        custom_id=None,
        field="extra_body",
    )


def _encoding_problem(request: Mapping[str, Any]) -> Optional[str]:
    try:
        serialize_json(request)
    except Exception as exc:
        return str(exc)
    return None


def check_body_size(size: int) -> None:
    if size > MAX_BATCH_BYTES:
        raise InvalidBatchRequestError(
            f"the batch encodes to {size:,} bytes, over the API's limit of "
            f"{MAX_BATCH_BYTES:,} bytes (256 MB). Split the requests into smaller batches "
            f"(client.messages.batches.submit(...) does it for you).",
            index=None,
            custom_id=None,
            field="requests",
        )
