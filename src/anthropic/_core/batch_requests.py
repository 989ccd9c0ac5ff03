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
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence, Union, cast

from .._exceptions import AnthropicError
from .batch_bulk_checks import PlainBatch, plain_batch
from .body_writer import GROUP_ITEMS, BodyWriter
from .group_floor import Floor, dicts_floor
from .json_body import BadValue, BodyTooLarge, NonFiniteNumber, Unencodable, encode_checked

__all__ = [
    "CUSTOM_ID_PATTERN",
    "MAX_BATCH_BYTES",
    "MAX_BATCH_REQUESTS",
    "InvalidBatchRequestError",
    "bad_value",
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
    if type(item) is not dict and not isinstance(item, Mapping):  # fast path: a dict
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
    if type(params) is not dict and not isinstance(params, Mapping):
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
    if type(messages) is not list and (
        _is_scalar_or_mapping(messages) or not isinstance(messages, Iterable)
    ):
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
    seen: dict[str, int] = {}
    out = [_check_one(index, item, seen) for index, item in enumerate(requests)]
    if not out:
        raise InvalidBatchRequestError(
            "requests is empty: a batch needs at least one request.",
            index=None,
            custom_id=None,
            field="requests",
        )
    return out


def _check_one(index: int, item: object, seen: dict[str, int]) -> Mapping[str, Any]:
    """``normalize_request``, then uniqueness (``seen``: id -> first index) and the count."""
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
    if index >= MAX_BATCH_REQUESTS:
        raise InvalidBatchRequestError(
            f"requests has more than {MAX_BATCH_REQUESTS:,} items, the most one batch "
            f"holds. Split them (client.messages.batches.submit(...) does it for you).",
            index=index,
            custom_id=custom_id,
            field="requests",
        )
    return req


def join_encoded_requests(encoded: list[bytes]) -> bytes:
    """The create body for requests already encoded one by one (the chunker's path)."""
    return _BODY_PREFIX + b",".join(encoded) + _BODY_SUFFIX


def encoded_body_size(encoded_sizes_total: int, count: int) -> int:
    """Exact size of ``join_encoded_requests`` for ``count`` parts totalling the given bytes."""
    return len(_BODY_PREFIX) + len(_BODY_SUFFIX) + encoded_sizes_total + max(count - 1, 0)


def encode_create_body(
    requests: Iterable[object],
    extra_body: Optional[Mapping[str, object]] = None,
    *,
    max_bytes: Optional[int] = None,
) -> tuple[bytes, int]:
    """Validate ``requests`` and serialize the create body once; return (bytes, count).

    Memory: the body is written into one growing buffer from small pieces (``json_body``),
    so a body of N bytes needs about 1.1 x N besides the requests themselves, however the
    bytes are spread over the requests. Size: ``max_bytes`` (default ``MAX_BATCH_BYTES``,
    the API's 256 MB) is checked while writing; a request is refused before it is encoded
    when the bytes so far plus a lower bound of its size already pass the limit, so an
    over-limit body is never built. Numbers: NaN and Infinity are refused with the
    request's index, custom_id and field (JSON has no such numbers).

    Every request is checked before any encoding error is reported, so a batch with
    several problems always gets the same error, whichever order the work is done in.
    """
    limit = MAX_BATCH_BYTES if max_bytes is None else max_bytes
    if extra_body and "requests" in extra_body:  # the caller replaces the requests wholesale
        normalized = validate_requests(requests)
        return _encode_whole(normalized, extra_body, limit), len(normalized)
    if isinstance(requests, (list, tuple)):
        items = cast("Sequence[object]", requests)
        if 0 < len(items) <= MAX_BATCH_REQUESTS:
            return _encode_in_groups(items, extra_body or {}, limit), len(items)
    normalized = validate_requests(requests)
    writer = BodyWriter(limit, _BODY_PREFIX, _BODY_SUFFIX)
    try:
        writer.add_all(normalized)
        return writer.finish(extra_body or {}), len(normalized)
    except (BodyTooLarge, BadValue) as exc:
        raise _encoding_error(exc, normalized, limit) from None


def _encode_in_groups(items: Sequence[object], extra: Mapping[str, object], limit: int) -> bytes:
    """``encode_create_body`` for a list: each group of requests is checked, then encoded
    while it is still in the CPU's cache (measured: a third less time than checking all,
    then encoding all). A group of the common shape is checked in one pass
    (``plain_batch``), any other request by ``normalize_request``. An encoding failure
    waits until every request is checked, so the error is the one checking first gives."""
    writer: Optional[BodyWriter] = BodyWriter(limit, _BODY_PREFIX, _BODY_SUFFIX)
    ids: set[str] = set()
    first_index: Optional[dict[str, int]] = None  # for _check_one, made when first needed
    normalized: list[Mapping[str, Any]] = []
    failure: Optional[Union[BodyTooLarge, BadValue]] = None
    for start in range(0, len(items), GROUP_ITEMS):
        group = items[start : start + GROUP_ITEMS]
        plain = plain_batch(group, GROUP_ITEMS)
        measure: Optional[Callable[[int, int, int], Optional[Floor]]] = None
        known = len(ids)
        if plain is not None:
            ids.update(plain.ids)
        if plain is not None and len(ids) == known + len(group):  # all new, all different
            checked = cast("list[Mapping[str, Any]]", group)
            if first_index is not None:
                first_index.update(zip(plain.ids, range(start, start + len(group))))
            measure = _plain_measure(plain)
        else:  # per request; a repeated id (the only fault a plain group can have) raises
            if first_index is None:
                first_index = {req["custom_id"]: i for i, req in enumerate(normalized)}
            checked = [_check_one(start + i, item, first_index) for i, item in enumerate(group)]
            ids.update(req["custom_id"] for req in checked)
        normalized += checked
        if writer is not None:
            try:
                final = start + GROUP_ITEMS >= len(items)
                writer.add_all(checked, start, measure, final=final)
            except (BodyTooLarge, BadValue) as exc:
                # Raised once the rest is checked; the buffer goes now (the traceback
                # would keep the writer's frame alive).
                failure, writer = exc.with_traceback(None), None
    try:
        if writer is None:
            raise cast("Union[BodyTooLarge, BadValue]", failure)
        return writer.finish(extra)
    except (BodyTooLarge, BadValue) as exc:
        raise _encoding_error(exc, normalized, limit) from None


def _encoding_error(
    exc: Union[BodyTooLarge, BadValue], normalized: list[Mapping[str, Any]], limit: int
) -> InvalidBatchRequestError:
    if isinstance(exc, BodyTooLarge):
        return _too_large(exc, normalized, limit)
    if exc.index is None:
        return InvalidBatchRequestError(
            f"extra_body: {exc.cause} cannot be sent as JSON. Pass only finite numbers "
            f"and JSON values in extra_body.",
            index=None,
            custom_id=None,
            field="extra_body",
        )
    return bad_value(exc.index, normalized[exc.index]["custom_id"], exc.cause)


def _plain_measure(plain: PlainBatch) -> Callable[[int, int, int], Optional[Floor]]:
    """``BodyWriter.add_all``'s measure for requests of exactly ``{custom_id, params}``:
    each counts 4 (its dict, 2 items, the id) plus the id's characters plus its params'
    floor; the request dicts themselves need no walk."""

    def measure(start: int, stop: int, cap: int) -> Optional[Floor]:
        params = dicts_floor(plain.params[start:stop], cap)
        if params is None:
            return None
        ids = sum(map(len, plain.ids[start:stop]))
        return Floor(params.size + 4 * (stop - start) + ids, params.finite)

    return measure


def bad_value(
    index: int, custom_id: str, exc: Union[NonFiniteNumber, Unencodable]
) -> InvalidBatchRequestError:
    if isinstance(exc, NonFiniteNumber):
        return _fail(
            index,
            custom_id,
            exc.path,
            f"is {exc.value!r}, which JSON cannot carry (the API would refuse the batch)",
            "Send a finite number, or leave the field out.",
        )
    return _fail(
        index,
        custom_id,
        exc.path,
        f"cannot be encoded as JSON ({exc.reason})",
        "Params must hold only JSON values (str, int, float, bool, None, lists and dicts) "
        "and valid text (no lone surrogates).",
    )


def _too_large(
    exc: BodyTooLarge, normalized: list[Mapping[str, Any]], limit: int
) -> InvalidBatchRequestError:
    fix = (
        "Split the requests into smaller batches "
        "(client.messages.batches.submit(...) does it for you)."
    )
    over = f"over the API's limit of {limit:,} bytes" + (
        " (256 MB)" if limit == MAX_BATCH_BYTES else ""
    )
    if exc.exact or exc.index is None:
        message = f"the batch encodes to {exc.size:,} bytes, {over}. {fix}"
        return InvalidBatchRequestError(message, index=None, custom_id=None, field="requests")
    custom_id: str = normalized[exc.index]["custom_id"]
    if exc.alone:
        return _fail(
            exc.index,
            custom_id,
            "request",
            f"alone encodes to at least {exc.size:,} bytes, {over}",
            "Shorten its params (e.g. move large documents out of the batch).",
        )
    return InvalidBatchRequestError(
        f"the batch encodes to at least {exc.size:,} bytes, {over}: refused at requests"
        f"[{exc.index}] (custom_id {custom_id!r}), before the rest was encoded. {fix}",
        index=None,
        custom_id=None,
        field="requests",
    )


def _encode_whole(
    normalized: list[Mapping[str, Any]], extra_body: Mapping[str, object], limit: int
) -> bytes:
    body: dict[str, object] = {"requests": normalized}
    body.update(extra_body)
    try:
        content = encode_checked(body)
    except (NonFiniteNumber, Unencodable) as exc:
        raise InvalidBatchRequestError(
            f"extra_body: {exc} cannot be sent as JSON.",
            index=None,
            custom_id=None,
            field="extra_body",
        ) from None
    check_body_size(len(content), limit)
    return content


def check_body_size(size: int, limit: Optional[int] = None) -> None:
    limit = MAX_BATCH_BYTES if limit is None else limit
    if size > limit:
        raise InvalidBatchRequestError(
            f"the batch encodes to {size:,} bytes, over the API's limit of "
            f"{limit:,} bytes (256 MB). Split the requests into smaller batches "
            f"(client.messages.batches.submit(...) does it for you).",
            index=None,
            custom_id=None,
            field="requests",
        )
