"""Fixtures of the Messages tests: one flavor per client kind and async backend."""

from __future__ import annotations

import pytest
from messages_kit import FLAVORS


@pytest.fixture(params=FLAVORS)
def flavor(request: pytest.FixtureRequest) -> str:
    """``sync`` (the sync client), ``asyncio`` or ``trio`` (the async client on that loop)."""
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    # Overrides the suite-wide asyncio/trio parametrization: the sync flavor runs once.
    return "trio" if flavor == "trio" else "asyncio"
