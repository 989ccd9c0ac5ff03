"""Read and check a JSONL file of batch requests, naming the line of every mistake.

    requests, lines = parse_requests(open("requests.jsonl"), "requests.jsonl")

Each non-blank line is one request, ``{"custom_id": ..., "params": {...}}`` (or the
``{"custom_id", "method", "url", "body"}`` shape, which is normalized). Everything the
client can check locally is checked here, before anything is sent.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Tuple, cast

from .._core.batch_requests import InvalidBatchRequestError, normalize_request

__all__ = ["InputError", "parse_requests", "where"]


class InputError(Exception):
    """A local mistake in the command's input (exit code 2); the message says where."""


def where(source: str, line_number: int) -> str:
    return f"{source} line {line_number}"


_REQUEST_KEYS = frozenset({"custom_id", "params", "method", "url", "body"})


def _unknown_keys(item: object) -> List[str]:
    if not isinstance(item, dict):
        return []  # not an object: normalize_request names that mistake
    keys = cast("Dict[object, object]", item)
    return sorted(str(key) for key in keys if key not in _REQUEST_KEYS)


def parse_requests(lines: Iterable[str], source: str) -> Tuple[List[Mapping[str, Any]], List[int]]:
    """The requests, and for each the 1-based line it came from.

    Raises ``InputError`` for a line that is not JSON, a request that breaks a rule
    (custom_id format, params.model, params.max_tokens, ...), a duplicate custom_id, or a
    file with no requests at all.
    """
    requests: List[Mapping[str, Any]] = []
    line_numbers: List[int] = []
    seen: dict[str, int] = {}
    for line_number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where(source, line_number)}: not valid JSON ({exc.msg} at column "
                f"{exc.colno}). Each line must be one JSON object."
            ) from None
        unknown = _unknown_keys(item)
        if unknown:
            raise InputError(
                f"{where(source, line_number)}: unknown top-level key {unknown[0]!r} (the API "
                f"rejects it). A request line has custom_id and params (or method, url, "
                f"body); put message parameters inside params."
            )
        try:
            request = normalize_request(len(requests), item)
        except InvalidBatchRequestError as exc:
            raise InputError(f"{where(source, line_number)}: {exc}") from None
        custom_id: str = request["custom_id"]
        first = seen.setdefault(custom_id, line_number)
        if first != line_number:
            raise InputError(
                f"{where(source, line_number)}: custom_id {custom_id!r} is already used on "
                f"line {first}. Give every request a unique custom_id (results are matched "
                f"to requests by it)."
            )
        requests.append(request)
        line_numbers.append(line_number)
    if not requests:
        raise InputError(f"{source}: no requests (the file is empty or has only blank lines).")
    return requests, line_numbers


def locate(exc: InvalidBatchRequestError, source: str, line_numbers: List[int]) -> str:
    """The error's message, prefixed with the line of the request it names (if any)."""
    index = exc.index
    if index is not None and 0 <= index < len(line_numbers):
        return f"{where(source, line_numbers[index])}: {exc}"
    return f"{source}: {exc}"
