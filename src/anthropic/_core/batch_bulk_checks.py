"""The per-request rules of a batch, checked in one tight pass for the common shape.

    plain = plain_batch(requests, MAX_BATCH_REQUESTS)  # None: use the per-request checks

``normalize_request`` checks one request at a time and is written for the error it
raises: it accepts any mapping and iterable and names the request, the field and the
fix. Nearly every batch has one shape, though: a list of plain dicts with exactly
``{"custom_id": str, "params": dict}``, whose params hold a string ``model``, an int
``max_tokens``, a list of ``messages`` and no ``stream``. For that shape this module
checks the same rules with one plain loop (type checks and dict lookups only), then all
the ids at once with one regular expression over the ids joined.

A result other than ``None`` means exactly that ``normalize_request`` accepts every
request as it is (no rewrite, no error); on ``None`` (another
shape, or a broken rule) the caller runs the per-request checks, which find the first
problem. So this module never decides what an error says: it only lets the batches that
have none skip the slower checks.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any, NamedTuple, Optional, Sequence

__all__ = ["PlainBatch", "plain_batch"]

# An id is what batch_requests.CUSTOM_ID_PATTERN allows; no id holds "\n", so matching
# the ids joined by "\n" once is matching each of them.
_JOINED_IDS = re.compile(r"[a-zA-Z0-9_-]{1,64}(?:\n[a-zA-Z0-9_-]{1,64})*")
# The exact types compared, as ``Any``: the checkers keep the requests ``Any`` instead of
# narrowing them to ``dict[Unknown, Unknown]`` (a cast() per request would cost a call).
_DICT: Any = dict
_STR: Any = str
_INT: Any = int
_LIST: Any = list
_CUSTOM_ID = itemgetter("custom_id")
_PARAMS = itemgetter("params")


class PlainBatch(NamedTuple):
    """The requests' custom_ids and params, in order (the encoder measures them)."""

    ids: list[str]
    params: list[dict[str, Any]]


def plain_batch(requests: Sequence[Any], max_count: int) -> Optional[PlainBatch]:
    """The ids and params, if all 1 to ``max_count`` requests are plain dicts of exactly
    ``custom_id`` and ``params`` that pass every rule of ``normalize_request`` unchanged:
    a valid custom_id, a non-empty string model, an int max_tokens >= 1, a list of
    messages and no ``stream`` key. ``None`` otherwise. Uniqueness is the caller's (it
    spans every group of a batch)."""
    if not 0 < len(requests) <= max_count:
        return None
    try:
        # A plain loop of type checks and lookups on purpose (measured): it reads each
        # request once, where one builtin pass per rule reads all of them once per rule.
        for request in requests:
            if type(request) is not _DICT or len(request) != 2:
                return None
            params = request["params"]
            if type(request["custom_id"]) is not _STR or type(params) is not _DICT:
                return None
            model = params["model"]
            max_tokens = params["max_tokens"]
            if (
                type(model) is not _STR
                or not model
                or type(max_tokens) is not _INT  # not bool: the per-request check refuses it
                or max_tokens < 1
                or type(params["messages"]) is not _LIST
                or "stream" in params
            ):
                return None
    except KeyError:  # a missing key: the per-request check names it
        return None
    ids: list[str] = list(map(_CUSTOM_ID, requests))
    if _JOINED_IDS.fullmatch("\n".join(ids)) is None:
        return None
    return PlainBatch(ids, list(map(_PARAMS, requests)))
