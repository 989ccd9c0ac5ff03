"""An exclusive, non-blocking lock on a file, across processes: one writer per partial file.

    held = open_locked(partial)    # creates it if missing, never truncates; or raises
    ...                            # ResultsFileLockedError naming the path
    os.close(held.fd); unlock(held)

On POSIX the lock is ``fcntl.flock`` on the file itself: the kernel releases it when the
descriptor is closed or the process dies, so a crash never leaves a stale lock, and two
descriptors of one process exclude each other too (flock locks belong to the open file,
not the process). Where ``fcntl`` is missing (Windows) a lock file ``<path>.lock`` is
created with ``O_CREAT | O_EXCL`` and removed on unlock; one left by a crashed process
makes the next save fail with an error that names it, to be deleted by hand. The lock
file is also used on a file system that refuses ``flock`` (some network mounts).
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import NamedTuple, Optional

from .._exceptions import AnthropicError

if sys.platform != "win32":
    import fcntl

HAS_FLOCK = sys.platform != "win32"
"""Whether the partial file itself is locked (``flock``), else a lock file is used."""

__all__ = ["HAS_FLOCK", "LOCK_SUFFIX", "Held", "ResultsFileLockedError", "open_locked", "unlock"]

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


# flock errors that mean "this file system cannot flock" (some network mounts): the lock
# file is used instead.
_NO_FLOCK = frozenset(
    getattr(errno, name)
    for name in ("ENOLCK", "EOPNOTSUPP", "ENOTSUP", "ENOSYS", "EINVAL")
    if hasattr(errno, name)
)


class Held(NamedTuple):
    """A locked file: its descriptor, and the lock file if the fallback holds the lock."""

    fd: int
    lock_file: Optional[Path]


def open_locked(path: Path, *, use_flock: Optional[bool] = None) -> Held:
    """A read-write descriptor of ``path`` (created if missing, never truncated), held
    exclusively until ``unlock``; ``ResultsFileLockedError`` at once if another holds it.
    ``use_flock=False`` forces the lock-file fallback (tests); it is also used when the
    file system refuses ``flock``."""
    if HAS_FLOCK if use_flock is None else use_flock:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            taken = _flock(fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno not in _NO_FLOCK:
                raise
        except BaseException:
            os.close(fd)
            raise
        else:
            if not taken:
                os.close(fd)
                raise ResultsFileLockedError(path)
            return Held(fd, None)
    return _with_lock_file(path)


def _with_lock_file(path: Path) -> Held:
    lock_file = path.with_name(path.name + LOCK_SUFFIX)
    try:
        os.close(os.open(lock_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        raise ResultsFileLockedError(path, lock_file) from None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    except BaseException:
        lock_file.unlink(missing_ok=True)
        raise
    return Held(fd, lock_file)


def _flock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting; ``False`` if another holds it."""
    if sys.platform == "win32":  # pragma: no cover - the lock-file fallback is used there
        raise OSError(errno.ENOSYS, "flock is POSIX only")  # in _NO_FLOCK: fall back
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unlock(held: Held) -> None:
    """Release the lock of ``held`` once its descriptor is closed (closing it was the
    release for ``flock``; the fallback's lock file is removed)."""
    if held.lock_file is not None:
        held.lock_file.unlink(missing_ok=True)
