"""``wait``: the sync and async drivers of ``WaitMachine`` (they only sleep and retrieve).

    batch = client.messages.batches.wait(batch, timeout=3600, on_progress=print)
    batch = await async_client.messages.batches.wait(batch.id)

Sleeping and the clock come from the client (``_sleep``/``_clock``), so tests drive a
wait with a manual clock and never sleep.
"""

from __future__ import annotations

import functools
import inspect
import logging
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

import anyio

from .._core.batch_specs import batch_or_id
from ..types.messages import MessageBatch
from ._poll import Done, Poll, WaitMachine

if TYPE_CHECKING:
    from ..resources.messages.batches import AsyncBatches, Batches

__all__ = ["CANCEL_GRACE", "async_wait", "best_effort_cancel", "sync_wait"]

log = logging.getLogger("anthropic.lib")

ProgressCallback = Callable[[MessageBatch], object]

CANCEL_GRACE = 30.0
"""Real seconds a ``cancel_on_exit`` cancel may take while shielded from cancellation."""


def sync_wait(
    batches: Batches,
    batch_or_id_: Union[str, MessageBatch],
    *,
    timeout: Optional[float] = None,
    poll_interval: float = 5.0,
    max_poll_interval: float = 60.0,
    on_progress: Optional[ProgressCallback] = None,
    cancel_on_exit: bool = False,
    not_found_grace: float = 60.0,
) -> MessageBatch:
    client = batches._client
    batch, batch_id = batch_or_id(batch_or_id_)
    machine = WaitMachine(
        batch_id,
        batch,
        now=client._clock(),
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        not_found_grace=not_found_grace,
    )
    try:
        step = machine.start()
        while isinstance(step, Poll):
            if step.delay > 0:
                client._sleep(step.delay)
            try:
                polled = batches.retrieve(batch_id)
            except Exception as exc:
                step = machine.on_error(exc, client._clock())
                continue
            if on_progress is not None:
                on_progress(polled)
            step = machine.on_batch(polled, client._clock())
        if isinstance(step, Done):
            return step.batch
        raise machine.timeout_error(client._clock())
    except BaseException:
        if cancel_on_exit:
            best_effort_cancel(batches, [batch_id])
        raise


async def async_wait(
    batches: AsyncBatches,
    batch_or_id_: Union[str, MessageBatch],
    *,
    timeout: Optional[float] = None,
    poll_interval: float = 5.0,
    max_poll_interval: float = 60.0,
    on_progress: Optional[Callable[[MessageBatch], Any]] = None,
    cancel_on_exit: bool = False,
    not_found_grace: float = 60.0,
) -> MessageBatch:
    client = batches._client
    batch, batch_id = batch_or_id(batch_or_id_)
    machine = WaitMachine(
        batch_id,
        batch,
        now=client._clock(),
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        not_found_grace=not_found_grace,
    )
    try:
        step = machine.start()
        while isinstance(step, Poll):
            if step.delay > 0:
                await client._sleep(step.delay)
            try:
                polled = await batches.retrieve(batch_id)
            except Exception as exc:
                step = machine.on_error(exc, client._clock())
                continue
            if on_progress is not None:
                outcome = on_progress(polled)
                if inspect.isawaitable(outcome):
                    await outcome
            step = machine.on_batch(polled, client._clock())
        if isinstance(step, Done):
            return step.batch
        raise machine.timeout_error(client._clock())
    except BaseException:
        if cancel_on_exit:
            await async_best_effort_cancel(batches, [batch_id])
        raise


def best_effort_cancel(batches: Batches, batch_ids: list[str]) -> None:
    """Cancel each batch; a failure is logged, never raised (we are already failing)."""
    for batch_id in batch_ids:
        _logged(batch_id, functools.partial(batches.cancel, batch_id))


def _logged(batch_id: str, call: Callable[[], object]) -> None:
    try:
        call()
    except Exception as exc:
        log.warning("could not cancel batch %s on exit: %s", batch_id, exc)


async def async_best_effort_cancel(batches: AsyncBatches, batch_ids: list[str]) -> None:
    """``best_effort_cancel`` shielded from the cancellation that may be unwinding us,
    and bounded by ``CANCEL_GRACE`` real seconds."""
    with anyio.CancelScope(shield=True) as scope:
        scope.deadline = anyio.current_time() + CANCEL_GRACE
        for batch_id in batch_ids:
            await _alogged(batches, batch_id)
    if scope.cancelled_caught:
        log.warning("canceling batches %s on exit took over %s s", batch_ids, CANCEL_GRACE)


async def _alogged(batches: AsyncBatches, batch_id: str) -> None:
    try:
        await batches.cancel(batch_id)
    except Exception as exc:
        log.warning("could not cancel batch %s on exit: %s", batch_id, exc)
