"""emu.client() / emu.async_client(): the SDK's own clients, wired in-process."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from anthropic import Anthropic, APIConnectionError, AsyncAnthropic, AuthenticationError
from anthropic.emulator import (
    AsyncClientOptions,
    BatchRequest,
    ClientOptions,
    Emulator,
    Fault,
    ManualClock,
    ResponderError,
)

REQUESTS = [
    {
        "custom_id": "a",
        "params": {"model": "m", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]},
    },
    {
        "custom_id": "b",
        "params": {"model": "m", "max_tokens": 64, "messages": [{"role": "user", "content": "hi"}]},
    },
]


def responder(req: BatchRequest) -> str:
    if req.custom_id == "b":
        raise ResponderError("upstream failed")
    return "hello"


def test_sync_client_full_cycle() -> None:
    emu = Emulator(clock=ManualClock(), processing_time=30, responder=responder)
    with emu.client() as client:
        batch = client.messages.batches.create(requests=REQUESTS)  # type: ignore[arg-type]
        assert batch.processing_status == "in_progress"
        emu.advance(30)
        ended = client.messages.batches.retrieve(batch.id)
        assert ended.processing_status == "ended"
        assert (ended.request_counts.succeeded, ended.request_counts.errored) == (1, 1)
        results = {r.custom_id: r.result for r in client.messages.batches.results(batch.id)}
        assert results["a"].type == "succeeded"
        assert results["a"].message.content[0].text == "hello"  # type: ignore[union-attr]
        assert results["b"].type == "errored"
        assert [b.id for b in client.messages.batches.list()] == [batch.id]
        assert client.messages.batches.delete(batch.id).type == "message_batch_deleted"


def test_sync_client_retries_through_faults_and_sends_create_once_per_attempt() -> None:
    emu = Emulator(clock=ManualClock())
    emu.faults.add(Fault.error(529, route="create", times=1))
    with emu.client(max_retries=2, _sleep=lambda s: None) as client:
        client.messages.batches.create(requests=REQUESTS)  # type: ignore[arg-type]
    assert emu.count("create") == 2
    assert emu.batch_count == 1


def test_wrong_key_and_connection_errors_surface_as_sdk_errors() -> None:
    emu = Emulator(clock=ManualClock(), api_key="sk-right")
    with emu.client(api_key="sk-wrong") as client, pytest.raises(AuthenticationError):
        client.messages.batches.list()
    emu.faults.add(Fault.drop())
    with emu.client(max_retries=0) as client, pytest.raises(APIConnectionError):
        client.messages.batches.list()


@pytest.mark.anyio
async def test_async_client_full_cycle() -> None:
    emu = Emulator(clock=ManualClock(), processing_time=30, responder=responder)
    async with emu.async_client() as client:
        batch = await client.messages.batches.create(requests=REQUESTS)  # type: ignore[arg-type]
        emu.advance(30)
        assert (await client.messages.batches.retrieve(batch.id)).processing_status == "ended"
        kinds = sorted(
            [r.result.type async for r in await client.messages.batches.results(batch.id)]
        )
        assert kinds == ["errored", "succeeded"]


@pytest.mark.parametrize(
    ("options", "client_class"),
    [(ClientOptions, Anthropic), (AsyncClientOptions, AsyncAnthropic)],
)
def test_client_options_are_the_clients_keyword_arguments(options: Any, client_class: type) -> None:
    # emu.client(**options) passes them on: a keyword the client gains must be added here.
    params = inspect.signature(client_class).parameters.values()
    keywords = {p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert options.__required_keys__ | options.__optional_keys__ == keywords
