"""Suite-wide fixtures: async backends (asyncio and trio) and hygiene checks.

The whole suite runs with ``ANTHROPIC_LOG=debug`` (set here, before ``anthropic`` is
imported; an outer value wins) and every client the emulator makes sends the
recognizable ``support.TEST_KEY``. After each test phase the captured stdout, stderr,
log records and any failure text are searched for that key: a test whose output shows
it fails, whatever it asserted itself (``pytest_runtest_makereport`` below).
"""

from __future__ import annotations

import logging
import os
from typing import Any, Generator, List

os.environ.setdefault("ANTHROPIC_LOG", "debug")

import pytest
from hypothesis import HealthCheck, settings

import anthropic.emulator._emulator as _emulator_module
from anthropic._logs import setup_logging
from support import TEST_KEY

# Clients made by ``emu.client()`` without an explicit key send the test key, so the
# leak check below covers every emulator-driven test too.
_emulator_module.DEFAULT_API_KEY = TEST_KEY
# The secret the leak check looks for (tests/security runs a nested session with another).
_SECRET = os.environ.get("ANTHROPIC_TEST_LEAK_CANARY", TEST_KEY)

pytest_plugins = ("pytester",)  # tests/security checks that the leak check can fail

# Property tests must not fail because the machine is busy: the suite runs on loaded 2-core
# machines, where a slow example tripped Hypothesis' deadline / too_slow health check.
# Under CI the examples are also derandomized, so a red build reproduces exactly.
settings.register_profile(
    "anthropic-tests",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
settings.load_profile("anthropic-tests")


class _SecretWatch(logging.Handler):
    """Sees every record of the ``anthropic`` logger, even ones a test's caplog takes."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.hits: List[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a malformed record: look at its parts
            text = f"{record.msg!r} {record.args!r}"
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        if _SECRET in text:
            self.hits.append(f"{record.name}:{record.lineno}: {text[:300]}")


setup_logging()  # again, in case a plugin imported anthropic before the line above ran
_WATCH = _SecretWatch()
logging.getLogger("anthropic").addHandler(_WATCH)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Generator[None, Any, None]:
    outcome = yield
    report = outcome.get_result()
    leaks = [f"log record {hit}" for hit in _WATCH.hits]
    _WATCH.hits.clear()
    leaks += [
        name
        for name, content in report.sections
        if name.endswith(f" {report.when}") and _SECRET in content
    ]
    if report.failed and _SECRET in report.longreprtext:
        leaks.append("the failure's traceback")
    if leaks:
        report.outcome = "failed"
        report.longrepr = (
            f"The API key support.TEST_KEY leaked during {report.when} into: "
            + "; ".join(leaks)
            + (f"\n\n{report.longreprtext}" if report.longrepr else "")
        )


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    """Every ``@pytest.mark.anyio`` test runs once under asyncio and once under trio."""
    return str(request.param)


@pytest.fixture(autouse=True)
def _no_ambient_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up a developer's real credentials or base URL."""
    for name in ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
