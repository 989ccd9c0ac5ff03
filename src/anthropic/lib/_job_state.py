"""The pure half of a job handle: what it remembers, its JSON form, combined progress.

state = JobState(["msgbatch_a", "msgbatch_b"], [100_000, 42])
JobState.from_json(state.to_json()) == state
progress = JobProgress.of(batches)          # counts summed over every batch
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union, cast

from ..types.messages import MessageBatch
from ..types.messages.message_batch_request_counts import readable_counts

__all__ = ["JOB_FORMAT", "JobProgress", "JobSource", "JobState"]

JOB_FORMAT = "anthropic.batch_job"
_VERSION = 1

JobSource = Union[str, "os.PathLike[str]", Sequence[str]]
"""What resumes a job: batch ids, the JSON of ``job.to_json()``, or a saved file's path."""


class JobProgress:
    """Combined state of a job's batches (from their last retrieve).

    ``counts``: requests per status summed over batches (``processing``, ``succeeded``,
    ``errored``, ``canceled``, ``expired``, and any newer status); ``total``: requests;
    ``statuses``: batches per ``processing_status``; ``ended_batches`` of ``batch_count``;
    ``done``: every batch ended; ``elapsed``: seconds since the wait started (``0.0``
    outside a wait). What ``job.wait(on_progress=...)`` passes once per poll round. A
    leniently parsed batch whose ``processing_status`` is not a string counts under
    ``"unknown"``; one whose ``request_counts`` cannot be read adds no counts; a batch
    not retrieved yet counts in ``batch_count`` only.
    """

    __slots__ = ("batch_count", "counts", "elapsed", "ended_batches", "statuses", "total")

    def __init__(
        self,
        counts: Dict[str, int],
        statuses: Dict[str, int],
        batch_count: int,
        elapsed: float = 0.0,
    ):
        self.counts = counts
        self.statuses = statuses
        self.batch_count = batch_count
        self.elapsed = elapsed
        self.total = sum(counts.values())
        self.ended_batches = statuses.get("ended", 0)

    @classmethod
    def of(
        cls,
        batches: Iterable[Optional[MessageBatch]],
        *,
        elapsed: float = 0.0,
    ) -> JobProgress:
        """Combine ``batches`` (``None``: a batch not retrieved yet)."""
        counts: Dict[str, int] = {}
        statuses: Dict[str, int] = {}
        n = 0
        for batch in batches:
            n += 1
            if batch is None:
                continue
            raw_status: object = getattr(batch, "processing_status", None)
            status = raw_status if isinstance(raw_status, str) else "unknown"
            statuses[status] = statuses.get(status, 0) + 1
            for name, value in (readable_counts(batch.request_counts) or {}).items():
                counts[name] = counts.get(name, 0) + value
        return cls(counts, statuses, n, elapsed)

    @property
    def done(self) -> bool:
        return self.ended_batches == self.batch_count

    @property
    def processing(self) -> int:
        return self.counts.get("processing", 0)

    @property
    def finished(self) -> int:
        """Requests no longer processing (succeeded, errored, canceled, expired, ...)."""
        return self.total - self.processing

    @property
    def succeeded(self) -> int:
        return self.counts.get("succeeded", 0)

    @property
    def failed(self) -> int:
        """Requests that finished without succeeding (errored, canceled, expired, ...)."""
        return self.finished - self.succeeded

    def to_dict(self) -> Dict[str, Any]:
        return {
            "batch_count": self.batch_count,
            "ended_batches": self.ended_batches,
            "done": self.done,
            "elapsed": self.elapsed,
            "total": self.total,
            "counts": dict(self.counts),
            "statuses": dict(self.statuses),
        }

    def __repr__(self) -> str:
        return (
            f"JobProgress(ended_batches={self.ended_batches}/{self.batch_count}, "
            f"total={self.total}, counts={self.counts}, elapsed={self.elapsed:.1f})"
        )


class JobState:
    """Batch ids in creation order, each one's request count (if known) and last state."""

    def __init__(
        self,
        batch_ids: Sequence[str] = (),
        request_counts: Optional[Sequence[Optional[int]]] = None,
    ) -> None:
        self.batch_ids: List[str] = list(batch_ids)
        counts = list(request_counts) if request_counts is not None else []
        counts += [None] * (len(self.batch_ids) - len(counts))
        if len(counts) != len(self.batch_ids):
            raise ValueError("request_counts must have one entry per batch id")
        self.request_counts: List[Optional[int]] = counts
        self.last_seen: List[Optional[MessageBatch]] = [None] * len(self.batch_ids)

    def added(self, batch: MessageBatch, count: int) -> None:
        self.batch_ids.append(batch.id)
        self.request_counts.append(count)
        self.last_seen.append(batch)

    def seen(self, index: int, batch: MessageBatch) -> MessageBatch:
        """Remember ``batch`` as the state of batch ``index``; returns it."""
        self.last_seen[index] = batch
        counts = readable_counts(batch.request_counts)
        if self.request_counts[index] is None and counts is not None:
            self.request_counts[index] = sum(counts.values())
        return batch

    @property
    def request_count(self) -> int:
        """Requests in the job (batches resumed by id alone count once refreshed)."""
        return sum(n for n in self.request_counts if n is not None)

    def unended(self) -> List[int]:
        """Indexes of batches not known to have ended."""
        return [
            i
            for i, batch in enumerate(self.last_seen)
            if batch is None or batch.processing_status != "ended"
        ]

    def unended_ids(self) -> List[str]:
        """Ids of batches not known to have ended (what ``cancel_on_exit`` cancels)."""
        return [self.batch_ids[i] for i in self.unended()]

    def _ended(self, index: int) -> Optional[MessageBatch]:
        batch = self.last_seen[index]
        return batch if batch is not None and batch.processing_status == "ended" else None

    def cancel_targets(self) -> List[Tuple[int, str, Optional[MessageBatch]]]:
        """``(index, id, the batch if known to have ended)``: ``cancel`` sends a cancel for
        each batch not known to have ended."""
        return [(i, batch_id, self._ended(i)) for i, batch_id in enumerate(self.batch_ids)]

    def wait_targets(self) -> List[Tuple[int, Union[str, MessageBatch]]]:
        """``(index, the ended batch, else its id)``: where a wait or a read of results
        starts, with no request for the batches known to have ended."""
        return [(i, bid if ended is None else ended) for i, bid, ended in self.cancel_targets()]

    def to_json(self) -> str:
        return json.dumps(
            {
                "type": JOB_FORMAT,
                "version": _VERSION,
                "batch_ids": self.batch_ids,
                "request_counts": self.request_counts,
            }
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, JobState):
            return NotImplemented
        return (self.batch_ids, self.request_counts) == (other.batch_ids, other.request_counts)

    @classmethod
    def from_json(cls, text: str) -> JobState:
        try:
            data: Any = json.loads(text)
        except ValueError as exc:
            raise ValueError(f"not a saved batch job (invalid JSON: {exc})") from None
        if not isinstance(data, dict):
            data = {}
        fields = cast(Dict[str, Any], data)
        if fields.get("type") != JOB_FORMAT:
            raise ValueError(f'not a saved batch job: expected {{"type": "{JOB_FORMAT}", ...}}')
        raw_ids: Any = fields.get("batch_ids")
        raw_counts: Any = fields.get("request_counts")
        ids = _as_list(raw_ids)
        counts = _as_list(raw_counts)
        if not ids or not all(isinstance(i, str) and i for i in ids):
            raise ValueError("a saved batch job needs batch_ids: a list of batch id strings")
        if not all(c is None or (isinstance(c, int) and c >= 0) for c in counts):
            counts = []
        return cls(cast(List[str], ids), cast(List[Optional[int]], counts) or None)

    @classmethod
    def parse(cls, source: JobSource) -> JobState:
        """Ids (a list, or one id string), JSON text, or the path of a saved job."""
        if isinstance(source, os.PathLike):
            return cls.from_json(Path(source).read_text(encoding="utf-8"))
        if isinstance(source, str):
            text = source.strip()
            if text.startswith("{"):
                return cls.from_json(text)
            if os.path.isfile(text):
                return cls.from_json(Path(text).read_text(encoding="utf-8"))
            if not text or any(c in text for c in "/\\. "):
                raise ValueError(f"{source!r} is not a batch id, job JSON or a saved job file")
            return cls([text])
        ids = list(source)
        if not ids or not all(isinstance(i, str) and i for i in ids):
            raise ValueError("batch ids must be a non-empty list of batch id strings")
        return cls(ids)


def write_atomic(path: Union[str, os.PathLike[str]], text: str) -> None:
    """Write ``text`` to a temporary file next to ``path``, then rename it over ``path``."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _as_list(value: object) -> List[object]:
    out: List[object] = []
    if isinstance(value, list):
        out.extend(cast(List[object], value))
    return out
