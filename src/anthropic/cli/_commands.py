"""One function per command: ``(Context) -> exit code``, and ``COMMANDS``, the table.

Commands call the client and the ``anthropic.lib`` helpers and hand models to
``Output``; they raise the library's exceptions, which ``main`` maps to exit codes.
``submit`` is in ``_submit``; what commands share is in ``_context``.

``anthropic.lib`` is imported inside the commands that use it: it loads pydantic and
the response types, which ``--help`` and usage errors do not need.
"""

from __future__ import annotations

import os
import time
from itertools import islice
from typing import TYPE_CHECKING, Callable, Dict, Iterable, TextIO

from ._context import Context, batch_json, show_batch, wait_args, wait_with_progress
from ._format import BATCH_COLUMNS, batch_row, counts_text, format_elapsed, plural
from ._parser import EXIT_FAILURES, EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from ._progress import open_progress
from ._submit import submit

if TYPE_CHECKING:
    from ..types.messages import MessageBatch

__all__ = ["COMMANDS"]

# Progress of a results download is redrawn every this many lines (and at the end).
_RESULTS_PROGRESS_EVERY = 200


# -- get / cancel / delete / list -----------------------------------------------------------


def cmd_get(ctx: Context) -> int:
    show_batch(ctx, ctx.client.messages.batches.retrieve(ctx.args.batch_id))
    return EXIT_OK


def cmd_cancel(ctx: Context) -> int:
    batch = ctx.client.messages.batches.cancel(ctx.args.batch_id)
    show_batch(ctx, batch, f"{batch.id}: cancel requested")
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    deleted = ctx.client.messages.batches.delete(ctx.args.batch_id)
    if ctx.out.json_mode:
        ctx.out.write_json(deleted.to_dict(mode="json"))
    else:
        ctx.out.line(f"Deleted {deleted.id}")
    return EXIT_OK


def cmd_list(ctx: Context) -> int:
    args = ctx.args
    page_size = 1000 if args.all else min(args.limit, 1000)
    batches: Iterable[MessageBatch] = ctx.client.messages.batches.list(limit=page_size)
    if not args.all:
        batches = islice(batches, args.limit)
    if ctx.out.json_mode:
        for batch in batches:  # streamed: each page is printed as it arrives
            ctx.out.write_json(batch_json(batch))
        return EXIT_OK
    rows = [batch_row(batch) for batch in batches]
    if rows:
        ctx.out.table(BATCH_COLUMNS, rows)
    else:
        ctx.out.line("No batches.")
    return EXIT_OK


# -- wait ------------------------------------------------------------------------------------


def cmd_wait(ctx: Context) -> int:
    from ..lib import BatchWaitTimeout  # here: start-up speed (see the module docstring)

    batches = ctx.client.messages.batches
    started = time.monotonic()
    # Retrieve first: the bar starts from the real counts (a mistyped id fails here, as it
    # would on wait()'s first poll: an id of unknown age gets no 404 grace).
    first = batches.retrieve(ctx.args.batch_id)
    try:
        batch = wait_with_progress(
            ctx,
            first.id,
            [first],
            lambda on_progress: batches.wait(first, on_progress=on_progress, **wait_args(ctx.args)),
        )
    except BatchWaitTimeout as exc:
        last = exc.batch or first
        show_batch(ctx, last, f"{last.id} (still {last.processing_status})")
        ctx.out.error(str(exc), kind="wait_timeout", details={"batch_id": last.id})
        return EXIT_TIMEOUT
    elapsed = format_elapsed(time.monotonic() - started)
    show_batch(ctx, batch, f"{batch.id} {batch.processing_status} (waited {elapsed})")
    return EXIT_OK


# -- results ---------------------------------------------------------------------------------


def _stream_results(ctx: Context, batch: MessageBatch, sink: TextIO) -> int:
    done, total = 0, sum(batch.request_counts.values())
    results = ctx.client.messages.batches.results(batch)
    with open_progress(ctx.out.stderr, batch.id) as bar, results:
        bar.update(0, total, "downloading")
        for entry in results:
            sink.write(entry.to_json(indent=None) + "\n")
            done += 1
            if done % _RESULTS_PROGRESS_EVERY == 0:
                bar.update(done, total, "downloading")
        bar.update(done, total, "done")
    return done


def cmd_results(ctx: Context) -> int:
    args = ctx.args
    if args.output is not None and os.path.isdir(args.output):
        ctx.out.error(
            f"-o {args.output}: is a directory; name the file to write, "
            f"e.g. {os.path.join(args.output, 'results.jsonl')}",
            kind="usage_error",
        )
        return EXIT_USAGE
    batch = ctx.client.messages.batches.retrieve(args.batch_id)
    if args.output is None:
        _stream_results(ctx, batch, ctx.out.stdout)
        return EXIT_OK
    from ..lib import ResultsFileLockedError, save_results  # here: start-up speed

    try:
        with open_progress(ctx.out.stderr, batch.id) as bar:
            bar.update(0, None, "saving")  # save_results reports nothing until it is done
            report = save_results(ctx.client, batch, args.output, resume=True)
    except ResultsFileLockedError as exc:  # a local file error: exit 2, like an OSError
        ctx.out.error(str(exc), kind="file_locked", details={"path": str(exc.path)})
        return EXIT_USAGE
    if report.discarded and not ctx.out.json_mode:
        ctx.out.note(
            f"note: discarded {args.output}.partial: it held results of another batch "
            "(or of unknown origin), so the download started over"
        )
    if ctx.out.json_mode:
        ctx.out.write_json(report.to_dict())
    else:
        resumed = f" ({report.resumed} from an earlier partial download)" if report.resumed else ""
        ctx.out.line(
            f"Saved {counts_text(report.counts).replace('request', 'result')} "
            f"of {batch.id} to {report.path}{resumed}"
        )
    if not report.complete:
        ctx.out.note(
            f"warning: the file has {report.lines} results but the batch has "
            f"{report.expected} requests"
        )
    return EXIT_OK


# -- summary ---------------------------------------------------------------------------------


def cmd_summary(ctx: Context) -> int:
    from ..lib import summarize  # here: start-up speed (see the module docstring)

    args = ctx.args
    batch = ctx.client.messages.batches.retrieve(args.batch_id)
    with ctx.client.messages.batches.results(batch) as results:
        summary = summarize(results, batches=[batch])
    if ctx.out.json_mode:
        ctx.out.write_json({"batch_id": batch.id, **summary.to_dict()})
    else:
        rows = [[name, str(n)] for name, n in summary.counts.items()]
        rows += [[f"  {name}", str(n)] for name, n in summary.error_types.items()]
        ctx.out.table(
            ("RESULT", "COUNT"), rows, title=f"{batch.id}: {plural(summary.total, 'result')}"
        )
        usage = [[name, f"{n:,}"] for name, n in summary.usage.to_dict().items()]
        ctx.out.table(("USAGE (succeeded)", "TOKENS"), usage)
        ctx.out.line("all requests succeeded" if summary.ok else summary.describe_failures())
    if args.strict and not summary.ok:
        ctx.out.error(summary.describe_failures(), kind="failures", details={"batch_id": batch.id})
        return EXIT_FAILURES
    return EXIT_OK


COMMANDS: Dict[str, Callable[[Context], int]] = {
    "submit": submit,
    "list": cmd_list,
    "get": cmd_get,
    "cancel": cmd_cancel,
    "delete": cmd_delete,
    "wait": cmd_wait,
    "results": cmd_results,
    "summary": cmd_summary,
}
