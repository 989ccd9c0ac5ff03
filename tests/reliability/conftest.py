"""Fixtures of the reliability tests: one rig per client flavour (sync, asyncio, trio)."""

from __future__ import annotations

from typing import AsyncIterator

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
