"""Platform headers: values, spellings, and fallbacks (detection never raises)."""

from __future__ import annotations

import functools
import platform
import sys
from typing import Callable, NoReturn

import anyio
import pytest

from anthropic import __version__
from anthropic._core import platform as plat


def boom() -> NoReturn:
    raise OSError("no platform here")


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("Darwin", "MacOS"),
        ("Windows", "Windows"),
        ("FreeBSD", "FreeBSD"),
        ("OpenBSD", "OpenBSD"),
        ("iOS", "iOS"),
        ("Android", "Android"),
        ("SunOS", "Other:sunos"),
        ("", "Unknown"),
    ],
)
def test_os_name_spellings(system: str, expected: str) -> None:
    assert plat.os_name(lambda: system) == expected


def test_os_name_linux_uses_distro(monkeypatch: pytest.MonkeyPatch) -> None:
    import distro

    monkeypatch.setattr(distro, "id", lambda: "ubuntu")
    assert plat.os_name(lambda: "Linux") == "Linux"
    monkeypatch.setattr(distro, "id", lambda: "android")
    assert plat.os_name(lambda: "Linux") == "Android"
    monkeypatch.setattr(distro, "id", boom)
    assert plat.os_name(lambda: "Linux") == "Unknown"


@pytest.mark.parametrize(
    ("machine", "expected"),
    [
        ("arm64", "arm64"),
        ("aarch64", "arm64"),
        ("AARCH64", "arm64"),
        ("armv7l", "arm"),
        ("x86_64", "x64"),
        ("AMD64", "x64"),
        ("i386", "x32"),
        ("i686", "x32"),
        ("x86", "x32"),
        ("riscv64", "other:riscv64"),
        ("", "unknown"),
    ],
)
def test_arch_name_spellings(machine: str, expected: str) -> None:
    assert plat.arch_name(lambda: machine) == expected


@pytest.mark.parametrize(
    ("fn", "fallback"), [(plat.os_name, "Unknown"), (plat.arch_name, "unknown")]
)
def test_detection_failures_fall_back(fn: Callable[..., str], fallback: str) -> None:
    assert fn(boom) == fallback
    assert fn(lambda: None) == fallback  # a broken platform module returning None


def test_platform_headers_values() -> None:
    headers = plat.platform_headers()
    assert headers == {
        "X-Stainless-Lang": "python",
        "X-Stainless-Package-Version": __version__,
        "X-Stainless-OS": plat.os_name(),
        "X-Stainless-Arch": plat.arch_name(),
        "X-Stainless-Runtime": platform.python_implementation(),
        "X-Stainless-Runtime-Version": platform.python_version(),
    }
    assert __version__ == "0.1.0"


def test_platform_headers_fall_back_when_everything_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("python_implementation", "python_version"):
        monkeypatch.setattr(platform, name, boom)
    # os_name/arch_name bound platform.system/machine as defaults: feed them the failure
    monkeypatch.setattr(plat, "os_name", functools.partial(plat.os_name, boom))
    monkeypatch.setattr(plat, "arch_name", functools.partial(plat.arch_name, boom))
    plat.platform_headers.cache_clear()
    try:
        headers = plat.platform_headers()
    finally:
        plat.platform_headers.cache_clear()
    assert headers["X-Stainless-OS"] == "Unknown"
    assert headers["X-Stainless-Arch"] == "unknown"
    assert headers["X-Stainless-Runtime"] == "unknown"
    assert headers["X-Stainless-Runtime-Version"] == "unknown"
    assert headers["X-Stainless-Lang"] == "python"


def test_platform_headers_are_cached() -> None:
    assert plat.platform_headers() is plat.platform_headers()


def test_async_library_outside_any_loop() -> None:
    assert plat.async_library() == "unknown"


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_async_library_inside_a_loop(backend: str) -> None:
    seen: list[str] = []

    async def main() -> None:
        seen.append(plat.async_library())

    anyio.run(main, backend=backend)
    assert seen == [backend]


def test_async_library_when_trio_is_not_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "trio", raising=False)
    seen: list[str] = []

    async def main() -> None:
        seen.append(plat.async_library())

    anyio.run(main, backend="asyncio")
    assert seen == ["asyncio"]
