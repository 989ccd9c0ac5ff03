"""``save_job_results``: every batch of a job into one JSONL file, several downloads at once.

    report = save_job_results(client, job, "results.jsonl")            # 4 streams at once
    report = await asave_job_results(async_client, job, "results.jsonl", concurrency=8)

Each batch is saved by ``save_results`` into its own part file under ``<path>.parts/``
(so each one resumes on its own, with all of ``save_results``' guarantees: every line
exactly once, a cut stream resumed); at most ``concurrency`` downloads run at a time,
each streaming to disk, so memory stays bounded whatever the job's size. Once every part
is complete they are joined, in the job's batch order, into ``<path>.partial``, which is
then renamed to ``path``, and the parts are removed. If anything fails the finished parts
stay: calling again with the same path downloads only what is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import anyio

from .._api_client import AsyncAPIClient, SyncAPIClient
from ..types.messages import MessageBatch
from ._job import DEFAULT_CONCURRENCY, AsyncBatchJob, BatchJob, _check_concurrency
from ._results_file import SaveReport
from ._save import SaveProgressCallback, asave_results, save_results

__all__ = ["DEFAULT_CONCURRENCY", "JobSaveReport", "asave_job_results", "save_job_results"]

PathArg = Union[str, "os.PathLike[str]"]
Target = Union[str, MessageBatch]
JobArg = Union[BatchJob, AsyncBatchJob, Sequence[Target]]


class JobSaveReport:
    """What ``save_job_results`` wrote: ``path``, ``batch_ids`` (in file order),
    ``lines`` and ``counts`` by result type over the whole file, and ``downloaded``: the
    batches fetched by this call (the rest came from parts of an earlier call)."""

    def __init__(
        self,
        path: Path,
        batch_ids: List[str],
        lines: int,
        counts: Dict[str, int],
        downloaded: List[str],
    ) -> None:
        self.path = path
        self.batch_ids = batch_ids
        self.lines = lines
        self.counts = counts
        self.downloaded = downloaded

    def to_dict(self) -> Dict[str, Any]:
        return {
            "path": str(self.path),
            "batch_ids": list(self.batch_ids),
            "lines": self.lines,
            "counts": dict(self.counts),
            "downloaded": list(self.downloaded),
        }

    def __repr__(self) -> str:
        return f"JobSaveReport(path={str(self.path)!r}, lines={self.lines}, counts={self.counts})"


def _targets(job: JobArg) -> List[Target]:
    if isinstance(job, (BatchJob, AsyncBatchJob)):
        return [target for _, target in job._state.wait_targets()]
    targets = list(job)
    if not targets:
        raise ValueError("no batches to save: pass a job or a non-empty list of batch ids")
    return targets


class _Plan:
    """Where each batch's part goes, which parts are still to download, and the join."""

    def __init__(self, targets: List[Target], path: PathArg) -> None:
        self.path = Path(path)
        self.parts_dir = Path(f"{self.path}.parts")
        self.batch_ids = [t if isinstance(t, str) else t.id for t in targets]
        self.parts = [
            self.parts_dir / f"{i:05d}-{batch_id}.jsonl"
            for i, batch_id in enumerate(self.batch_ids)
        ]
        self.todo: List[Tuple[Target, Path]] = [
            (target, part) for target, part in zip(targets, self.parts) if not part.exists()
        ]
        self.parts_dir.mkdir(parents=True, exist_ok=True)

    def join(self) -> JobSaveReport:
        """Concatenate the complete parts into ``path`` (atomically), then drop them."""
        partial = Path(f"{self.path}.partial")
        counts: Dict[str, int] = {}
        lines = 0
        with open(partial, "wb") as out:
            for part in self.parts:
                with open(part, "rb") as src:
                    for line in src:
                        out.write(line)
                        lines += 1
                        kind = _result_type(line)
                        counts[kind] = counts.get(kind, 0) + 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, self.path)
        shutil.rmtree(self.parts_dir, ignore_errors=True)
        downloaded = [self.batch_ids[self.parts.index(part)] for _, part in self.todo]
        return JobSaveReport(self.path, self.batch_ids, lines, counts, downloaded)


def _result_type(line: bytes) -> str:
    try:
        data: Any = json.loads(line)
        kind: Any = data["result"]["type"]
    except (ValueError, KeyError, TypeError):
        return "unknown"
    return kind if isinstance(kind, str) else "unknown"


def save_job_results(
    client: SyncAPIClient,
    job: JobArg,
    path: PathArg,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    resume: bool = True,
    max_attempts: int = 5,
    on_saved: Optional[Callable[[SaveReport], object]] = None,
    on_progress: Optional[SaveProgressCallback] = None,
) -> JobSaveReport:
    """Save the results of every batch of ``job`` (a ``BatchJob`` or batch ids / batches)
    to ``path``, downloading up to ``concurrency`` batches at once (see the module
    docstring). Each batch must have ended. ``on_saved(report)`` runs (in this thread)
    as each batch's part is complete; ``on_progress(SaveProgress)`` as each download
    grows (see ``save_results``), in that download's thread."""
    _check_concurrency(concurrency)
    plan = _Plan(_targets(job), path)
    if plan.todo:
        with ThreadPoolExecutor(max_workers=min(concurrency, len(plan.todo))) as pool:
            pending = {
                pool.submit(
                    save_results,
                    client,
                    target,
                    part,
                    resume=resume,
                    max_attempts=max_attempts,
                    on_progress=on_progress,
                )
                for target, part in plan.todo
            }
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    failed = future.exception()
                    if failed is not None:
                        for other in pending:
                            other.cancel()
                        raise failed
                    if on_saved is not None:
                        on_saved(future.result())
    return plan.join()


async def asave_job_results(
    client: AsyncAPIClient,
    job: JobArg,
    path: PathArg,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    resume: bool = True,
    max_attempts: int = 5,
    on_saved: Optional[Callable[[SaveReport], object]] = None,
    on_progress: Optional[SaveProgressCallback] = None,
) -> JobSaveReport:
    """See ``save_job_results`` (the downloads are tasks of one task group)."""
    _check_concurrency(concurrency)
    plan = _Plan(_targets(job), path)
    limiter = anyio.CapacityLimiter(concurrency)

    failed: List[Exception] = []

    async def one(target: Target, part: Path) -> None:
        try:
            async with limiter:
                saved = await asave_results(
                    client,
                    target,
                    part,
                    resume=resume,
                    max_attempts=max_attempts,
                    on_progress=on_progress,
                )
            if on_saved is not None:
                on_saved(saved)
        except Exception as exc:  # the first error stops the others, raised as itself
            failed.append(exc)
            group.cancel_scope.cancel()

    async with anyio.create_task_group() as group:
        for target, part in plan.todo:
            group.start_soon(one, target, part)
    if failed:
        raise failed[0]
    return await anyio.to_thread.run_sync(plan.join)
