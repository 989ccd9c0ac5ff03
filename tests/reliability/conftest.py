"""Fixtures of the reliability tests: one rig per client flavour (sync, asyncio, trio)."""

from __future__ import annotations

import logging
from typing import AsyncIterator, Iterator

import pytest
from reliability_kit import FLAVORS, Rig


@pytest.fixture(params=FLAVORS)
def flavor(request: pytest.FixtureRequest) -> str:
    """``sync`` (the sync client), ``asyncio`` or ``trio`` (the async client on that loop)."""
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    # Overrides the suite-wide asyncio/trio parametrization: the sync flavour runs once.
    return "trio" if flavor == "trio" else "asyncio"


@pytest.fixture
async def rig(flavor: str) -> AsyncIterator[Rig]:
    harness = Rig(flavor)
    yield harness
    await harness.aclose()


@pytest.fixture
def quiet_logs() -> Iterator[None]:
    # pytest keeps every captured log record in memory for its report: at debug level
    # that is 2+ records per call (ours and httpx's), which would read as a leak. The
    # soak logs warnings only.
    loggers = [logging.getLogger(name) for name in ("anthropic", "httpx")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    yield
    for logger, level in zip(loggers, levels):
        logger.setLevel(level)
