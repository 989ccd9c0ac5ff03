"""``file_from_path``: a file's name and bytes, as the official SDK's helper returns them."""

from __future__ import annotations

import os

__all__ = ["file_from_path"]


def file_from_path(path: str) -> tuple[str, bytes]:
    """``(basename, contents)`` of the file at ``path``, the shape the official SDK's
    upload parameters take (the Batches API itself has no file uploads)."""
    with open(path, "rb") as handle:
        return os.path.basename(path), handle.read()
