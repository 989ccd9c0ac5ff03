"""``job.wait``: every unended batch of a job polled in rounds, one progress snapshot each.

    plan = JobWaitPlan(state, options, now=clock(), created=lambda batch_id: None)
    while (delay := plan.next_delay(clock())) is not None:
        sleep(delay)
        for index, batch_id in plan.due(clock()):
            plan.on_batch(index, retrieve(batch_id), clock())   # or plan.on_error(...)
        on_progress(plan.snapshot(clock()))

Each batch keeps its own ``WaitMachine`` (its backoff, its 404 grace, its share of a
``Retry-After``); a round polls the batches whose next poll is due, so a job of many
batches makes the same requests as waiting for each batch alone, only side by side. The
``timeout`` of the options covers the whole job (every machine starts at the same time).
``JobWaitPlan`` is pure; ``sync_job_wait`` / ``async_job_wait`` only sleep and retrieve.
"""

from __future__ import annotations

import dataclasses
from typing import Awaitable, Callable, Dict, List, Optional, Tuple, Union

from .._api_client import AsyncAPIClient, SyncAPIClient
from ..types.messages import MessageBatch
from ._api import AsyncBatchesAPI, SyncBatchesAPI
from ._created import created_time
from ._job_state import JobProgress, JobState
from ._wait import async_cancel_on_exit, cancel_on_exit, report
from ._wait_machine import Done, Poll, Step, WaitMachine, WaitOptions

__all__ = [
    "AsyncJobProgressCallback",
    "JobProgressCallback",
    "JobWaitPlan",
    "async_job_wait",
    "sync_job_wait",
]

JobProgressCallback = Callable[[JobProgress], object]
"""``on_progress(snapshot)``: once per poll round, the job's counts summed over batches."""

AsyncJobProgressCallback = Callable[[JobProgress], Union[Awaitable[object], object]]
"""``on_progress(snapshot)`` on the async client: a plain function or a coroutine function."""

# Polls due within this many seconds of each other go out in the same round.
_ROUND_SLACK = 1e-6


class JobWaitPlan:
    """The state of one job wait: a ``WaitMachine`` and a due time per unended batch."""

    def __init__(
        self,
        state: JobState,
        options: WaitOptions,
        *,
        now: float,
        created: Callable[[str], Optional[float]],
    ) -> None:
        self.state = state
        self.started = now
        self._machines: Dict[int, WaitMachine] = {}
        self._due: Dict[int, float] = {}
        options = dataclasses.replace(options, cancel_on_exit=False)
        for index, target in state.wait_targets():
            batch_id = target if isinstance(target, str) else target.id
            # A batch seen before (e.g. as created) is not polled at once, and its
            # ``created_at`` tells the machine its age.
            target = state.last_seen[index] or target
            machine = WaitMachine(target, options, now=now, created=created(batch_id))
            self._machines[index] = machine
            self._step(index, machine.start(), now)

    def next_delay(self, now: float) -> Optional[float]:
        """Seconds until the next round, or ``None`` once every batch has ended."""
        if not self._due:
            return None
        return max(0.0, min(self._due.values()) - now)

    def due(self, now: float) -> List[Tuple[int, str]]:
        """``(index, batch id)`` of each batch to retrieve in this round."""
        return [
            (index, self._machines[index].batch_id)
            for index, at in sorted(self._due.items())
            if at <= now + _ROUND_SLACK
        ]

    def on_batch(self, index: int, batch: MessageBatch, now: float) -> None:
        self.state.seen(index, batch)
        self._step(index, self._machines[index].on_batch(batch, now), now)

    def on_error(self, index: int, exc: Exception, now: float) -> None:
        """Ride out what the batch's machine rides out; re-raise the rest."""
        self._step(index, self._machines[index].on_error(exc, now), now)

    def snapshot(self, now: float) -> JobProgress:
        return JobProgress.of(self.state.last_seen, elapsed=now - self.started)

    def result(self) -> List[MessageBatch]:
        """Every batch's ended state, in creation order (once ``next_delay`` is ``None``)."""
        return [batch for batch in self.state.last_seen if batch is not None]

    def _step(self, index: int, step: Step, now: float) -> None:
        machine = self._machines[index]
        if isinstance(step, Poll):
            self._due[index] = now + step.delay
            return
        self._due.pop(index, None)
        if isinstance(step, Done):
            self.state.seen(index, step.batch)
            return
        raise machine.timeout_error(now)


def _plan(
    client: Union[SyncAPIClient, AsyncAPIClient], state: JobState, options: WaitOptions
) -> JobWaitPlan:
    """The plan of one job wait, told when this client created each batch (if it did)."""
    return JobWaitPlan(
        state, options, now=client._clock(), created=lambda batch_id: created_time(client, batch_id)
    )


def sync_job_wait(
    batches: SyncBatchesAPI,
    state: JobState,
    options: WaitOptions,
    on_progress: Optional[JobProgressCallback] = None,
) -> List[MessageBatch]:
    client = batches._client
    with cancel_on_exit(batches, options.cancel_on_exit, state.unended_ids):
        plan = _plan(client, state, options)
        while True:
            delay = plan.next_delay(client._clock())
            if delay is None:
                return plan.result()
            if delay > 0:
                client._sleep(delay)
            for index, batch_id in plan.due(client._clock()):
                try:
                    polled = batches.retrieve(batch_id)
                except Exception as exc:
                    plan.on_error(index, exc, client._clock())
                    continue
                plan.on_batch(index, polled, client._clock())
            if on_progress is not None:
                on_progress(plan.snapshot(client._clock()))


async def async_job_wait(
    batches: AsyncBatchesAPI,
    state: JobState,
    options: WaitOptions,
    on_progress: Optional[AsyncJobProgressCallback] = None,
) -> List[MessageBatch]:
    client = batches._client
    async with async_cancel_on_exit(batches, options.cancel_on_exit, state.unended_ids):
        plan = _plan(client, state, options)
        while True:
            delay = plan.next_delay(client._clock())
            if delay is None:
                return plan.result()
            if delay > 0:
                await client._sleep(delay)
            for index, batch_id in plan.due(client._clock()):
                try:
                    polled = await batches.retrieve(batch_id)
                except Exception as exc:
                    plan.on_error(index, exc, client._clock())
                    continue
                plan.on_batch(index, polled, client._clock())
            await report(on_progress, plan.snapshot(client._clock()))
