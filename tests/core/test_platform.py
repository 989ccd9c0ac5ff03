"""Platform headers: pure spellings from given facts, and the one probe that reads them."""

from __future__ import annotations

import platform
import sys

import anyio
import pytest

from anthropic import __version__
from anthropic import _platform_probe as probe
from anthropic._core.platform import PlatformFacts, arch_name, os_name, platform_headers


@pytest.mark.parametrize(
    ("system", "distro_id", "expected"),
    [
        ("Darwin", "", "MacOS"),
        ("Windows", "", "Windows"),
        ("FreeBSD", "", "FreeBSD"),
        ("OpenBSD", "", "OpenBSD"),
        ("iOS", "", "iOS"),
        ("Android", "", "Android"),
        ("SunOS", "", "Other:sunos"),
        ("Linux", "debian", "Linux"),
        ("Linux", "android", "Android"),
        ("Linux", "", "Linux"),
        ("", "", "Unknown"),
    ],
)
def test_os_name_spellings(system: str, distro_id: str, expected: str) -> None:
    assert os_name(system, distro_id) == expected


@pytest.mark.parametrize(
    ("machine", "expected"),
    [
        ("arm64", "arm64"),
        ("aarch64", "arm64"),
        ("armv7l", "arm"),
        ("x86_64", "x64"),
        ("AMD64", "x64"),
        ("i686", "x32"),
        ("riscv64", "other:riscv64"),
        ("", "unknown"),
    ],
)
def test_arch_name_spellings(machine: str, expected: str) -> None:
    assert arch_name(machine) == expected


def test_platform_headers_from_facts() -> None:
    facts = PlatformFacts("Linux", "aarch64", "PyPy", "3.10.1", "ubuntu")
    assert platform_headers(facts) == {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": __version__,
        "X-Stainless-OS": "Linux",
        "X-Stainless-Arch": "arm64",
        "X-Stainless-Runtime": "PyPy",
        "X-Stainless-Runtime-Version": "3.10.1",
    }


def test_platform_headers_when_nothing_could_be_read() -> None:
    headers = platform_headers(PlatformFacts())
    assert headers["X-Stainless-OS"] == "Unknown"
    assert headers["X-Stainless-Arch"] == "unknown"
    assert headers["X-Stainless-Runtime"] == "unknown"
    assert headers["X-Stainless-Runtime-Version"] == "unknown"
    assert headers["X-Stainless-Lang"] == "python"


def test_probe_reads_this_machine_once() -> None:
    facts = probe.read_platform()
    assert facts is probe.read_platform()
    assert facts.system == platform.system()
    assert facts.machine == platform.machine()
    assert facts.python_version == platform.python_version()


def test_probe_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> str:
        raise OSError("no platform here")

    monkeypatch.setattr(probe.platform, "system", boom)
    monkeypatch.setattr(probe.platform, "machine", boom)
    probe.read_platform.cache_clear()
    try:
        facts = probe.read_platform()
    finally:
        probe.read_platform.cache_clear()
    assert facts.system == facts.machine == facts.distro_id == ""


def test_async_library_outside_any_loop() -> None:
    assert probe.async_library() == "unknown"


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_async_library_inside_a_loop(backend: str) -> None:
    seen: list[str] = []

    async def main() -> None:
        seen.append(probe.async_library())

    anyio.run(main, backend=backend)
    assert seen == [backend]


def test_async_library_when_trio_is_not_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "trio", raising=False)
    seen: list[str] = []

    async def main() -> None:
        seen.append(probe.async_library())

    anyio.run(main, backend="asyncio")
    assert seen == ["asyncio"]
