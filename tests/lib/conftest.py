"""Fixtures of the ``anthropic.lib`` tests: one flavor per client kind and async backend."""

from __future__ import annotations

from typing import AsyncIterator

import pytest
from lib_kit import FLAVORS, Kit


@pytest.fixture(params=FLAVORS)
def flavor(request: pytest.FixtureRequest) -> str:
    """``sync`` (the sync client), ``asyncio`` or ``trio`` (the async client on that loop)."""
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    # Overrides the suite-wide asyncio/trio parametrization: the sync flavor runs once.
    return "trio" if flavor == "trio" else "asyncio"


@pytest.fixture
async def kit(flavor: str) -> AsyncIterator[Kit]:
    harness = Kit(flavor)
    yield harness
    await harness.aclose()
