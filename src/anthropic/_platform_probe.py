"""The only place that asks the machine what it is (``_core.platform`` maps the answers).

    read_platform()   -> PlatformFacts(system="Linux", machine="x86_64", ...)  (cached)
    async_library()   -> "asyncio" | "trio" | "unknown" (the loop running this task)

Reads happen once per process, when the first client builds its first request (a
synchronous step, never on an event loop's hot path); a read that fails leaves its fact
empty, never an exception.
"""

from __future__ import annotations

import functools
import platform
import sys
from typing import Callable

from ._core.platform import PlatformFacts

__all__ = ["async_library", "read_platform"]


def _read(fn: Callable[[], str]) -> str:
    try:
        return str(fn() or "")
    except Exception:
        return ""


def _distro_id() -> str:
    import distro  # reads /etc/os-release: only on Linux, only once

    return distro.id()


@functools.cache
def read_platform() -> PlatformFacts:
    """The platform facts of this process (read once)."""
    system = _read(platform.system)
    return PlatformFacts(
        system=system,
        machine=_read(platform.machine),
        implementation=_read(platform.python_implementation),
        python_version=_read(platform.python_version),
        distro_id=_read(_distro_id) if system.lower() == "linux" else "",
    )


def async_library() -> str:
    """Which event loop runs the current task: ``"asyncio"``, ``"trio"`` or ``"unknown"``."""
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            trio.lowlevel.current_task()
        except Exception:
            pass
        else:
            return "trio"
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            pass
        else:
            return "asyncio"
    return "unknown"
