"""Where output goes and how it looks: human text or ``--json`` lines.

- Results and data go to stdout; notes, progress and errors go to stderr.
- ``--json``: every value is one compact JSON document on its own line, so scripts can
  read stdout line by line (or pipe it to ``jq``).
- Human output uses rich tables only when stdout is a terminal and rich is installed
  (the ``cli`` extra); otherwise plain aligned columns, which stay stable when piped
  into ``grep``/``awk`` and never wrap at an assumed 80-column width.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import TYPE_CHECKING, Optional, Sequence, TextIO, Tuple

from ._format import plain_table

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["INSTALL_HINT", "Output", "load_rich", "stream_is_tty"]

INSTALL_HINT = 'pip install "anthropic-batches[cli]"'


def stream_is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or a bare object
        return False


def load_rich() -> bool:
    """Whether rich can be imported (it is an optional dependency)."""
    try:
        importlib.import_module("rich")
    except ImportError:
        return False
    return True


class Output:
    """Renders for one invocation. ``json_mode`` is the ``--json`` flag."""

    def __init__(
        self,
        *,
        json_mode: bool,
        stdout: Optional[TextIO] = None,
        stderr: Optional[TextIO] = None,
    ) -> None:
        self.json_mode = json_mode
        # Looked up at call time, not import time, so redirection (and pytest) work.
        self.stdout: TextIO = stdout if stdout is not None else sys.stdout
        self.stderr: TextIO = stderr if stderr is not None else sys.stderr
        self._console: Optional[Console] = None
        self._rich_checked = False

    # -- low level ---------------------------------------------------------------------------

    def write_json(self, value: object) -> None:
        self.stdout.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")

    def line(self, text: str = "") -> None:
        self.stdout.write(text + "\n")

    def note(self, text: str) -> None:
        """A human note on stderr (never in ``--json`` mode's stdout)."""
        self.stderr.write(text + "\n")
        self.stderr.flush()

    def error(
        self, message: str, *, kind: str, details: Optional[dict[str, object]] = None
    ) -> None:
        """``error: message`` on stderr; with ``--json`` a JSON object on stderr instead."""
        if self.json_mode:
            body: dict[str, object] = {"type": kind, "message": message, **(details or {})}
            self.stderr.write(json.dumps({"error": body}, separators=(",", ":")) + "\n")
        else:
            self.stderr.write(f"error: {message}\n")
        self.stderr.flush()

    def flush(self) -> None:
        self.stdout.flush()

    def _rich_console(self) -> Optional[Console]:
        """A rich console on stdout when stdout is a terminal and rich is installed."""
        if not self._rich_checked:
            self._rich_checked = True
            if stream_is_tty(self.stdout) and load_rich():
                from rich.console import Console  # here: rich is optional (the cli extra)

                self._console = Console(file=self.stdout, highlight=False)
        return self._console

    # -- human shapes -----------------------------------------------------------------------

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        title: Optional[str] = None,
    ) -> None:
        console = self._rich_console()
        if console is None:
            if title:
                self.line(title)
            for text in plain_table(headers, rows):
                self.line(text)
            return
        from rich.table import Table  # here: rich is optional (the cli extra)

        if title:
            console.print(title, soft_wrap=True)
        table = Table(header_style="bold")
        for i, header in enumerate(headers):
            numeric = bool(rows) and all(row[i].replace(",", "").isdigit() for row in rows)
            table.add_column(header, justify="right" if numeric else "left", no_wrap=True)
        for row in rows:
            table.add_row(*row)
        console.print(table)

    def fields(self, title: str, pairs: Sequence[Tuple[str, str]]) -> None:
        """A title line, then ``label  value`` lines aligned on the values."""
        console = self._rich_console()
        width = max((len(label) for label, _ in pairs), default=0)
        if console is None:
            self.line(title)
            for label, value in pairs:
                self.line(f"  {label.ljust(width)}  {value}")
            return
        from rich.text import Text  # here: rich is optional (the cli extra)

        console.print(Text(title, style="bold"), soft_wrap=True)
        for label, value in pairs:
            console.print(Text(f"  {label.ljust(width)}  {value}"), soft_wrap=True)
