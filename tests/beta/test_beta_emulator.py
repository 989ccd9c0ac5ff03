"""The emulator serves the beta batches endpoint (``?beta=true`` + ``anthropic-beta``).

Written as official-SDK code would be: the beta resource, the beta import paths, and the
beta types of the results lines; once in process (virtual time) and once over HTTP.
"""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic.emulator import Emulator, ManualClock
from anthropic.types.beta import BetaMessage
from anthropic.types.beta.messages import (
    BetaMessageBatch,
    BetaMessageBatchIndividualResponse,
    BetaMessageBatchSucceededResult,
)

REQUESTS: List[Dict[str, Any]] = [
    {
        "custom_id": f"q{i}",
        "params": {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 32,
            "messages": [{"role": "user", "content": f"Question {i}"}],
        },
    }
    for i in range(3)
]


def run_lifecycle(client: Anthropic, advance: Any) -> None:
    batches = client.beta.messages.batches
    batch = batches.create(requests=REQUESTS, betas=["files-api-2025-04-14"])
    assert isinstance(batch, BetaMessageBatch)
    assert batch.processing_status == "in_progress"
    advance()
    assert batches.retrieve(batch.id).processing_status == "ended"
    assert [b.id for b in batches.list(limit=10)] == [batch.id]
    lines = list(batches.results(batch.id))
    assert sorted(line.custom_id for line in lines) == ["q0", "q1", "q2"]
    for line in lines:
        assert isinstance(line, BetaMessageBatchIndividualResponse)
        assert isinstance(line.result, BetaMessageBatchSucceededResult)
        assert isinstance(line.result.message, BetaMessage)
    assert batches.delete(batch.id).id == batch.id


def test_in_process_emulator_serves_the_beta_endpoint() -> None:
    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=60)
    with emu.client() as client:
        run_lifecycle(client, lambda: clock.advance(61))
    routes = [r.route for r in emu.requests_log]
    assert routes == ["create", "retrieve", "list", "retrieve", "results", "delete"]
    assert all(r.status == 200 for r in emu.requests_log)


def test_http_emulator_serves_the_beta_endpoint() -> None:
    pytest.importorskip("uvicorn")
    emu = Emulator()
    with emu.serve() as server, Anthropic(base_url=server.base_url, api_key="k") as client:
        run_lifecycle(client, lambda: None)


@pytest.mark.anyio
async def test_async_beta_results_and_wait_on_the_emulator() -> None:
    emu = Emulator(clock=ManualClock(), processing_time=30)
    async with emu.async_client() as client:
        batches = client.beta.messages.batches
        batch = await batches.create(requests=REQUESTS)
        ended = await batches.wait(batch, poll_interval=10)
        assert ended.processing_status == "ended"
        async with batches.results(ended) as results:
            lines = [line async for line in results]
        assert all(isinstance(line.unwrap(), BetaMessage) for line in lines)
        assert isinstance(client, AsyncAnthropic)
