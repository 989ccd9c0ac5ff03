"""The pure core of ``submit``: validate, encode once, and cut the stream into batches.

    chunker = Chunker(max_requests=100_000, max_bytes=DEFAULT_MAX_BYTES_PER_BATCH)
    for index, item in enumerate(requests):
        full = chunker.add(*encode_request(index, item))   # a Chunk to send, or None
        if full: create(full.body(), full.count)
    last = chunker.finish()

Sizes are measured on the exact bytes that will be sent: each request is serialized once
with ``encode_checked`` (pydantic-core; NaN/Infinity refused with their path) and the batch
body is ``join_encoded_requests(parts)``, whose size ``encoded_body_size`` predicts exactly.
The chunker holds at most one batch's parts. It also enforces custom_id uniqueness across
every chunk (the job is one namespace, so results of different batches can be joined back
without ambiguity).
"""

from __future__ import annotations

from typing import Optional

from .._core.batch_requests import (
    MAX_BATCH_BYTES,
    MAX_BATCH_REQUESTS,
    InvalidBatchRequestError,
    bad_value,
    encoded_body_size,
    join_encoded_requests,
    normalize_request,
)
from .._core.json_body import NonFiniteNumber, Unencodable, encode_checked

__all__ = [
    "BYTES_MARGIN",
    "DEFAULT_MAX_BYTES_PER_BATCH",
    "Chunk",
    "Chunker",
    "encode_request",
]

BYTES_MARGIN = 1024 * 1024
"""Head-room below the API's 256 MB limit (1 MiB), for any difference in how it counts."""

DEFAULT_MAX_BYTES_PER_BATCH = MAX_BATCH_BYTES - BYTES_MARGIN


class Chunk:
    """One batch to create: the encoded requests and the index of the first one."""

    __slots__ = ("parts", "size", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self.parts: list[bytes] = []
        self.size = 0  # sum of len(part)

    @property
    def count(self) -> int:
        return len(self.parts)

    def body(self) -> bytes:
        """The create body, without re-serializing anything."""
        return join_encoded_requests(self.parts)


def encode_request(index: int, item: object) -> tuple[int, str, bytes]:
    """(index, custom_id, the request's JSON bytes); ``InvalidBatchRequestError`` if bad."""
    request = normalize_request(index, item)
    custom_id: str = request["custom_id"]
    try:
        return index, custom_id, encode_checked(request)
    except NonFiniteNumber as exc:  # NaN / Infinity: named by its path, e.g. params.temperature
        raise bad_value(index, custom_id, exc) from None
    except Unencodable as exc:
        raise bad_value(index, custom_id, Unencodable("params", exc.reason)) from None


def check_limits(max_requests: int, max_bytes: int) -> None:
    if isinstance(max_requests, bool) or not 1 <= max_requests <= MAX_BATCH_REQUESTS:
        raise ValueError(
            f"max_requests_per_batch must be 1 to {MAX_BATCH_REQUESTS:,}, got {max_requests!r}"
        )
    smallest = encoded_body_size(2, 1)
    if isinstance(max_bytes, bool) or not smallest <= max_bytes <= MAX_BATCH_BYTES:
        raise ValueError(
            f"max_bytes_per_batch must be {smallest} to {MAX_BATCH_BYTES:,}, got {max_bytes!r}"
        )


class Chunker:
    """Accumulates encoded requests; ``add`` hands back a full chunk when the next request
    would push the current one over either limit."""

    def __init__(self, *, max_requests: int, max_bytes: int) -> None:
        check_limits(max_requests, max_bytes)
        self.max_requests = max_requests
        self.max_bytes = max_bytes
        self.seen: dict[str, int] = {}
        self._current: Optional[Chunk] = None

    def check(self, index: int, custom_id: str, encoded: bytes) -> None:
        """Raise for a request that can never be sent (duplicate id, too large alone)."""
        first = self.seen.get(custom_id)
        if first is not None:
            raise InvalidBatchRequestError(
                f"requests[{index}] (custom_id {custom_id!r}): custom_id duplicates the "
                f"custom_id of requests[{first}]. Give every request of a job a unique "
                f"custom_id (results are matched back to requests by it).",
                index=index,
                custom_id=custom_id,
                field="custom_id",
            )
        alone = encoded_body_size(len(encoded), 1)
        if alone > self.max_bytes:
            raise InvalidBatchRequestError(
                f"requests[{index}] (custom_id {custom_id!r}) encodes to {len(encoded):,} "
                f"bytes, so no batch can hold it (a batch may be at most {self.max_bytes:,} "
                f"bytes here). Shorten its params (e.g. move large documents out).",
                index=index,
                custom_id=custom_id,
                field="request",
            )

    def add(self, index: int, custom_id: str, encoded: bytes) -> Optional[Chunk]:
        self.check(index, custom_id, encoded)
        self.seen[custom_id] = index
        full: Optional[Chunk] = None
        current = self._current
        if current is not None and (
            current.count >= self.max_requests
            or encoded_body_size(current.size + len(encoded), current.count + 1) > self.max_bytes
        ):
            full, current = current, None
        if current is None:
            current = self._current = Chunk(index)
        current.parts.append(encoded)
        current.size += len(encoded)
        return full

    def finish(self) -> Optional[Chunk]:
        """The last, partly filled chunk (``None`` if nothing was added since)."""
        last, self._current = self._current, None
        return last
