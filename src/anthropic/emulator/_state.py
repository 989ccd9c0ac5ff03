"""The batch store: every batch, its request outcomes, and the lifecycle rules.

Nothing here runs in the background. A batch stores its creation time, its processing
time and (if any) when cancel was asked; ``processing_status``, request counts,
``ended_at``, ``archived_at`` and which requests ended up ``canceled``/``expired`` are
derived from the clock each time the batch is read.

Lifecycle model (all times in integer microseconds since the epoch):

- request ``i`` of ``n`` finishes at ``created + processing * (i + 1) // n``;
- no cancel: the batch ends at ``created + processing``;
- cancel at ``t``: requests finished by ``t`` keep their result, the rest are
  ``canceled``; the batch is ``canceling`` until ``t + cancel_time``, then ``ended``;
- whatever has not finished 24 h after creation is ``expired`` and the batch ends then;
- 29 days after creation ``archived_at`` is set and the results are gone (freed).

Outcomes (``succeeded``/``errored`` and the encoded JSONL line) are computed once, at
create, and kept as one bytes blob with line offsets; canceled/expired lines are
generated while streaming. Memory is therefore about the size of the results.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left, bisect_right, insort
from typing import Any, Dict, Iterator, List, Optional, Tuple

from ._clock import Clock
from ._wire import HttpError, IdFactory, micros, rfc3339

__all__ = ["CHUNK_SIZE", "BatchStore", "StoredBatch"]

CHUNK_SIZE = 64 * 1024
EXPIRES_AFTER = 24 * 3600 * 1_000_000
ARCHIVED_AFTER = 29 * 24 * 3600 * 1_000_000
ERRORED = 1  # kind byte for an errored request (0 = succeeded)


class StoredBatch:
    """One batch. Immutable after insert except ``cancel_at`` and the freed results."""

    __slots__ = (
        "blob",
        "cancel_at",
        "cancel_time",
        "created",
        "created_at",
        "custom_ids",
        "expires_at",
        "id",
        "kinds",
        "n",
        "offsets",
        "processing",
        "seq",
    )

    def __init__(
        self,
        id: str,
        seq: int,
        created: int,
        processing: int,
        cancel_time: int,
        custom_ids: List[str],
        kinds: bytearray,
        blob: bytearray,
        offsets: array[int],
    ) -> None:
        self.id = id
        self.seq = seq
        self.created = created
        self.processing = processing
        self.cancel_time = cancel_time
        self.cancel_at: Optional[int] = None
        self.n = len(custom_ids)
        # Rendered on every read: format the fixed timestamps once.
        self.created_at = rfc3339(created)
        self.expires_at = rfc3339(created + EXPIRES_AFTER)
        self.custom_ids = custom_ids
        self.kinds = kinds
        # Every result line, newline-terminated, back to back; line i is
        # blob[offsets[i]:offsets[i + 1]]. Read-only once stored.
        self.blob: Optional[bytearray] = blob
        self.offsets = offsets

    def ended_at(self) -> int:
        expiry = self.created + EXPIRES_AFTER
        if self.cancel_at is not None:
            return min(self.cancel_at + self.cancel_time, expiry)
        return min(self.created + self.processing, expiry)

    def finished(self) -> int:
        """How many requests (a prefix, in index order) got a real result."""
        cutoff = self.cancel_at if self.cancel_at is not None else self.ended_at()
        elapsed = min(cutoff, self.created + EXPIRES_AFTER) - self.created
        p, n = self.processing, self.n
        if p <= 0:
            return n
        # Largest k with p * k // n <= elapsed, i.e. p * k < (elapsed + 1) * n.
        return max(0, min(n, ((elapsed + 1) * n + p - 1) // p - 1))

    def render(self, now: int, host: str, fresh: bool = False) -> Dict[str, Any]:
        """The MessageBatch JSON object at time ``now``.

        ``fresh`` renders the answer to the call that just acted (create, cancel): the
        API answers those with ``in_progress``/``canceling`` even if processing is
        instant, so ``processing_time=0`` still looks like the real thing.
        """
        end = self.ended_at()
        ended = now >= end and not fresh
        counts = {"processing": self.n, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0}
        if ended:
            k = self.finished()
            errored = self.kinds.count(ERRORED, 0, k)
            unfinished = "canceled" if self.cancel_at is not None else "expired"
            counts.update(processing=0, succeeded=k - errored, errored=errored)
            counts[unfinished] = self.n - k
            status = "ended"
        else:
            status = "in_progress" if self.cancel_at is None else "canceling"
        archive = self.created + ARCHIVED_AFTER
        return {
            "id": self.id,
            "type": "message_batch",
            "processing_status": status,
            "request_counts": counts,
            "ended_at": rfc3339(end) if ended else None,
            "created_at": self.created_at,
            "expires_at": self.expires_at,
            "archived_at": rfc3339(archive) if now >= archive else None,
            "cancel_initiated_at": None if self.cancel_at is None else rfc3339(self.cancel_at),
            "results_url": f"{host}/v1/messages/batches/{self.id}/results" if ended else None,
        }


def _not_found(batch_id: str) -> HttpError:
    return HttpError(404, "not_found_error", f"No message batch found with id '{batch_id}'.")


def _stream(blob: bytearray, upto: int, tail: List[str], tail_type: bytes) -> Iterator[bytes]:
    view = memoryview(blob)
    for start in range(0, upto, CHUNK_SIZE):
        yield bytes(view[start : min(upto, start + CHUNK_SIZE)])
    view.release()
    suffix = b'","result":{"type":"' + tail_type + b'"}}\n'
    parts: List[bytes] = []
    size = 0
    for custom_id in tail:  # custom ids are [a-zA-Z0-9_-]: no JSON escaping needed
        line = b'{"custom_id":"' + custom_id.encode() + suffix
        parts.append(line)
        size += len(line)
        if size >= CHUNK_SIZE:
            yield b"".join(parts)
            parts, size = [], 0
    if parts:
        yield b"".join(parts)


class BatchStore:
    """All batches, behind one lock. Methods return JSON-ready objects or raise HttpError."""

    def __init__(self, clock: Clock, ids: IdFactory) -> None:
        self.clock = clock
        self.ids = ids
        self.lock = threading.Lock()
        self._batches: Dict[str, StoredBatch] = {}
        self._seqs: List[int] = []  # ascending creation order of live batches
        self._order: Dict[int, str] = {}  # seq -> id
        self._next_seq = 1

    def now(self) -> int:
        return micros(self.clock.now())

    def __len__(self) -> int:
        return len(self._batches)

    def reserve(self) -> Tuple[str, int, int]:
        """A new (batch id, sequence number, creation time) for a create in progress."""
        with self.lock:
            seq = self._next_seq
            self._next_seq += 1
            return self.ids.batch_id(seq), seq, self.now()

    def insert(self, batch: StoredBatch, host: str) -> Dict[str, Any]:
        with self.lock:
            self._batches[batch.id] = batch
            self._order[batch.seq] = batch.id
            insort(self._seqs, batch.seq)
            return batch.render(self.now(), host, fresh=True)

    def _get(self, batch_id: str) -> StoredBatch:
        batch = self._batches.get(batch_id)
        if batch is None:
            raise _not_found(batch_id)
        return batch

    def age(self, batch_id: str) -> Optional[float]:
        """Seconds since the batch was created, or None if there is no such batch."""
        with self.lock:
            batch = self._batches.get(batch_id)
            return None if batch is None else (self.now() - batch.created) / 1e6

    def retrieve(self, batch_id: str, host: str) -> Dict[str, Any]:
        with self.lock:
            return self._get(batch_id).render(self.now(), host)

    def cancel(self, batch_id: str, host: str) -> Dict[str, Any]:
        with self.lock:
            batch, now = self._get(batch_id), self.now()
            if batch.cancel_at is not None or now >= batch.ended_at():
                return batch.render(now, host)  # canceling again or ended: a no-op
            batch.cancel_at = now
            return batch.render(now, host, fresh=True)

    def delete(self, batch_id: str) -> Dict[str, Any]:
        with self.lock:
            batch = self._get(batch_id)
            if self.now() < batch.ended_at():
                raise HttpError(
                    400,
                    "invalid_request_error",
                    f"Message batch '{batch_id}' cannot be deleted while it is processing; "
                    "cancel it and wait until processing_status is 'ended'.",
                )
            del self._batches[batch_id]
            del self._order[batch.seq]
            del self._seqs[bisect_left(self._seqs, batch.seq)]
            return {"id": batch_id, "type": "message_batch_deleted"}

    def results(self, batch_id: str) -> Iterator[bytes]:
        with self.lock:
            batch, now = self._get(batch_id), self.now()
            if now < batch.ended_at():
                raise HttpError(
                    400,
                    "invalid_request_error",
                    f"Message batch '{batch_id}' has not finished processing; results are "
                    "available once processing_status is 'ended'.",
                )
            if now >= batch.created + ARCHIVED_AFTER:
                batch.blob = None  # archived: results are gone for good
            if batch.blob is None:
                raise HttpError(
                    404,
                    "not_found_error",
                    f"Results for message batch '{batch_id}' are no longer available; "
                    "results are kept for 29 days after creation.",
                )
            k = batch.finished()
            tail_type = b"canceled" if batch.cancel_at is not None else b"expired"
            return _stream(batch.blob, batch.offsets[k], batch.custom_ids[k:], tail_type)

    def list(
        self,
        host: str,
        limit: int,
        after_id: Optional[str],
        before_id: Optional[str],
    ) -> Dict[str, Any]:
        """A page, newest first. ``after_id`` pages to older batches, ``before_id`` to newer."""
        with self.lock:
            seqs, now = self._seqs, self.now()
            if before_id is not None:
                lo = bisect_right(seqs, _cursor("before_id", before_id))
                hi = min(len(seqs), lo + limit)
                has_more = hi < len(seqs)
            else:
                hi = (
                    len(seqs)
                    if after_id is None
                    else bisect_left(seqs, _cursor("after_id", after_id))
                )
                lo = max(0, hi - limit)
                has_more = lo > 0
            data = [self._batches[self._order[s]].render(now, host) for s in reversed(seqs[lo:hi])]
        return {
            "data": data,
            "has_more": has_more,
            "first_id": data[0]["id"] if data else None,
            "last_id": data[-1]["id"] if data else None,
        }


def _cursor(name: str, value: str) -> int:
    seq = IdFactory.seq_of(value)
    if seq is None:
        raise HttpError(
            400, "invalid_request_error", f"{name}: {value!r} is not a message batch id"
        )
    return seq
