"""What every command is given (``Context``), and the helpers several commands share.

``_commands`` (whose table includes ``submit``) and ``_submit`` both import these from
here, so neither has to import the other back.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Dict, Iterable, Optional, TypeVar

from typing_extensions import TypedDict

from ._format import batch_fields, job_status, progress_of
from ._output import Output
from ._progress import open_progress

if TYPE_CHECKING:
    from .._client import Anthropic
    from ..types.messages import MessageBatch

__all__ = ["Context", "WaitOptions", "batch_json", "show_batch", "wait_args", "wait_with_progress"]

_T = TypeVar("_T")


@dataclass
class Context:
    client: Anthropic
    out: Output
    args: argparse.Namespace


def batch_json(batch: MessageBatch) -> Dict[str, object]:
    return batch.to_dict(mode="json")


def show_batch(ctx: Context, batch: MessageBatch, title: Optional[str] = None) -> None:
    if ctx.out.json_mode:
        ctx.out.write_json(batch_json(batch))
    else:
        ctx.out.fields(title or batch.id, batch_fields(batch))


def wait_with_progress(
    ctx: Context,
    label: str,
    known: Iterable[MessageBatch],
    wait: Callable[[Callable[[MessageBatch], None]], _T],
) -> _T:
    """Run ``wait(on_progress)`` with a bar on stderr (terminals only).

    The bar combines the request counts of every batch in ``known`` (a job's batches),
    each replaced by its newest state as polls report it.
    """
    latest: Dict[str, MessageBatch] = {batch.id: batch for batch in known}
    with open_progress(ctx.out.stderr, label) as bar:

        def on_progress(batch: MessageBatch) -> None:
            latest[batch.id] = batch
            done = total = 0
            for each in latest.values():
                d, t = progress_of(each)
                done, total = done + d, total + t
            bar.update(done, total, job_status(latest.values()))

        if latest:
            on_progress(next(iter(latest.values())))
        return wait(on_progress)


class WaitOptions(TypedDict):
    """The ``wait`` options given on the command line, as keyword arguments of ``wait()``."""

    timeout: Optional[float]
    poll_interval: float
    max_poll_interval: float


def wait_args(args: argparse.Namespace) -> WaitOptions:
    return {
        "timeout": args.timeout,
        "poll_interval": args.poll_interval,
        "max_poll_interval": max(args.max_poll_interval, args.poll_interval),
    }
