"""Fixtures of the security tests: the reliability tests' rig (sync, asyncio, trio)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import AsyncIterator

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reliability"))

from reliability_kit import FLAVORS, Rig


@pytest.fixture(params=FLAVORS)
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    return "trio" if flavor == "trio" else "asyncio"


@pytest.fixture
async def rig(flavor: str) -> AsyncIterator[Rig]:
    harness = Rig(flavor)
    yield harness
    await harness.aclose()
