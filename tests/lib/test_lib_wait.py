"""``batches.wait``: schedules, deadlines, transient faults, 404 grace, cancel_on_exit."""

from __future__ import annotations

from typing import Any, Callable, List

import anyio
import httpx
import pytest
from lib_kit import Kit, make_requests

from anthropic import AnthropicError, APIConnectionError, BadRequestError, NotFoundError
from anthropic.emulator import Fault
from anthropic.lib import BatchWaitTimeout
from anthropic.lib._wait_machine import (
    Done,
    Poll,
    TimedOut,
    WaitMachine,
    WaitOptions,
    is_transient,
)
from anthropic.types.messages import MessageBatch

pytestmark = pytest.mark.anyio


async def create(kit: Kit, n: int = 3) -> MessageBatch:
    batch: MessageBatch = await kit.call(kit.batches, "create", requests=make_requests(n))
    return batch


async def test_intervals_grow_to_the_maximum_and_the_ended_batch_is_returned(kit: Kit) -> None:
    kit.emu.processing_time = 300
    batch = await create(kit)
    seen: List[str] = []
    ended = await kit.call(
        kit.batches, "wait", batch.id, on_progress=lambda b: seen.append(b.processing_status)
    )
    assert ended.processing_status == "ended"
    assert ended.request_counts.succeeded == 3
    assert kit.sleeps == [5, 10, 20, 40, 60, 60, 60, 60]
    assert seen == ["in_progress"] * 8 + ["ended"]
    assert kit.emu.count("retrieve") == 9


async def test_custom_intervals(kit: Kit) -> None:
    batch = await create(kit)
    await kit.call(kit.batches, "wait", batch, poll_interval=1, max_poll_interval=8)
    # A batch passed in is not polled at once: its state is known.
    assert kit.sleeps == [1, 2, 4, 8, 8, 8, 8, 8, 8, 8]


async def test_an_ended_batch_returns_without_polling(kit: Kit) -> None:
    batch = await create(kit)
    kit.emu.advance(60)
    ended = await kit.call(kit.batches, "retrieve", batch.id)
    assert await kit.call(kit.batches, "wait", ended) is ended
    assert kit.emu.count("retrieve") == 1 and kit.sleeps == []


async def test_deadline_raises_a_typed_timeout_with_the_last_batch(kit: Kit) -> None:
    kit.emu.processing_time = 3600
    batch = await create(kit)
    with pytest.raises(BatchWaitTimeout) as info:
        await kit.call(kit.batches, "wait", batch.id, timeout=100)
    err = info.value
    assert isinstance(err, AnthropicError) and isinstance(err, TimeoutError)
    assert err.batch_id == batch.id
    assert err.batch is not None and err.batch.processing_status == "in_progress"
    assert kit.sleeps == [5, 10, 20, 40, 25]  # the last sleep stops at the deadline
    assert err.waited == 100
    assert batch.id in str(err)


async def test_timeout_zero_polls_once(kit: Kit) -> None:
    batch = await create(kit)
    with pytest.raises(BatchWaitTimeout):
        await kit.call(kit.batches, "wait", batch.id, timeout=0)
    assert kit.emu.count("retrieve") == 1 and kit.sleeps == []


@pytest.mark.parametrize(
    "make_fault",
    [
        lambda: Fault.error(429, route="retrieve", times=3),
        lambda: Fault.error(500, route="retrieve", times=3),
        lambda: Fault.error(503, route="retrieve", times=3),
        lambda: Fault.error(529, route="retrieve", times=3),
        lambda: Fault.drop(route="retrieve", times=3),
        lambda: Fault.drop(route="retrieve", times=3, after_processing=True),
        lambda: Fault.delay(1000, route="retrieve", times=3),
    ],
    ids=["429", "500", "503", "529", "drop", "drop-after", "read-timeout"],
)
async def test_transient_errors_do_not_end_the_wait(
    kit: Kit, make_fault: Callable[[], Fault]
) -> None:
    kit.emu.processing_time = 30
    batch = await create(kit)
    fault = kit.emu.faults.add(make_fault())
    progress: List[MessageBatch] = []
    ended = await kit.call(kit.batches, "wait", batch.id, on_progress=progress.append)
    assert ended.processing_status == "ended"
    assert fault.fired == 3
    assert kit.sleeps == [5, 10, 20]  # polls at 0, 5, 15 failed; 35 saw it ended
    assert [b.processing_status for b in progress] == ["ended"]


async def test_retry_after_lengthens_the_next_interval(kit: Kit) -> None:
    batch = await create(kit)
    kit.emu.faults.add(Fault.error(429, route="retrieve", times=1, retry_after=30))
    await kit.call(kit.batches, "wait", batch.id)
    assert kit.sleeps[:2] == [30, 10]


async def test_a_client_error_ends_the_wait(kit: Kit) -> None:
    batch = await create(kit)
    kit.emu.faults.add(Fault.error(400, route="retrieve", times=1))
    with pytest.raises(BadRequestError):
        await kit.call(kit.batches, "wait", batch.id)


async def test_404_right_after_create_counts_as_pending(kit: Kit) -> None:
    kit.emu.faults.add(Fault.not_found_after_create(12, route="retrieve"))
    batch = await create(kit)
    ended = await kit.call(kit.batches, "wait", batch.id)
    assert ended.processing_status == "ended"
    assert kit.sleeps[:3] == [5, 10, 20]  # 404 at t=0 and t=5, then found at t=15


async def test_404_past_the_grace_period_raises(kit: Kit) -> None:
    kit.emu.faults.add(Fault.not_found_after_create(100, route="retrieve"))
    batch = await create(kit)
    with pytest.raises(NotFoundError):
        await kit.call(kit.batches, "wait", batch.id, not_found_grace=12)
    assert kit.sleeps == [5, 10]  # 404 at t=0 and t=5 pending; at t=15 the batch is 15 s old


async def test_an_unknown_id_fails_on_the_first_poll(kit: Kit) -> None:
    # Before: the grace counted from the start of the wait, so a typo took 5 polls and
    # 75 s (0, 5, 15, 35, 75) to raise. An id of unknown age gets no grace.
    with pytest.raises(NotFoundError):
        await kit.call(kit.batches, "wait", "msgbatch_typo")
    assert kit.emu.count("retrieve") == 1 and kit.sleeps == []


async def test_a_fresh_batch_passed_in_gets_the_grace_from_its_created_at(kit: Kit) -> None:
    kit.emu.faults.add(Fault.not_found_after_create(12, route="retrieve"))
    other = kit.twin()  # another client (another process) created it: only created_at tells
    try:
        batch = await create(other)
        ended = await kit.call(kit.batches, "wait", batch, poll_interval=1)
        assert ended.processing_status == "ended" and kit.sleeps[:4] == [1, 2, 4, 8]
        # by id alone that client cannot know the batch is young: the first 404 is final
        kit.emu.faults.add(Fault.not_found_after_create(12, route="retrieve"))
        fresh = await create(other)
        with pytest.raises(NotFoundError):
            await kit.call(kit.batches, "wait", fresh.id)
    finally:
        await other.aclose()


async def test_a_job_just_submitted_gets_the_grace(kit: Kit) -> None:
    kit.emu.faults.add(Fault.not_found_after_create(12, route="retrieve"))
    job = await kit.call(kit.batches, "submit", make_requests(4), max_requests_per_batch=2)
    ended = await kit.call(job, "wait")
    assert [b.processing_status for b in ended] == ["ended", "ended"]


def test_the_grace_needs_a_known_age() -> None:
    response = httpx.Response(404, request=httpx.Request("GET", "http://x"))
    err = NotFoundError("not found", response=response, body=None)
    options = WaitOptions(not_found_grace=60)
    with pytest.raises(NotFoundError):  # unknown age: at once, even at the start
        WaitMachine("b", options, now=1000.0).on_error(err, 1000.0)
    created = WaitMachine("b", options, now=1000.0, created=990.0)
    assert isinstance(created.on_error(err, 1000.0), Poll)
    assert isinstance(created.on_error(err, 1049.0), Poll)
    with pytest.raises(NotFoundError):  # 60 s after the create
        created.on_error(err, 1050.0)


async def test_never_loops_forever_without_a_timeout(kit: Kit) -> None:
    kit.emu.faults.add(Fault.error(503, route="retrieve"))
    with pytest.raises(BatchWaitTimeout) as info:
        await kit.call(kit.batches, "wait", "msgbatch_x", max_poll_interval=3600)
    assert info.value.batch is None
    assert sum(kit.sleeps) == 25 * 3600


async def test_async_on_progress_is_awaited(flavor: str, kit: Kit) -> None:
    if flavor == "sync":
        pytest.skip("async callbacks are for the async client")
    batch = await create(kit)
    seen: List[str] = []

    async def on_progress(b: MessageBatch) -> None:
        await anyio.sleep(0)
        seen.append(b.processing_status)

    await kit.batches.wait(batch.id, on_progress=on_progress)
    assert seen[-1] == "ended" and len(seen) == kit.emu.count("retrieve")


async def test_cancel_on_exit_when_interrupted(kit: Kit) -> None:
    kit.emu.processing_time = 600
    batch = await create(kit, 10)

    def on_progress(b: MessageBatch) -> None:
        if kit.emu.count("retrieve") == 3:
            raise KeyboardInterrupt  # Ctrl-C while waiting

    with pytest.raises(KeyboardInterrupt):
        await kit.call(kit.batches, "wait", batch.id, on_progress=on_progress, cancel_on_exit=True)
    assert kit.emu.count("cancel") == 1
    after = await kit.call(kit.batches, "retrieve", batch.id)
    assert after.cancel_initiated_at is not None


async def test_without_cancel_on_exit_the_batch_keeps_running(kit: Kit) -> None:
    batch = await create(kit)

    def on_progress(b: MessageBatch) -> None:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        await kit.call(kit.batches, "wait", batch.id, on_progress=on_progress)
    assert kit.emu.count("cancel") == 0


async def test_cancel_on_exit_on_timeout(kit: Kit) -> None:
    batch = await create(kit)
    with pytest.raises(BatchWaitTimeout):
        await kit.call(kit.batches, "wait", batch.id, timeout=10, cancel_on_exit=True)
    assert kit.emu.count("cancel") == 1


async def test_anyio_cancel_scope_cancels_the_batch(flavor: str, kit: Kit) -> None:
    if flavor == "sync":
        pytest.skip("cancel scopes interrupt the async client")
    kit.emu.processing_time = 600
    batch = await create(kit)
    with anyio.CancelScope() as scope:

        def on_progress(b: MessageBatch) -> None:
            if kit.emu.count("retrieve") == 2:
                scope.cancel()

        await kit.batches.wait(batch.id, on_progress=on_progress, cancel_on_exit=True)
        await anyio.sleep(0)  # a checkpoint: the cancellation lands at the latest here
    assert scope.cancelled_caught
    assert kit.emu.count("cancel") == 1
    after = await kit.batches.retrieve(batch.id)
    assert after.cancel_initiated_at is not None


async def test_cancel_failure_is_logged_not_raised(kit: Kit, caplog: Any) -> None:
    batch = await create(kit)
    kit.emu.faults.add(Fault.error(500, route="cancel"))
    with pytest.raises(BatchWaitTimeout):
        await kit.call(kit.batches, "wait", batch.id, timeout=1, cancel_on_exit=True)
    assert "could not cancel batch" in caplog.text


@pytest.mark.parametrize(
    "kwargs",
    [
        {"poll_interval": 0},
        {"poll_interval": -1},
        {"max_poll_interval": 1, "poll_interval": 2},
        {"timeout": -1},
        {"not_found_grace": -1},
        {"poll_interval": float("nan")},
    ],
)
async def test_bad_arguments_raise_before_any_io(kit: Kit, kwargs: Any) -> None:
    with pytest.raises(ValueError):
        await kit.call(kit.batches, "wait", "msgbatch_x", **kwargs)
    assert kit.emu.count("retrieve") == 0


def test_machine_schedule_is_pure() -> None:
    m = WaitMachine("b", WaitOptions(timeout=50, poll_interval=5, max_poll_interval=20), now=1000.0)
    step = m.start()
    assert isinstance(step, Poll) and step.delay == 0
    assert m.deadline == 1050
    # transient errors keep growing the interval; the last delay is cut at the deadline
    delays = []
    now = 1000.0
    exc = ConnectionError()  # not ours: would re-raise
    with pytest.raises(ConnectionError):
        m.on_error(exc, now)
    err = APIConnectionError(request=httpx.Request("GET", "http://x"))
    assert is_transient(err)
    for _ in range(5):
        step = m.on_error(err, now)
        if isinstance(step, TimedOut):
            break
        assert isinstance(step, Poll)
        delays.append(step.delay)
        now += step.delay
    assert delays == [5, 10, 20, 15]
    assert isinstance(m.on_error(err, now), TimedOut)
    assert m.timeout_error(now).waited == 50


def test_machine_done_on_an_ended_batch() -> None:
    batch = MessageBatch.model_validate(
        {
            "id": "b",
            "type": "message_batch",
            "processing_status": "ended",
            "request_counts": {
                "processing": 0,
                "succeeded": 1,
                "errored": 0,
                "canceled": 0,
                "expired": 0,
            },
            "created_at": "2024-09-24T18:37:24Z",
            "expires_at": "2024-09-25T18:37:24Z",
        }
    )
    step = WaitMachine(batch, WaitOptions(), now=0.0).start()
    assert isinstance(step, Done) and step.batch is batch


async def test_the_registry_keeps_parsed_creates_of_this_client_only(kit: Kit) -> None:
    from anthropic.lib import _created

    batch = MessageBatch.model_construct(id="msgbatch_reg")
    _created.note_created(kit.client, httpx.Response(200))  # a raw reply: not recorded
    _created.note_created(kit.client, MessageBatch.model_construct(id=5))  # half-built
    assert _created.created_time(kit.client, "msgbatch_reg") is None
    _created.note_created(kit.client, batch)
    assert _created.created_time(kit.client, "msgbatch_reg") == kit.clock.now()
    other = kit.twin()
    assert _created.created_time(other.client, "msgbatch_reg") is None
    await other.aclose()
    for i in range(_created.MAX_REMEMBERED):
        _created.note_created(kit.client, MessageBatch.model_construct(id=f"msgbatch_{i}"))
    assert _created.created_time(kit.client, "msgbatch_reg") is None  # the oldest goes first
    assert _created.created_time(kit.client, "msgbatch_0") is not None


def test_a_creation_time_ahead_of_the_clock_grants_no_more_than_the_grace() -> None:
    response = httpx.Response(404, request=httpx.Request("GET", "http://x"))
    err = NotFoundError("not found", response=response, body=None)
    machine = WaitMachine("b", WaitOptions(not_found_grace=60), now=1000.0, created=1e12)
    assert isinstance(machine.on_error(err, 1059.0), Poll)
    with pytest.raises(NotFoundError):
        machine.on_error(err, 1060.0)
