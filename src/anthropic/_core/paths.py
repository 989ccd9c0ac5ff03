"""Validate and percent-encode path parameters, so an id can never change the path.

batch_path("msgbatch_01")          -> "/v1/messages/batches/msgbatch_01"
encode_path_param("id", "a/../b")  -> "a%2F..%2Fb"
encode_path_param("id", "")        -> ValueError naming the parameter
"""

from __future__ import annotations

from urllib.parse import quote

__all__ = ["BATCHES_PATH", "batch_path", "encode_path_param"]

BATCHES_PATH = "/v1/messages/batches"


def encode_path_param(name: str, value: object) -> str:
    """Return ``value`` percent-encoded as one path segment, or raise ``ValueError``.

    Every reserved character (``/ ? # % &`` ...), space and control character is encoded;
    ``.`` and ``..`` are rejected because URL normalization would turn them into a move
    up the path rather than an id.
    """
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a string such as 'msgbatch_...', got {type(value).__name__}"
        )
    if not value:
        raise ValueError(f"{name} must be a non-empty string such as 'msgbatch_...', got ''")
    if value in (".", ".."):
        raise ValueError(f"{name} cannot be {value!r}: pass the batch id, e.g. 'msgbatch_...'")
    if value.isascii() and (value.isalnum() or _is_plain_id(value)):
        return value
    return quote(value, safe="")


def _is_plain_id(value: str) -> bool:
    # The fast path for real ids ("msgbatch_01Hk..."): only unreserved characters.
    return all(c.isalnum() or c in "_-" for c in value)


def batch_path(message_batch_id: str, suffix: str = "") -> str:
    """The path of one batch (plus ``/cancel`` or ``/results``), with the id encoded."""
    return f"{BATCHES_PATH}/{encode_path_param('message_batch_id', message_batch_id)}{suffix}"
