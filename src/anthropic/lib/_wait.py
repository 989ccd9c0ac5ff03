"""``wait``: the sync and async drivers of ``WaitMachine`` (they only sleep and retrieve).

    batch = client.messages.batches.wait(batch, timeout=3600, on_progress=print)
    batch = await async_client.messages.batches.wait(batch.id)

Sleeping and the clock come from the client (``_sleep``/``_clock``), so tests drive a
wait with a manual clock and never sleep. The machine is told when this client created
the batch, if it did (``_created``): with the batch's ``created_at``, that is what the
404 grace is measured from; an id of unknown age gets none.

``cancel_on_exit`` / ``async_cancel_on_exit`` wrap a wait (of one batch or of a whole
job) and cancel what is left running if it ends by an exception, Ctrl-C or a
cancellation.
"""

from __future__ import annotations

import inspect
import logging
from contextlib import asynccontextmanager, contextmanager
from typing import AsyncGenerator, Awaitable, Callable, Generator, List, Optional, TypeVar, Union

import anyio

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._core.batch_specs import batch_or_id
from ..types.messages import MessageBatch
from ._api import AsyncBatchesAPI, SyncBatchesAPI
from ._created import created_time
from ._wait_machine import Poll, WaitMachine, WaitOptions

__all__ = [
    "CANCEL_GRACE",
    "AsyncProgressCallback",
    "ProgressCallback",
    "async_cancel_on_exit",
    "async_wait",
    "cancel_on_exit",
    "report",
    "sync_wait",
]

T = TypeVar("T")

log = logging.getLogger("anthropic.lib")

ProgressCallback = Callable[[MessageBatch], object]
"""``on_progress(batch)``, called after each successful poll."""

AsyncProgressCallback = Callable[[MessageBatch], Union[Awaitable[object], object]]
"""``on_progress(batch)`` on the async client: a plain function or a coroutine function."""

CANCEL_GRACE = 30.0
"""Real seconds a ``cancel_on_exit`` cancel may take while shielded from cancellation."""


def _machine(
    client: Union[SyncAPIClient, AsyncAPIClient],
    target: Union[str, MessageBatch],
    options: WaitOptions,
) -> WaitMachine:
    """The machine of one wait, told when this client created the batch (if it did)."""
    _, batch_id = batch_or_id(target)  # checks ``target`` before anything else
    created = created_time(client, batch_id)
    return WaitMachine(target, options, now=client._clock(), created=created)


def sync_wait(
    batches: SyncBatchesAPI,
    target: Union[str, MessageBatch],
    options: WaitOptions,
    on_progress: Optional[ProgressCallback] = None,
) -> MessageBatch:
    client = batches._client
    machine = _machine(client, target, options)
    with cancel_on_exit(batches, options.cancel_on_exit, lambda: [machine.batch_id]):
        step = machine.start()
        while isinstance(step, Poll):
            if step.delay > 0:
                client._sleep(step.delay)
            try:
                polled = batches.retrieve(machine.batch_id)
            except Exception as exc:
                step = machine.on_error(exc, client._clock())
                continue
            if on_progress is not None:
                on_progress(polled)
            step = machine.on_batch(polled, client._clock())
        return machine.result(step, client._clock())


async def async_wait(
    batches: AsyncBatchesAPI,
    target: Union[str, MessageBatch],
    options: WaitOptions,
    on_progress: Optional[AsyncProgressCallback] = None,
) -> MessageBatch:
    client = batches._client
    machine = _machine(client, target, options)
    async with async_cancel_on_exit(batches, options.cancel_on_exit, lambda: [machine.batch_id]):
        step = machine.start()
        while isinstance(step, Poll):
            if step.delay > 0:
                await client._sleep(step.delay)
            try:
                polled = await batches.retrieve(machine.batch_id)
            except Exception as exc:
                step = machine.on_error(exc, client._clock())
                continue
            await report(on_progress, polled)
            step = machine.on_batch(polled, client._clock())
        return machine.result(step, client._clock())


async def report(on_progress: Optional[Callable[[T], object]], value: T) -> None:
    """Call an async wait's ``on_progress(value)``, awaiting it if it is a coroutine function."""
    outcome = None if on_progress is None else on_progress(value)
    if inspect.isawaitable(outcome):
        await outcome


@contextmanager
def cancel_on_exit(
    batches: SyncBatchesAPI, enabled: bool, batch_ids: Callable[[], List[str]]
) -> Generator[None, None, None]:
    """If ``enabled`` and the block raises anything, cancel ``batch_ids()`` first; a failed
    cancel is logged, never raised (the block is already failing)."""
    try:
        yield
    except BaseException:
        if enabled:
            for batch_id in batch_ids():
                _cancel_logged(batches, batch_id)
        raise


@asynccontextmanager
async def async_cancel_on_exit(
    batches: AsyncBatchesAPI, enabled: bool, batch_ids: Callable[[], List[str]]
) -> AsyncGenerator[None, None]:
    """``cancel_on_exit``, its cancels shielded from the cancellation that may be
    unwinding the block and bounded by ``CANCEL_GRACE`` real seconds."""
    try:
        yield
    except BaseException:
        if enabled:
            ids = batch_ids()
            with anyio.CancelScope(shield=True) as scope:
                scope.deadline = anyio.current_time() + CANCEL_GRACE
                for batch_id in ids:
                    await _async_cancel_logged(batches, batch_id)
            if scope.cancelled_caught:
                log.warning("canceling batches %s on exit took over %s s", ids, CANCEL_GRACE)
        raise


def _cancel_logged(batches: SyncBatchesAPI, batch_id: str) -> None:
    try:
        batches.cancel(batch_id)
    except Exception as exc:
        log.warning("could not cancel batch %s on exit: %s", batch_id, exc)


async def _async_cancel_logged(batches: AsyncBatchesAPI, batch_id: str) -> None:
    try:
        await batches.cancel(batch_id)
    except Exception as exc:
        log.warning("could not cancel batch %s on exit: %s", batch_id, exc)
