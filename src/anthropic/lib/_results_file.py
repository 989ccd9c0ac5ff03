"""The file side of ``save_results``: append complete lines once, then publish atomically.

    out = ResultsFile("results.jsonl", owner=PartialOwner(batch_id, results_url),
                      expected=40)                # locks results.jsonl.partial (or raises)
    out.start_stream(response)
    for chunk in response.iter_bytes():
        out.feed(chunk)            # complete lines only; a custom_id already written is skipped
    out.end_stream()               # the last line, only when the stream ended cleanly
    report = out.commit(...)       # fsync + os.replace(partial, path), then unlock

Lines are written exactly as the API sent them. A stream cut mid-line loses only the
unfinished line (``start_stream`` drops it), and the next stream's copy of it is written
then; so does a stream that ends cleanly inside a line while fewer than ``expected`` lines
are written (a proxy closed a close-delimited body early).

**One writer.** The partial file is locked exclusively for the life of the object
(``_file_lock``: ``flock``, or a ``.lock`` file where that is missing): a second save to
the same path, in this process or another, raises ``ResultsFileLockedError`` naming the path at
once, before anything is changed.

**Whose partial.** Next to the partial, ``<path>.partial.meta`` records what it belongs
to: the batch id and its results URL (``PartialOwner``). With ``resume=True`` a partial is
continued only when its record matches this save exactly; a partial of another batch or
results URL, or one without a record (a crash before it was written, an older version),
is discarded and the save starts fresh (``discarded`` says so). Lines of two batches are
never merged. The record is written before the first line, so every line in a partial
belongs to the owner its record names. A reused partial's custom_ids are skipped and an
unfinished last line is cut off first. No network here.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Dict, Optional, Union, cast

import httpx
import pydantic_core

from .._core.jsonl import LineBuffer
from .._exceptions import ResultsDecodeError
from ._file_lock import open_locked, unlock

__all__ = ["META_SUFFIX", "PARTIAL_SUFFIX", "PartialOwner", "ResultsFile", "SaveReport"]

PARTIAL_SUFFIX = ".partial"
META_SUFFIX = ".meta"
"""``<path>.partial.meta``: the JSON record of what the partial file belongs to."""

_META_FORMAT = "anthropic.save_results.partial"

log = logging.getLogger("anthropic.lib")


@dataclass(frozen=True)
class PartialOwner:
    """What a partial file holds the results of: a batch id and its results URL."""

    batch_id: str
    results_url: Optional[str]

    def to_json(self) -> bytes:
        record = {"type": _META_FORMAT, "batch_id": self.batch_id, "results_url": self.results_url}
        return json.dumps(record).encode()

    @classmethod
    def read(cls, path: Path) -> Optional[PartialOwner]:
        """The record at ``path``; ``None`` if it is missing or not one of ours."""
        try:
            data: Any = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        fields = cast(Dict[str, Any], data)
        batch_id: Any = fields.get("batch_id")
        url: Any = fields.get("results_url")
        if fields.get("type") != _META_FORMAT or not isinstance(batch_id, str):
            return None
        return cls(batch_id, url if isinstance(url, str) else None)


class SaveReport:
    """What ``save_results`` did. ``lines``: results in the file; ``written`` by this
    run, ``resumed`` found in a previous run's partial file, ``skipped`` duplicates not
    written again; ``attempts``: results requests this run made (1 + the resumes after
    cut streams; the client's own retries not counted); ``counts`` by result type over
    the whole file; ``expected``: the batch's request count; ``complete``:
    ``lines == expected``; ``discarded``: a partial file found at the path belonged to
    another batch or results URL (or had no record of its owner) and was thrown away."""

    def __init__(
        self,
        path: Path,
        batch_id: str,
        *,
        written: int,
        resumed: int,
        skipped: int,
        attempts: int,
        counts: Dict[str, int],
        expected: Optional[int],
        discarded: bool = False,
    ) -> None:
        self.path = path
        self.batch_id = batch_id
        self.written = written
        self.resumed = resumed
        self.skipped = skipped
        self.attempts = attempts
        self.counts = counts
        self.expected = expected
        self.discarded = discarded

    @property
    def lines(self) -> int:
        return self.written + self.resumed

    @property
    def complete(self) -> bool:
        return self.expected is None or self.lines == self.expected

    def to_dict(self) -> Dict[str, Any]:
        return {
            "path": str(self.path),
            "batch_id": self.batch_id,
            "lines": self.lines,
            "written": self.written,
            "resumed": self.resumed,
            "skipped": self.skipped,
            "attempts": self.attempts,
            "counts": dict(self.counts),
            "expected": self.expected,
            "complete": self.complete,
            "discarded": self.discarded,
        }

    def __repr__(self) -> str:
        return f"SaveReport(path={str(self.path)!r}, lines={self.lines}, counts={self.counts})"


def _ids_of(line: bytes) -> tuple[str, str]:
    data: Any = pydantic_core.from_json(line)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    fields = cast(Dict[str, Any], data)
    custom_id: Any = fields.get("custom_id")
    if not isinstance(custom_id, str):
        raise ValueError("no custom_id")
    result: Any = fields.get("result")
    kind: Any = cast(Dict[str, Any], result).get("type") if isinstance(result, dict) else None
    return custom_id, kind if isinstance(kind, str) else "unknown"


class ResultsFile:
    """See the module docstring. ``owner``: whose results these are (``None``: no record
    is kept or checked, as for a test's scratch file); ``expected``: the lines the
    complete file has, if known; ``use_flock``: see ``_file_lock.open_locked``."""

    def __init__(
        self,
        path: Union[str, os.PathLike[str]],
        *,
        resume: bool = True,
        owner: Optional[PartialOwner] = None,
        expected: Optional[int] = None,
        use_flock: Optional[bool] = None,
    ) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + PARTIAL_SUFFIX)
        self.meta = self.partial.with_name(self.partial.name + META_SUFFIX)
        self.owner, self.expected = owner, expected
        self.seen: set[str] = set()
        self.counts: Dict[str, int] = {}
        self.resumed = self.written = self.skipped = 0
        self.discarded = False
        self._held = open_locked(self.partial, use_flock=use_flock)  # or raise: untouched
        self._file: BinaryIO = os.fdopen(self._held.fd, "r+b")
        try:
            self._adopt(resume)
        except BaseException:
            self.close()
            raise
        self._buffer = LineBuffer()
        self._response: Optional[httpx.Response] = None
        self._lineno = 0

    @property
    def lines(self) -> int:
        """Results in the file: resumed + written."""
        return self.resumed + self.written

    def _adopt(self, resume: bool) -> None:
        # Under the lock: continue the partial if it is this owner's, else empty it and
        # record the owner before the first line is written.
        has_lines = os.fstat(self._file.fileno()).st_size > 0
        if resume and has_lines and PartialOwner.read(self.meta) == self.owner:
            self._load_partial()
            return
        if resume and has_lines:
            self.discarded = True
            log.warning(
                "discarding %s: it holds results of another batch or results URL "
                "(or no record of its owner), not of %s",
                self.partial,
                self.owner.batch_id if self.owner is not None else "this save",
            )
        self._file.truncate(0)
        if self.owner is not None:
            temporary = self.meta.with_name(self.meta.name + ".tmp")
            temporary.write_bytes(self.owner.to_json())
            os.replace(temporary, self.meta)

    def _load_partial(self) -> None:
        # Line by line (the file may be large); an unfinished last line from a crash is
        # cut off, so the file holds only whole lines before anything is appended.
        whole = 0
        f = self._file
        f.seek(0)
        for line in f:
            if not line.endswith(b"\n"):
                f.truncate(whole)
                break
            whole += len(line)
            self._remember(line)
        f.seek(0, os.SEEK_END)

    def _remember(self, line: bytes) -> None:
        if not line.strip():
            return
        try:
            custom_id, kind = _ids_of(line)
        except ValueError:
            return
        self.seen.add(custom_id)
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.resumed += 1

    def start_stream(self, response: httpx.Response) -> None:
        """A new (or repeated) results response: forget any unfinished line."""
        self._buffer = LineBuffer()
        self._response = response
        self._lineno = 0

    def feed(self, chunk: bytes) -> None:
        for line in self._buffer.feed(chunk):
            self._line(line)

    def end_stream(self) -> None:
        """The stream ended cleanly: write its last line (it may lack a newline). A last
        line that is not a result while fewer than ``expected`` lines are written is a
        cut inside a line, dropped like one; otherwise it raises ``ResultsDecodeError``."""
        tail = self._buffer.flush()
        if tail is None:
            return
        try:
            self._line(tail)
        except ResultsDecodeError:
            if self.expected is None or self.lines >= self.expected:
                raise

    def _line(self, line: bytes) -> None:
        self._lineno += 1
        if not line.strip():
            return
        try:
            custom_id, kind = _ids_of(line)
        except ValueError:
            assert self._response is not None
            raise ResultsDecodeError(self._response, line_number=self._lineno, line=line) from None
        if custom_id in self.seen:
            self.skipped += 1
            return
        self._file.write(line + b"\n")
        self.seen.add(custom_id)
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.written += 1

    def commit(self, batch_id: str, attempts: int, expected: Optional[int]) -> SaveReport:
        """Flush to disk, rename the partial file over ``path``, drop the owner record
        and release the lock."""
        self._file.flush()
        os.fsync(self._file.fileno())
        os.replace(self.partial, self.path)
        self.meta.unlink(missing_ok=True)
        self.close()
        return SaveReport(
            self.path,
            batch_id,
            written=self.written,
            resumed=self.resumed,
            skipped=self.skipped,
            attempts=attempts,
            counts=dict(self.counts),
            expected=expected,
            discarded=self.discarded,
        )

    def close(self) -> None:
        """Stop (without publishing, unless ``commit`` did) and release the lock; the
        partial file and its record stay for ``resume=True``."""
        if not self._file.closed:
            self._file.flush()
            self._file.close()
            unlock(self._held)

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
