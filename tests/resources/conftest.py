"""Fixtures of the batches resource tests: one flavor per client kind and async backend."""

from __future__ import annotations

from typing import AsyncIterator

import pytest
from batches_kit import FLAVORS, Api

from support import Router


@pytest.fixture(params=FLAVORS)
def flavor(request: pytest.FixtureRequest) -> str:
    """``sync`` (the sync client), ``asyncio`` or ``trio`` (the async client on that loop)."""
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    # Overrides the suite-wide asyncio/trio parametrization: the sync flavor runs once.
    return "trio" if flavor == "trio" else "asyncio"


@pytest.fixture
def router() -> Router:
    return Router()


@pytest.fixture
async def api(flavor: str, router: Router) -> AsyncIterator[Api]:
    harness = Api(flavor, router)
    yield harness
    await harness.aclose()
