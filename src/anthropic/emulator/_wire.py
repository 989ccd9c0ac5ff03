"""Wire-format helpers: JSON encoding, RFC 3339 timestamps, ids and error bodies.

Everything here is written from the emulator's own state and the shapes of the golden
wire fixtures (kept in ``tests/fixtures``); nothing imports the SDK's response models.
"""

from __future__ import annotations

import itertools
import json
import random
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
    "CONTENT_JSON",
    "CONTENT_JSONL",
    "HttpError",
    "IdFactory",
    "dumps",
    "error_body",
    "micros",
    "rfc3339",
]

RawHeaders = List[Tuple[bytes, bytes]]

CONTENT_JSON = (b"content-type", b"application/json")
CONTENT_JSONL = (b"content-type", b"application/x-jsonl")

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

# One encoder, built once: compact separators, UTF-8 kept as is.
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def dumps(obj: Any) -> bytes:
    """Compact JSON bytes (the same separators the real API uses)."""
    return _encode(obj).encode()


def micros(seconds: float) -> int:
    """Seconds since the epoch as whole microseconds (the emulator's unit of time)."""
    return round(seconds * 1_000_000)


def rfc3339(us: int) -> str:
    """``2024-09-24T18:37:24.100435Z`` from microseconds since the epoch."""
    return (_EPOCH + timedelta(microseconds=us)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def b62(n: int, width: int) -> str:
    """``n`` in base 62, left-padded with ``0`` to ``width`` characters."""
    out: List[str] = []
    while n:
        n, r = divmod(n, 62)
        out.append(_B62[r])
    return "".join(reversed(out)).rjust(width, "0")


class IdFactory:
    """Makes ``msgbatch_…`` and ``req_…`` ids: unique per emulator, reproducible per seed.

    A batch id carries its creation sequence number in fixed-width base 62 right after
    the ``01`` prefix, followed by seeded random characters. Sequence numbers are what
    list pagination orders by, so a cursor keeps working after its batch was deleted.
    """

    SEQ_WIDTH = 7

    def __init__(self, seed: Optional[int]) -> None:
        self._rng = random.Random(seed)
        self._req_prefix = self._random(10)
        self._req_counter = itertools.count(1)  # next() is atomic under the GIL

    def _random(self, k: int) -> str:
        return "".join(self._rng.choices(_B62, k=k))

    def batch_id(self, seq: int) -> str:
        # Callers hold the state lock, so the shared Random is not raced.
        return "msgbatch_01" + b62(seq, self.SEQ_WIDTH) + self._random(15)

    @classmethod
    def seq_of(cls, batch_id: str) -> Optional[int]:
        """The sequence number inside one of our batch ids, or None if it is not one."""
        body = batch_id[len("msgbatch_01") :]
        if not batch_id.startswith("msgbatch_01") or len(body) != cls.SEQ_WIDTH + 15:
            return None
        n = 0
        for ch in body[: cls.SEQ_WIDTH]:
            i = _B62.find(ch)
            if i < 0:
                return None
            n = n * 62 + i
        return n

    def request_id(self) -> str:
        return "req_01" + self._req_prefix + b62(next(self._req_counter), 12)


class HttpError(Exception):
    """An error response the handler should send: status, API error type, message."""

    def __init__(
        self,
        status: int,
        type: str,
        message: str,
        headers: Optional[RawHeaders] = None,
    ) -> None:
        super().__init__(f"{status} {type}: {message}")
        self.status = status
        self.type = type
        self.message = message
        self.headers: RawHeaders = headers or []


def error_body(type: str, message: str, request_id: Optional[str]) -> bytes:
    """``{"type": "error", "error": {"type", "message"}, "request_id"}`` as bytes."""
    body: Dict[str, Any] = {
        "type": "error",
        "error": {"type": type, "message": message},
        "request_id": request_id,
    }
    return dumps(body)
