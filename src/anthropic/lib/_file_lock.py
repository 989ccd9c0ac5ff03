"""An exclusive, non-blocking lock on a file, across processes: one writer per partial file.

    fd = open_locked(partial)      # creates it if missing, never truncates; or raises
    ...                            # ResultsFileLockedError naming the path
    unlock(fd, partial)            # or just os.close(fd) on POSIX

On POSIX the lock is ``fcntl.flock`` on the file itself: the kernel releases it when the
descriptor is closed or the process dies, so a crash never leaves a stale lock, and two
descriptors of one process exclude each other too (flock locks belong to the open file,
not the process). Where ``fcntl`` is missing (Windows) a lock file ``<path>.lock`` is
created with ``O_CREAT | O_EXCL`` and removed on unlock; one left by a crashed process
makes the next save fail with an error that names it, to be deleted by hand.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

from .._exceptions import AnthropicError

if sys.platform != "win32":
    import fcntl

HAS_FLOCK = sys.platform != "win32"
"""Whether the partial file itself is locked (``flock``), else a lock file is used."""

__all__ = ["HAS_FLOCK", "LOCK_SUFFIX", "ResultsFileLockedError", "open_locked", "unlock"]

LOCK_SUFFIX = ".lock"
"""The lock file's suffix where ``flock`` is not available."""


class ResultsFileLockedError(AnthropicError, OSError):
    """Another save (this process or another) is writing ``path``; nothing was changed.

    ``lock_file`` is the ``.lock`` file that holds the lock where ``flock`` is not
    available (``None`` on POSIX, where the partial file itself is locked)."""

    def __init__(self, path: Path, lock_file: Optional[Path] = None) -> None:
        hint = (
            f" (lock file {str(lock_file)!r}: if no save is running, a crashed one left it;"
            " delete it)"
            if lock_file is not None
            else ""
        )
        super().__init__(
            f"{str(path)!r} is being written by another save of the same results file"
            f"{hint}. Wait for it to finish, or save to another path."
        )
        self.path = path
        self.lock_file = lock_file

    def __reduce__(self) -> tuple[type[ResultsFileLockedError], tuple[Path, Optional[Path]]]:
        return (type(self), (self.path, self.lock_file))


def _use_flock(use_flock: Optional[bool]) -> bool:
    return HAS_FLOCK if use_flock is None else use_flock


def open_locked(path: Path, *, use_flock: Optional[bool] = None) -> int:
    """A read-write descriptor of ``path`` (created if missing, never truncated), held
    exclusively until ``unlock``; ``ResultsFileLockedError`` at once if another holds it.
    ``use_flock=False`` forces the lock-file fallback (tests)."""
    if not _use_flock(use_flock):
        lock_file = path.with_name(path.name + LOCK_SUFFIX)
        try:
            os.close(os.open(lock_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        except FileExistsError:
            raise ResultsFileLockedError(path, lock_file) from None
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except BaseException:
            os.unlink(lock_file)
            raise
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        taken = _flock(fd)
    except BaseException:
        os.close(fd)
        raise
    if not taken:
        os.close(fd)
        raise ResultsFileLockedError(path)
    return fd


def _flock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting; ``False`` if another holds it."""
    if sys.platform == "win32":  # pragma: no cover - the lock-file fallback is used there
        raise NotImplementedError("flock is POSIX only")
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(path: Path, *, use_flock: Optional[bool] = None) -> None:
    """Release the lock-file fallback's lock on ``path`` (its descriptor closed already;
    on POSIX closing the descriptor was the release, and this does nothing)."""
    if not _use_flock(use_flock):
        path.with_name(path.name + LOCK_SUFFIX).unlink(missing_ok=True)
