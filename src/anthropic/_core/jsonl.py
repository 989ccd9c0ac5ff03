"""Split a byte stream into lines without ever rescanning what was already seen.

    buf = LineBuffer()
    for chunk in stream:
        for line in buf.feed(chunk):   # complete lines, without the line ending
            handle(line)
    tail = buf.flush()                 # the last line if the stream had no final newline

Only ``b"\\n"`` splits (JSON may contain U+2028/U+2029 unescaped, which are not line ends
here); a trailing ``b"\\r"`` is removed, also when ``\\r`` and ``\\n`` arrive in different
chunks. Blank lines are returned as ``b""`` so callers can count physical line numbers.
Cost is linear in the bytes fed, even for one very long line arriving in many chunks:
a chunk without a newline is only stored, and pieces are joined once when the line ends.
"""

from __future__ import annotations

from typing import Optional

__all__ = ["LineBuffer"]


class LineBuffer:
    """Incremental ``b"\\n"`` splitter (see the module docstring)."""

    __slots__ = ("_pending",)

    def __init__(self) -> None:
        self._pending: list[bytes] = []

    def feed(self, chunk: bytes) -> list[bytes]:
        """Add ``chunk``; return every line it completes (maybe none)."""
        if b"\n" not in chunk:
            if chunk:
                self._pending.append(chunk)
            return []
        lines = chunk.split(b"\n")
        tail = lines.pop()
        if self._pending:
            self._pending.append(lines[0])
            lines[0] = b"".join(self._pending)
            self._pending = []
        if tail:
            self._pending.append(tail)
        for i, line in enumerate(lines):
            if line.endswith(b"\r"):
                lines[i] = line[:-1]
        return lines

    def flush(self) -> Optional[bytes]:
        """Return the unterminated last line, if any, and reset."""
        if not self._pending:
            return None
        line = b"".join(self._pending)
        self._pending = []
        if line.endswith(b"\r"):
            line = line[:-1]
        return line
