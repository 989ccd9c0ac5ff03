"""What every command is given (``Context``), and the helpers several commands share.

``_commands`` (whose table includes ``submit``) and ``_submit`` both import these from
here, so neither has to import the other back.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, TypeVar

from typing_extensions import TypedDict

from ._format import batch_fields
from ._input import InputError
from ._output import Output, stream_is_tty
from ._progress import open_progress

if TYPE_CHECKING:
    from .._client import Anthropic
    from ..lib import JobProgress
    from ..types.messages import MessageBatch

__all__ = [
    "Context",
    "WaitOptions",
    "batch_ids",
    "batch_json",
    "show_batch",
    "wait_args",
    "wait_with_progress",
]

_T = TypeVar("_T")


@dataclass
class Context:
    """``clock``: monotonic seconds that pace progress lines (``main(_clock=...)`` in tests)."""

    client: Anthropic
    out: Output
    args: argparse.Namespace
    clock: Callable[[], float] = time.monotonic


def batch_json(batch: MessageBatch) -> Dict[str, object]:
    return batch.to_dict(mode="json")


def show_batch(ctx: Context, batch: MessageBatch, title: Optional[str] = None) -> None:
    if ctx.out.json_mode:
        ctx.out.write_json(batch_json(batch))
    else:
        ctx.out.fields(title or batch.id, batch_fields(batch))


def batch_ids(ctx: Context) -> List[str]:
    """The batches a command acts on: the ``BATCH_ID`` arguments, then those of ``--job``
    (each once, in that order)."""
    from ..lib._job_state import JobState  # here: start-up speed (it loads the types)

    ids: List[str] = list(getattr(ctx.args, "batch_ids", None) or [])
    job_file: Optional[str] = getattr(ctx.args, "job", None)
    if job_file is not None:
        try:
            ids += JobState.parse(Path(job_file)).batch_ids
        except (OSError, ValueError) as exc:
            raise InputError(f"--job {job_file}: {exc}") from None
    if not ids:
        raise InputError(
            "name at least one batch: BATCH_ID ... or --job FILE (from submit --save-job)"
        )
    return list(dict.fromkeys(ids))


def wait_with_progress(
    ctx: Context,
    label: str,
    first: Optional[JobProgress],
    wait: Callable[[Callable[[JobProgress], None]], _T],
) -> _T:
    """Run ``wait(on_progress)`` with progress on stderr: a bar on a terminal; elsewhere
    (a pipe, a log file, CI) one plain line per change of the counts, or per minute
    (none with ``--json``, whose stderr holds only JSON errors).
    ``first``: the state to show before the first poll, if known."""
    from ..lib import ProgressBar  # here: start-up speed

    stderr = ctx.out.stderr
    if not stream_is_tty(stderr):
        if ctx.out.json_mode:  # stderr carries only JSON errors then
            return wait(lambda snapshot: None)
        lines = ProgressBar(stderr, rich=False)
        if first is not None:
            lines(first)
        return wait(lines)
    with open_progress(stderr, label) as bar:

        def on_progress(snapshot: JobProgress) -> None:
            status = f"{snapshot.ended_batches}/{snapshot.batch_count} ended"
            if snapshot.batch_count == 1:
                status = "ended" if snapshot.done else "in_progress"
            bar.update(snapshot.finished, snapshot.total, status)

        if first is not None:
            on_progress(first)
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
