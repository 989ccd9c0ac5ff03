"""Shared fixtures for the emulator tests: a manual clock, an emulator, a raw httpx client."""

from __future__ import annotations

from typing import Iterator

import httpx
import pytest
from emulator_helpers import HEADERS

from anthropic.emulator import Emulator, ManualClock


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def emu(clock: ManualClock) -> Emulator:
    return Emulator(clock=clock, processing_time=60, seed=1)


@pytest.fixture
def http(emu: Emulator) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=emu.transport(), base_url="http://emulator.local", headers=HEADERS
    ) as client:
        yield client
