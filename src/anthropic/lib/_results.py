"""Working with result lines: retry what is worth retrying, join to inputs, unwrap.

retry = retryable_requests(job.results(), requests)     # ready for the next submit
for request, entry in join_results(requests, results): ...
message = unwrap(entry)           # the Message, or BatchResultError(custom_id, ...)
"""

from __future__ import annotations

from typing import (
    Any,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Tuple,
    TypeVar,
    Union,
    cast,
)

from typing_extensions import TypeIs

from ..types.message import Message
from ..types.messages import MessageBatchIndividualResponse
from ._summary import error_type_of

__all__ = ["RETRYABLE_ERROR_TYPES", "join_results", "retryable_requests", "unwrap"]

RETRYABLE_ERROR_TYPES = frozenset(
    {"api_error", "overloaded_error", "rate_limit_error", "timeout_error"}
)
"""Errored results caused on the server side: the same request may succeed next time.
``invalid_request_error`` (fix the request) and the auth/billing/permission errors
(fix the account) are never retried; nor are error types newer than this SDK."""

_R = TypeVar("_R")
Requests = Union[Iterable[_R], Mapping[str, _R]]


def should_retry(entry: MessageBatchIndividualResponse, *, include_canceled: bool = False) -> bool:
    """Expired, errored with a server-side error type, or (optionally) canceled.

    A line without a string ``custom_id`` (which could not be matched to a request) or
    whose ``result`` has no ``type`` is never retried."""
    if not isinstance(getattr(entry, "custom_id", None), str):
        return False
    kind: object = getattr(getattr(entry, "result", None), "type", None)
    if kind == "expired":
        return True
    if kind == "canceled":
        return include_canceled
    return kind == "errored" and error_type_of(entry) in RETRYABLE_ERROR_TYPES


def _is_mapping(value: object) -> TypeIs[Mapping[object, object]]:
    return isinstance(value, Mapping)


def _custom_id(request: object) -> str:
    custom_id = request.get("custom_id") if _is_mapping(request) else None
    if not isinstance(custom_id, str):
        raise ValueError(f"every request needs a custom_id string, got {request!r:.80}")
    return custom_id


def _as_mapping(requests: Requests[_R]) -> Optional[Mapping[str, _R]]:
    if isinstance(requests, Mapping):
        return cast("Mapping[str, _R]", requests)
    return None


def _index(requests: Requests[_R]) -> Dict[str, _R]:
    mapping = _as_mapping(requests)
    if mapping is not None:
        return dict(mapping)
    return {_custom_id(request): request for request in cast("Iterable[_R]", requests)}


def retryable_requests(
    results: Iterable[MessageBatchIndividualResponse],
    requests: Requests[_R],
    *,
    include_canceled: bool = False,
) -> List[_R]:
    """The original requests worth sending again, in the order of ``requests``.

    ``requests``: the requests as submitted (an iterable), or a mapping custom_id ->
    request. A request is worth retrying if it expired, or errored with a server-side
    error type (``RETRYABLE_ERROR_TYPES``); canceled ones with ``include_canceled``.
    Raises ``ValueError`` naming custom_ids to retry that ``requests`` does not hold
    (rather than silently dropping them).
    """
    # should_retry is false for a line whose custom_id is not a string
    wanted = {e.custom_id for e in results if should_retry(e, include_canceled=include_canceled)}
    if not wanted:
        return []
    mapping = _as_mapping(requests)
    picked: List[_R] = []
    if mapping is not None:
        absent = sorted(wanted.difference(mapping))
        picked = [mapping[c] for c in mapping if c in wanted]
    else:
        for request in cast("Iterable[_R]", requests):
            custom_id = _custom_id(request)
            if custom_id in wanted:
                picked.append(request)
                wanted.discard(custom_id)
        absent = sorted(wanted)
    if absent:
        raise ValueError(
            f"{len(absent)} results to retry have no matching request (custom_ids "
            f"{absent[:5]}{'...' if len(absent) > 5 else ''}): pass every submitted request"
        )
    return picked


def join_results(
    requests: Requests[_R],
    results: Iterable[MessageBatchIndividualResponse],
) -> Iterator[Tuple[_R, Optional[MessageBatchIndividualResponse]]]:
    """Pair each request with its result by custom_id.

    Yields ``(request, result)`` as results stream in (results come in any order), then
    ``(request, None)`` for each request without a result, in request order. The requests
    are indexed in memory, the results are not. A result whose custom_id matches no
    request raises ``ValueError`` (it belongs to some other job).
    """
    pending = _index(requests)
    for entry in results:
        custom_id: object = getattr(entry, "custom_id", None)
        if not isinstance(custom_id, str):
            raise ValueError(f"a result has no custom_id string (got {custom_id!r:.80})")
        request = pending.pop(custom_id, _MISSING)
        if request is _MISSING:
            raise ValueError(f"result {custom_id!r} matches no request (or was already joined)")
        yield request, entry
    for request in pending.values():
        yield request, None


_MISSING: Any = object()


def unwrap(entry: MessageBatchIndividualResponse) -> Message:
    """The message of a succeeded result, else ``BatchResultError`` carrying
    ``custom_id``, ``result_type`` and (for errored results) ``error_type``
    (the same as ``entry.unwrap()``)."""
    return entry.unwrap()
