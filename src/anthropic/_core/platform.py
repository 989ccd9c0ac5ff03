"""The ``X-Stainless-*`` platform headers, computed once per process and never raising.

    platform_headers()      -> {"X-Stainless-Lang": "python", "X-Stainless-OS": "Linux", ...}
    async_library()         -> "asyncio" | "trio" | "unknown"

Detection reads a few small files at most (``distro`` on Linux), once, when the first
client is built (a synchronous constructor, not a request on an event loop). Any failure
degrades a value to ``"Unknown"``/``"unknown"`` instead of breaking the client.
"""

from __future__ import annotations

import functools
import platform
import sys
from typing import Callable

from .._version import __version__

__all__ = ["async_library", "os_name", "platform_headers"]


def _safe(fn: Callable[[], str], fallback: str) -> str:
    try:
        value = fn()
    except Exception:
        return fallback
    return value or fallback


def os_name(system: Callable[[], str] = platform.system) -> str:
    """The OS as the API's platform headers spell it (``Linux``, ``MacOS``, ``Windows``, ...)."""

    def detect() -> str:
        name = system().lower()
        if name == "darwin":
            return "MacOS"
        if name == "windows":
            return "Windows"
        if name == "freebsd":
            return "FreeBSD"
        if name == "openbsd":
            return "OpenBSD"
        if name == "ios":
            return "iOS"
        if name == "android":
            return "Android"
        if name == "linux":
            import distro

            return "Android" if distro.id() == "android" else "Linux"
        return f"Other:{name}" if name else ""

    return _safe(detect, "Unknown")


def arch_name(machine: Callable[[], str] = platform.machine) -> str:
    """The CPU architecture (``x64``, ``arm64``, ``x32``, ``arm``, ``other:...``)."""

    def detect() -> str:
        name = machine().lower()
        if name in ("arm64", "aarch64"):
            return "arm64"
        if name.startswith("arm"):
            return "arm"
        if name in ("x86_64", "amd64"):
            return "x64"
        if name in ("i386", "i686", "x86"):
            return "x32"
        return f"other:{name}" if name else ""

    return _safe(detect, "unknown")


@functools.cache
def platform_headers() -> dict[str, str]:
    """The platform headers every request carries (cached for the process)."""
    return {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": __version__,
        "X-Stainless-OS": os_name(),
        "X-Stainless-Arch": arch_name(),
        "X-Stainless-Runtime": _safe(platform.python_implementation, "unknown"),
        "X-Stainless-Runtime-Version": _safe(platform.python_version, "unknown"),
    }


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
