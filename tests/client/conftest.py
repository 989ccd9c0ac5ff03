"""Client tests run one body three ways: the sync client, and the async one on asyncio
and on trio. A test opts in with ``@pytest.mark.anyio`` and the ``kit`` fixture; the
sync flavour runs inside an asyncio test (its calls never yield, so that costs nothing).
Every anyio test in this directory is parametrized over the three flavours."""

from __future__ import annotations

from typing import AsyncIterator

import pytest
from client_kit import Kit


@pytest.fixture(params=["sync", "asyncio", "trio"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    return "asyncio" if flavor == "sync" else flavor


@pytest.fixture
async def kit(flavor: str) -> AsyncIterator[Kit]:
    helper = Kit(flavor)
    yield helper
    await helper.aclose_all()
