"""One function per command: ``(Context) -> exit code``, and ``COMMANDS``, the table.

Commands call the client and the ``anthropic.lib`` helpers and hand models to
``Output``; they raise the library's exceptions, which ``main`` maps to exit codes.
``submit`` is in ``_submit``; what commands share is in ``_context``.

``anthropic.lib`` is imported inside the commands that use it: it loads pydantic and
the response types, which ``--help`` and usage errors do not need.
"""

from __future__ import annotations

import os
import threading
import time
from itertools import islice
from typing import TYPE_CHECKING, Callable, Dict, Iterable, Iterator, List, Optional, TextIO, cast

from ._charts import show_charts, show_cost
from ._context import Context, batch_ids, batch_json, show_batch, wait_args, wait_with_progress
from ._format import BATCH_COLUMNS, batch_row, counts_text, format_elapsed, plural
from ._input import InputError
from ._output import stream_is_tty
from ._parser import EXIT_FAILURES, EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from ._progress import ProgressReporter, open_progress
from ._submit import submit

if TYPE_CHECKING:
    from ..lib import SaveProgress, SaveReport
    from ..types.messages import MessageBatch, MessageBatchIndividualResponse

__all__ = ["COMMANDS"]

# Progress of a results download is redrawn every this many lines (and at the end).
_RESULTS_PROGRESS_EVERY = 200


# -- get / status / cancel / delete / list -----------------------------------------------


def _show_many(ctx: Context, batches: List[MessageBatch], verb: str = "") -> None:
    """One batch: its fields; several: one table row each and the job's total line."""
    if ctx.out.json_mode or len(batches) == 1:
        for batch in batches:
            show_batch(ctx, batch, f"{batch.id}{verb}" if verb else None)
        return
    from ..lib import JobProgress, progress_line  # here: start-up speed

    ctx.out.table(BATCH_COLUMNS, [batch_row(batch) for batch in batches])
    ctx.out.line(progress_line(JobProgress.of(batches)))


def cmd_get(ctx: Context) -> int:
    retrieve = ctx.client.messages.batches.retrieve
    _show_many(ctx, [retrieve(batch_id) for batch_id in batch_ids(ctx)])
    return EXIT_OK


def cmd_cancel(ctx: Context) -> int:
    cancel = ctx.client.messages.batches.cancel
    _show_many(ctx, [cancel(batch_id) for batch_id in batch_ids(ctx)], ": cancel requested")
    return EXIT_OK


def cmd_delete(ctx: Context) -> int:
    for batch_id in batch_ids(ctx):
        deleted = ctx.client.messages.batches.delete(batch_id)
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


def _ids_text(ids: List[str]) -> str:
    return " ".join(ids) if len(ids) <= 3 else f"{' '.join(ids[:3])} ... (or --job FILE)"


def cmd_wait(ctx: Context) -> int:
    from ..lib import BatchWaitTimeout, JobProgress  # here: start-up speed

    ids = batch_ids(ctx)
    ctx.args.active_ids = ids  # Ctrl-C from here on: the hint names them
    job = ctx.client.messages.batches.job(ids)
    started = time.monotonic()
    # Retrieve first: the progress starts from the real counts (a mistyped id fails here,
    # as it would on the first poll: an id of unknown age gets no 404 grace).
    first = JobProgress.of(job.refresh())
    label = ids[0] if len(ids) == 1 else plural(len(ids), "batch")
    try:
        ended = wait_with_progress(
            ctx,
            label,
            first,
            lambda on_progress: job.wait(on_progress=on_progress, **wait_args(ctx.args)),
        )
    except BatchWaitTimeout:
        last = [batch for batch in job.batches if batch is not None]
        if len(last) == 1:
            show_batch(ctx, last[0], f"{last[0].id} (still {last[0].processing_status})")
        else:
            _show_many(ctx, last)
        running = [batch.id for batch in last if batch.processing_status != "ended"] or ids
        target = f"--job {ctx.args.job}" if ctx.args.job else _ids_text(running)
        ctx.out.error(
            f"timed out after {format_elapsed(time.monotonic() - started)}: "
            f"{plural(len(running), 'batch')} still running on the server (they keep "
            f"running). Wait again with: anthropic-batches wait {target}; "
            f"or stop them with: anthropic-batches cancel {target}",
            kind="wait_timeout",
            details={"batch_ids": running},
        )
        return EXIT_TIMEOUT
    elapsed = format_elapsed(time.monotonic() - started)
    if len(ended) == 1 and not ctx.out.json_mode:
        show_batch(ctx, ended[0], f"{ended[0].id} {ended[0].processing_status} (waited {elapsed})")
    else:
        _show_many(ctx, ended)
        if not ctx.out.json_mode:
            ctx.out.line(f"waited {elapsed}")
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


def _save_job(ctx: Context, ids: List[str], bar: ProgressReporter, log: bool) -> Dict[str, object]:
    """Several batches to ``-o`` with ``save_job_results`` (concurrent downloads, each
    batch resumable). On a terminal the bar counts batches saved; elsewhere (``log``) a
    line per batch saved and, between those, the results saved so far (reported from the
    download threads, hence the lock)."""
    from ..lib import save_job_results  # here: start-up speed

    lock = threading.Lock()
    saved: List[str] = []
    lines: Dict[str, int] = {}
    expected: Dict[str, Optional[int]] = {}

    def on_progress(progress: SaveProgress) -> None:
        with lock:
            lines[progress.batch_id] = progress.lines
            expected[progress.batch_id] = progress.expected
            counts = [n for n in expected.values() if n is not None]
            total = sum(counts) if len(counts) == len(ids) else None  # every batch's known
            if log:
                bar.update(sum(lines.values()), total, "saving")

    def on_saved(report: SaveReport) -> None:
        with lock:
            saved.append(report.batch_id)
            if not log:
                bar.update(len(saved), len(ids), "saving")
                return
            ctx.out.note(
                f"{time.strftime('[%H:%M:%S]')} saved {len(saved)}/{plural(len(ids), 'batch')} "
                f"({report.batch_id}: {plural(report.lines, 'result')})"
            )

    if not log:
        bar.update(0, len(ids), "saving")
    job = save_job_results(
        ctx.client, ids, ctx.args.output, on_saved=on_saved, on_progress=on_progress
    )
    if log:
        bar.update(job.lines, job.lines, "saved")
    return {
        "path": str(job.path),
        "batch_ids": job.batch_ids,
        "lines": job.lines,
        "counts": job.counts,
        "complete": True,
    }


def _save_report(ctx: Context, ids: List[str]) -> Dict[str, object]:
    """Save to ``-o``: one batch with ``save_results``, several with ``_save_job``. The
    common JSON shape of both. Off a terminal (and without ``--json``) progress is logged
    as plain lines as the file grows."""
    from ..lib import save_results  # here: start-up speed

    args = ctx.args
    label = ids[0] if len(ids) == 1 else plural(len(ids), "batch")
    log = not stream_is_tty(ctx.out.stderr) and not ctx.out.json_mode
    with open_progress(ctx.out.stderr, label, lines=log, clock=ctx.clock) as bar:
        if len(ids) > 1:
            return _save_job(ctx, ids, bar, log)

        def on_progress(progress: SaveProgress) -> None:
            attempt = progress.attempts
            status = "saving" if attempt == 1 else f"resuming (attempt {attempt})"
            bar.update(progress.lines, progress.expected, status)

        report = save_results(ctx.client, ids[0], args.output, resume=True, on_progress=on_progress)
        bar.update(report.lines, report.expected, "saved")
    if report.discarded:
        ctx.out.note(
            f"note: discarded {args.output}.partial: it held results of another batch "
            "(or of unknown origin), so the download started over"
        )
    if not report.complete:
        ctx.out.note(
            f"warning: the file has {plural(report.lines, 'result')} but the batch has "
            f"{plural(report.expected or 0, 'request')}"
        )
    return {
        "path": str(report.path),
        "batch_ids": ids,
        "lines": report.lines,
        "counts": report.counts,
        "complete": report.complete,
    }


def cmd_results(ctx: Context) -> int:
    args = ctx.args
    if args.output is not None and os.path.isdir(args.output):
        ctx.out.error(
            f"-o {args.output}: is a directory; name the file to write, "
            f"e.g. {os.path.join(args.output, 'results.jsonl')}",
            kind="usage_error",
        )
        return EXIT_USAGE
    ids = batch_ids(ctx)
    if args.output is None:
        if len(ids) == 1:
            _stream_results(ctx, ctx.client.messages.batches.retrieve(ids[0]), ctx.out.stdout)
            return EXIT_OK
        # Several batches: downloaded side by side, each batch's lines in order.
        for entry in ctx.client.messages.batches.job(ids).results():
            ctx.out.stdout.write(entry.to_json(indent=None) + "\n")
        return EXIT_OK
    from ..lib import ResultsFileLockedError  # here: start-up speed

    try:
        report = _save_report(ctx, ids)
    except ResultsFileLockedError as exc:  # a local file error: exit 2, like an OSError
        ctx.out.error(str(exc), kind="file_locked", details={"path": str(exc.path)})
        return EXIT_USAGE
    if ctx.out.json_mode:
        ctx.out.write_json(report)
    else:
        counts = cast("Dict[str, int]", report["counts"])
        source = ids[0] if len(ids) == 1 else plural(len(ids), "batch")
        ctx.out.line(f"Saved {counts_text(counts, 'result')} of {source} to {report['path']}")
    return EXIT_OK


# -- summary ---------------------------------------------------------------------------------


def _all_results(
    ctx: Context, batches: List[MessageBatch]
) -> Iterator[MessageBatchIndividualResponse]:
    for batch in batches:
        with ctx.client.messages.batches.results(batch) as results:
            yield from results


def cmd_summary(ctx: Context) -> int:
    from ..lib import load_prices, summarize  # here: start-up speed

    args = ctx.args
    prices = None
    if args.prices is not None:
        try:
            prices = load_prices(args.prices)
        except (OSError, ValueError) as exc:
            raise InputError(f"--prices {args.prices}: {exc}") from None
    ids = batch_ids(ctx)
    batches = [ctx.client.messages.batches.retrieve(batch_id) for batch_id in ids]
    summary = summarize(
        _all_results(ctx, batches),
        batches=batches,
        prices=prices,
        batch_discount=args.batch_discount,
    )
    if ctx.out.json_mode:
        ctx.out.write_json({"batch_ids": ids, **summary.to_dict()})
    else:
        rows = [[name, f"{n:,}"] for name, n in summary.counts.items()]
        rows += [[f"  {name}", f"{n:,}"] for name, n in summary.error_types.items()]
        source = ids[0] if len(ids) == 1 else plural(len(ids), "batch")
        ctx.out.table(
            ("RESULT", "COUNT"), rows, title=f"{source}: {plural(summary.total, 'result')}"
        )
        usage = [[name, f"{n:,}"] for name, n in summary.usage.to_dict().items()]
        ctx.out.table(("USAGE (succeeded)", "TOKENS"), usage)
        show_charts(ctx.out, summary)
        if summary.cost is not None:
            show_cost(ctx.out, summary.cost)
        ctx.out.line("all requests succeeded" if summary.ok else summary.describe_failures())
    if args.strict and not summary.ok:
        ctx.out.error(summary.describe_failures(), kind="failures", details={"batch_ids": ids})
        return EXIT_FAILURES
    return EXIT_OK


COMMANDS: Dict[str, Callable[[Context], int]] = {
    "submit": submit,
    "list": cmd_list,
    "get": cmd_get,
    "status": cmd_get,
    "cancel": cmd_cancel,
    "delete": cmd_delete,
    "wait": cmd_wait,
    "results": cmd_results,
    "summary": cmd_summary,
}
