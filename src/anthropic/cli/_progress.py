"""Progress on stderr: a bar on a terminal, timestamped lines in a log if asked for.

    with open_progress(sys.stderr, "msgbatch_01...") as progress:
        progress.update(done, total, "in_progress")

On a terminal the bar is drawn by rich (the ``cli`` extra); without rich a one-line
plain-text bar is redrawn with ``\\r`` instead, after a one-time hint on how to get the
nicer one. When stderr is not a terminal (a pipe, a file, CI logs, ``nohup``) nothing is
written, unless the command asks for ``lines=True``: then one plain line at the start, one
at each change of the status word, at most one per ``LINE_EVERY`` seconds while the count
changes, and the last state at the end:

    [12:01:33] msgbatch_01 saving: 61,204/100,000 (61%)
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Generator, Optional, TextIO, Tuple

from ._format import format_elapsed
from ._output import INSTALL_HINT, load_rich, stream_is_tty

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

__all__ = ["LINE_EVERY", "ProgressReporter", "log_line", "open_progress", "plain_bar"]

_BAR_WIDTH = 24
_PLAIN_MIN_INTERVAL = 0.1

LINE_EVERY = 10.0
"""Seconds between two log lines while only the count changes (``lines=True``)."""


class ProgressReporter:
    """Does nothing: what a non-terminal gets. Subclasses draw."""

    def update(self, completed: int, total: Optional[int], status: str = "") -> None:
        """``completed`` of ``total`` (``None``: unknown total) with a short status word."""

    def close(self) -> None:
        """Leave the final state on screen and end the line."""


def plain_bar(label: str, completed: int, total: Optional[int], status: str, elapsed: float) -> str:
    """``label status [#######.........]  7/20  35%  12s`` (pure, for the fallback)."""
    parts = [label]
    if status:
        parts.append(status)
    if total:
        filled = min(_BAR_WIDTH, _BAR_WIDTH * completed // total)
        parts.append("[" + "#" * filled + "." * (_BAR_WIDTH - filled) + "]")
        parts.append(f"{completed}/{total}")
        parts.append(f"{100 * completed // total}%")
    else:
        parts.append(str(completed))
    parts.append(format_elapsed(elapsed))
    return " ".join(parts)


def log_line(label: str, completed: int, total: Optional[int], status: str) -> str:
    """``msgbatch_01 saving: 61,204/100,000 (61%)`` (pure; the writer adds the time)."""
    head = f"{label} {status}" if status else label
    if total:
        return f"{head}: {completed:,}/{total:,} ({100 * completed // total}%)"
    return f"{head}: {completed:,}"


class _LineReporter(ProgressReporter):
    """Off a terminal: timestamped lines, never a redraw (see the module docstring)."""

    def __init__(
        self, stream: TextIO, label: str, every: float, clock: Callable[[], float]
    ) -> None:
        self._stream = stream
        self._label = label
        self._every = every
        self._clock = clock
        self._last: Optional[Tuple[int, Optional[int], str]] = None
        self._written: Optional[Tuple[int, Optional[int], str]] = None
        self._written_at = 0.0

    def update(self, completed: int, total: Optional[int], status: str = "") -> None:
        self._last = state = (completed, total, status)
        written, now = self._written, self._clock()
        due = now - self._written_at >= self._every
        if written is None or status != written[2] or (state != written and due):
            self._write(state, now)

    def _write(self, state: Tuple[int, Optional[int], str], now: float) -> None:
        self._written, self._written_at = state, now
        self._stream.write(time.strftime("[%H:%M:%S] ") + log_line(self._label, *state) + "\n")
        self._stream.flush()

    def close(self) -> None:
        if self._last is not None and self._last != self._written:
            self._write(self._last, self._clock())


class _PlainReporter(ProgressReporter):
    def __init__(self, stream: TextIO, label: str, clock: Callable[[], float]) -> None:
        self._stream = stream
        self._label = label
        self._clock = clock
        self._start = clock()
        self._last_draw = float("-inf")
        self._last: Tuple[int, Optional[int], str] = (0, None, "")
        self._width = 0

    def update(self, completed: int, total: Optional[int], status: str = "") -> None:
        self._last = (completed, total, status)
        now = self._clock()
        if now - self._last_draw >= _PLAIN_MIN_INTERVAL:
            self._draw(now)

    def _draw(self, now: float) -> None:
        self._last_draw = now
        text = plain_bar(self._label, *self._last, now - self._start)
        pad = max(0, self._width - len(text))
        self._width = len(text)
        self._stream.write("\r" + text + " " * pad)
        self._stream.flush()

    def close(self) -> None:
        self._draw(self._clock())
        self._stream.write("\n")
        self._stream.flush()


class _RichReporter(ProgressReporter):
    def __init__(self, stream: TextIO, label: str) -> None:
        # Imported here: rich is an optional dependency (the ``cli`` extra).
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._label = label
        self._progress: RichProgress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream),
        )
        self._task: TaskID = self._progress.add_task(label, total=None)
        self._progress.start()

    def update(self, completed: int, total: Optional[int], status: str = "") -> None:
        description = f"{self._label} {status}" if status else self._label
        self._progress.update(self._task, completed=completed, total=total, description=description)

    def close(self) -> None:
        self._progress.stop()


@contextmanager
def open_progress(
    stream: TextIO,
    label: str,
    *,
    lines: bool = False,
    clock: Callable[[], float] = time.monotonic,
) -> Generator[ProgressReporter, None, None]:
    """A reporter drawing on ``stream`` if it is a terminal; elsewhere log lines with
    ``lines=True``, else a no-op. ``clock``: seconds for the pacing (tests inject one).

    The bar is closed (its last state left visible) however the block exits.
    """
    reporter: ProgressReporter
    if not stream_is_tty(stream):
        reporter = _LineReporter(stream, label, LINE_EVERY, clock) if lines else ProgressReporter()
    elif load_rich():
        reporter = _RichReporter(stream, label)
    else:
        stream.write(f"note: {INSTALL_HINT} for a live progress bar\n")
        reporter = _PlainReporter(stream, label, clock)
    try:
        yield reporter
    finally:
        reporter.close()
