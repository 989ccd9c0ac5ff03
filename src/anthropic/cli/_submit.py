"""``submit``: read a JSONL file of requests, check it, submit it (chunked), maybe wait."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, List, cast

from .._core.batch_requests import InvalidBatchRequestError
from ._context import Context, batch_json, show_batch, wait_args, wait_with_progress
from ._format import plural
from ._input import InputError, locate, parse_requests
from ._parser import EXIT_OK, EXIT_TIMEOUT

if TYPE_CHECKING:
    from ..types.messages.batch_create_params import Request

__all__ = ["submit"]


def _read_lines(path: str) -> List[str]:
    if path == "-":
        lines = sys.stdin.readlines()
        if lines and lines[0].startswith("\ufeff"):  # a UTF-8 BOM (Windows editors)
            lines[0] = lines[0][1:]
        return lines
    try:
        with open(path, encoding="utf-8-sig") as handle:  # -sig: a UTF-8 BOM is skipped
            return handle.readlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def submit(ctx: Context) -> int:
    # here: anthropic.lib loads pydantic and the types; --help and usage errors do not.
    from ..lib import BatchSubmitError, BatchWaitTimeout

    args = ctx.args
    source = "<stdin>" if args.file == "-" else args.file
    requests, line_numbers = parse_requests(_read_lines(args.file), source)
    try:
        job = ctx.client.messages.batches.submit(
            cast("List[Request]", requests),  # checked and normalized by parse_requests
            max_requests_per_batch=args.max_requests_per_batch,
        )
    except InvalidBatchRequestError as exc:
        raise InputError(locate(exc, source, line_numbers)) from None
    except BatchSubmitError as exc:
        # Some batches exist and run: keep their ids where the user asked for them.
        if args.save_job:
            exc.job.save(args.save_job)
            ctx.out.note(f"Saved the batches created so far to {args.save_job}")
        raise
    if args.save_job:
        job.save(args.save_job)
    ctx.args.active_ids = job.batch_ids  # for the Ctrl-C hint
    if ctx.out.json_mode:  # one batch object per line, as every batch command prints
        for batch in job.batches:
            if batch is not None:
                ctx.out.write_json(batch_json(batch))
    else:
        batches = plural(len(job.batch_ids), "batch")
        ctx.out.line(f"Submitted {plural(len(requests), 'request')} as {batches}:")
        for batch_id in job.batch_ids:
            ctx.out.line(f"  {batch_id}")
        if args.save_job:
            ctx.out.line(f"Saved the job to {args.save_job}")
    ctx.out.flush()  # the ids are out before a long wait starts
    if not args.wait:
        return EXIT_OK
    from ..lib import JobProgress

    label = plural(len(job.batch_ids), "batch")
    try:
        ended = wait_with_progress(
            ctx,
            label,
            JobProgress.of(job.batches),
            lambda on_progress: job.wait(on_progress=on_progress, **wait_args(args)),
        )
    except BatchWaitTimeout:
        resume = f"--job {args.save_job}" if args.save_job else " ".join(job.batch_ids)
        running = [b for b in job.batches if b is None or b.processing_status != "ended"]
        ctx.out.error(
            f"timed out: {plural(len(running), 'batch')} still running on the "
            f"server (they keep running). Wait again with: anthropic-batches wait {resume}; "
            f"or stop them with: anthropic-batches cancel {resume}",
            kind="wait_timeout",
            details={"batch_ids": job.batch_ids},
        )
        return EXIT_TIMEOUT
    for batch in ended:
        show_batch(ctx, batch, f"{batch.id} {batch.processing_status}")
    return EXIT_OK
