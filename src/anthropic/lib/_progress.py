"""``progress_bar()``: a ready ``on_progress`` for ``job.wait`` and ``batches.wait``.

    with progress_bar() as bar:
        job.wait(on_progress=bar)

On a terminal with rich installed (the ``cli`` extra) it draws a live bar; anywhere else
(a log file, CI, ``nohup``, no rich) it writes one plain line whenever the counts change,
and at least once per ``every`` seconds while they do not:

    [12:01:33] 3 batches: 61,204/100,000 done (58,977 ok, 2,227 errored), 1 ended

rich is imported only when a bar is drawn, so it stays an optional dependency.
``progress_line`` is the pure formatter of those lines.
"""

from __future__ import annotations

import importlib
import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, List, Optional, TextIO, Type, Union

from ..types.messages import MessageBatch
from ._job_state import JobProgress

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress

__all__ = ["ProgressBar", "progress_bar", "progress_line"]

DEFAULT_EVERY = 60.0
"""Seconds between plain lines while nothing changes."""


def _plural(n: int, noun: str, nouns: Optional[str] = None) -> str:
    return f"{n:,} {noun if n == 1 else (nouns or noun + 's')}"


def progress_line(progress: JobProgress, clock_time: Optional[float] = None) -> str:
    """``[HH:MM:SS] 3 batches: 61,204/100,000 done (58,977 ok, 2,227 errored), 1 ended``.

    ``clock_time``: the wall-clock time of the line (seconds since the epoch, local time
    shown); ``None`` leaves the timestamp out. Counts other than ``processing`` and
    ``succeeded`` are named as the API names them (``errored``, ``canceled``, ...).
    """
    parts: List[str] = []
    if progress.succeeded or not progress.finished:
        parts.append(f"{progress.succeeded:,} ok")
    for name, n in progress.counts.items():
        if name not in ("processing", "succeeded") and n:
            parts.append(f"{n:,} {name}")
    text = (
        f"{_plural(progress.batch_count, 'batch', 'batches')}: "
        f"{progress.finished:,}/{progress.total:,} done ({', '.join(parts)}), "
        f"{progress.ended_batches:,} ended"
    )
    if clock_time is None:
        return text
    return time.strftime("[%H:%M:%S] ", time.localtime(clock_time)) + text


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _rich_available() -> bool:
    try:
        importlib.import_module("rich")
    except ImportError:
        return False
    return True


class ProgressBar:
    """Callable as ``on_progress`` (a ``JobProgress`` or one ``MessageBatch``); see the
    module docstring. ``close()`` (or leaving ``with``) ends a live bar; it also ends by
    itself when every batch has ended."""

    def __init__(
        self,
        stream: Optional[TextIO] = None,
        *,
        every: float = DEFAULT_EVERY,
        rich: Optional[bool] = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        if not every > 0:
            raise ValueError(f"every must be a number of seconds > 0, got {every!r}")
        self._stream: TextIO = stream if stream is not None else sys.stderr
        if rich is None:
            rich = _is_tty(self._stream) and _rich_available()
        self.rich = rich
        self._every = every
        self._clock = clock
        self._wall = wall_clock
        self._started: Optional[float] = None
        self._last_text: Optional[str] = None
        self._last_at = 0.0
        self._live: Optional[RichProgress] = None
        self._task: Any = None

    def __call__(self, progress: Union[JobProgress, MessageBatch]) -> None:
        now = self._clock()
        if self._started is None:
            self._started = now
        if not isinstance(progress, JobProgress):  # one batch (of either API flavor)
            progress = JobProgress.of([progress], elapsed=now - self._started)
        if self.rich:
            self._draw_rich(progress)
            return
        text = progress_line(progress)
        if text != self._last_text or now - self._last_at >= self._every:
            self._last_text, self._last_at = text, now
            self._stream.write(progress_line(progress, self._wall()) + "\n")
            self._stream.flush()

    def _draw_rich(self, progress: JobProgress) -> None:
        description = (
            f"{progress.ended_batches}/{_plural(progress.batch_count, 'batch', 'batches')} ended"
        )
        if self._live is None:
            # Imported here: rich is an optional dependency.
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._live = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=Console(file=self._stream),
            )
            self._task = self._live.add_task(description, total=progress.total or None)
            self._live.start()
        self._live.update(
            self._task,
            completed=progress.finished,
            total=progress.total or None,
            description=description,
        )
        if progress.done:
            self.close()

    def close(self) -> None:
        """Stop a live bar, leaving its last state on screen (safe to call twice)."""
        live, self._live = self._live, None
        if live is not None:
            live.stop()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()


def progress_bar(
    stream: Optional[TextIO] = None,
    *,
    every: float = DEFAULT_EVERY,
    rich: Optional[bool] = None,
) -> ProgressBar:
    """A progress renderer to pass as ``on_progress`` to ``job.wait`` or ``batches.wait``.

    ``stream``: where to draw (default ``sys.stderr``); ``rich``: force the live bar on
    (``True``, needs rich) or plain lines (``False``); by default a live bar when the
    stream is a terminal and rich is installed. ``every``: at most this many seconds
    between plain lines while the counts stay the same.
    """
    return ProgressBar(stream, every=every, rich=rich)
