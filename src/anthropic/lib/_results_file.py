"""The file side of ``save_results``: append complete lines once, then publish atomically.

    out = ResultsFile("results.jsonl", resume=True)   # writes results.jsonl.partial (or
                                                      # ``with ResultsFile(...) as out``)
    out.start_stream(response)
    for chunk in response.iter_bytes():
        out.feed(chunk)            # complete lines only; a custom_id already written is skipped
    out.end_stream()               # the last line, only when the stream ended cleanly
    report = out.commit()          # fsync + os.replace(partial, path)

Lines are written exactly as the API sent them. A stream cut mid-line loses only the
unfinished line (``start_stream`` drops it), and the next stream's copy of it is written
then. A ``.partial`` file left by a crashed run is reused with ``resume=True``: its
custom_ids are skipped and an unfinished last line is cut off first. No network here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Optional, Union, cast

import httpx
import pydantic_core

from .._core.jsonl import LineBuffer
from .._exceptions import ResultsDecodeError

__all__ = ["PARTIAL_SUFFIX", "ResultsFile", "SaveReport"]

PARTIAL_SUFFIX = ".partial"


class SaveReport:
    """What ``save_results`` did. ``lines``: results in the file; ``written`` by this
    run, ``resumed`` found in a previous run's partial file, ``skipped`` duplicates not
    written again; ``attempts``: results requests this run made (1 + the resumes after
    cut streams; the client's own retries not counted); ``counts`` by result type over
    the whole file; ``expected``: the batch's request count; ``complete``:
    ``lines == expected``."""

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
    ) -> None:
        self.path = path
        self.batch_id = batch_id
        self.written = written
        self.resumed = resumed
        self.skipped = skipped
        self.attempts = attempts
        self.counts = counts
        self.expected = expected

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
    """See the module docstring."""

    def __init__(self, path: Union[str, os.PathLike[str]], *, resume: bool = True) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + PARTIAL_SUFFIX)
        self.seen: set[str] = set()
        self.counts: Dict[str, int] = {}
        self.resumed = self.written = self.skipped = 0
        if resume and self.partial.exists():
            self._load_partial()
        self._file = open(self.partial, "ab" if resume else "wb")  # noqa: SIM115
        self._buffer = LineBuffer()
        self._response: Optional[httpx.Response] = None
        self._lineno = 0

    def _load_partial(self) -> None:
        # Line by line (the file may be large); an unfinished last line from a crash is
        # cut off, so the file holds only whole lines before anything is appended.
        whole = 0
        with open(self.partial, "r+b") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    f.truncate(whole)
                    break
                whole += len(line)
                self._remember(line)

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
        tail = self._buffer.flush()
        if tail is not None:
            self._line(tail)

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
        """Flush to disk and rename the partial file over ``path``."""
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self.partial, self.path)
        return SaveReport(
            self.path,
            batch_id,
            written=self.written,
            resumed=self.resumed,
            skipped=self.skipped,
            attempts=attempts,
            counts=dict(self.counts),
            expected=expected,
        )

    def close(self) -> None:
        """Stop without publishing; the partial file stays for ``resume=True``."""
        if not self._file.closed:
            self._file.flush()
            self._file.close()

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
