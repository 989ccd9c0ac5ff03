"""The ``X-Stainless-*`` platform headers, from facts read elsewhere. Pure functions.

    facts = PlatformFacts(system="Linux", machine="x86_64", implementation="CPython",
                          python_version="3.11.7", distro_id="debian")
    platform_headers(facts) -> {"X-Stainless-Lang": "python", "X-Stainless-OS": "Linux", ...}

The facts are read once per process by ``anthropic._platform_probe`` (the only place that
asks the OS); every function here maps what it is given and never raises: a value that
cannot be named degrades to ``"Unknown"``/``"unknown"`` instead of breaking the client.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._version import __version__

__all__ = ["PlatformFacts", "arch_name", "os_name", "platform_headers"]

_OS_NAMES = {
    "darwin": "MacOS",
    "windows": "Windows",
    "freebsd": "FreeBSD",
    "openbsd": "OpenBSD",
    "ios": "iOS",
    "android": "Android",
}


@dataclass(frozen=True)
class PlatformFacts:
    """What the platform headers are made of (empty strings where a read failed)."""

    system: str = ""
    machine: str = ""
    implementation: str = ""
    python_version: str = ""
    distro_id: str = ""


def os_name(system: str, distro_id: str = "") -> str:
    """The OS as the API's platform headers spell it (``Linux``, ``MacOS``, ``Windows``, ...)."""
    name = system.lower()
    if not name:
        return "Unknown"
    if name == "linux":
        return "Android" if distro_id == "android" else "Linux"
    return _OS_NAMES.get(name, f"Other:{name}")


def arch_name(machine: str) -> str:
    """The CPU architecture (``x64``, ``arm64``, ``x32``, ``arm``, ``other:...``)."""
    name = machine.lower()
    if not name:
        return "unknown"
    if name in ("arm64", "aarch64"):
        return "arm64"
    if name.startswith("arm"):
        return "arm"
    if name in ("x86_64", "amd64"):
        return "x64"
    if name in ("i386", "i686", "x86"):
        return "x32"
    return f"other:{name}"


def platform_headers(facts: PlatformFacts) -> dict[str, str]:
    """The platform headers every request carries."""
    return {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": __version__,
        "X-Stainless-OS": os_name(facts.system, facts.distro_id),
        "X-Stainless-Arch": arch_name(facts.machine),
        "X-Stainless-Runtime": facts.implementation or "unknown",
        "X-Stainless-Runtime-Version": facts.python_version or "unknown",
    }
