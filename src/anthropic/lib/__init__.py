"""Workflow helpers beyond the raw API, sync and async (the usual batch job, done right).

    from anthropic import Anthropic
    from anthropic.lib import progress_bar, retryable_requests, save_results, summarize

    client = Anthropic()
    job = client.messages.batches.submit(requests)          # any number, split for you
    job.wait(timeout=86_400, on_progress=progress_bar())     # survives 5xx and drops
    summary = summarize(job.results(), submitted=[r["custom_id"] for r in requests])
    retry = retryable_requests(job.results(), requests)      # errored (server) + expired
    save_results(client, job.batch_ids[0], "results.jsonl")  # atomic, resumes on drops

Waiting (``client.messages.batches.wait``), submitting (``.submit``) and resuming a
job (``.job``) are methods of ``client.messages.batches`` (mixed in from ``_workflows``);
the rest lives here. ``WaitOptions`` holds the wait keywords and their defaults.

Layers: ``lib`` imports only what lies below it (``_core``, ``_exceptions``, ``types``,
``_sending``, ``_base_client`` / ``_api_client``, ``_response``, ``_jsonl_stream``,
``pagination``), never ``resources``, ``_client`` or the root package: what it calls on
a client or on ``client.messages.batches`` is typed by the protocols in ``_api``.
"""

from typing import TYPE_CHECKING, Dict, List, Tuple

if TYPE_CHECKING:
    from .._distribution import installation_conflicts as check_installation
    from ._chunker import BYTES_MARGIN, DEFAULT_MAX_BYTES_PER_BATCH
    from ._dry_run import DryRunReport, DryRunResult, adry_run, dry_run
    from ._errors import BatchResultError, BatchWaitTimeout
    from ._file_lock import ResultsFileLockedError
    from ._find import afind_created_batch, find_created_batch
    from ._job import AsyncBatchJob, BatchJob
    from ._job_results import JobSaveReport, asave_job_results, save_job_results
    from ._job_state import JobProgress
    from ._job_wait import AsyncJobProgressCallback, JobProgressCallback
    from ._pricing import JobCost, ModelPrice, PriceTable, UsageTally, load_prices
    from ._progress import ProgressBar, progress_bar, progress_line
    from ._results import RETRYABLE_ERROR_TYPES, join_results, retryable_requests, unwrap
    from ._results_file import SaveReport
    from ._save import SaveProgressCallback, asave_results, save_results
    from ._save_machine import SaveProgress
    from ._submit import BatchSubmitError
    from ._summary import BatchResultsError, ResultsSummary, TokenUsage, asummarize, summarize
    from ._wait_machine import WaitOptions, WaitOptionsDict

# Each name loads its module on first use (PEP 562): ``client.messages.batches`` needs only
# the workflow mixins, so a first ``retrieve`` does not pay for summaries, pricing, saving
# or progress rendering (``tests/lib/test_lib_lazy_names.py`` holds this table to the
# imports above and to ``__all__``).
_MODULES: Dict[str, Tuple[str, ...]] = {
    "._chunker": ("BYTES_MARGIN", "DEFAULT_MAX_BYTES_PER_BATCH"),
    "._dry_run": ("DryRunReport", "DryRunResult", "adry_run", "dry_run"),
    "._errors": ("BatchResultError", "BatchWaitTimeout"),
    "._file_lock": ("ResultsFileLockedError",),
    "._find": ("afind_created_batch", "find_created_batch"),
    "._job": ("AsyncBatchJob", "BatchJob"),
    "._job_results": ("JobSaveReport", "asave_job_results", "save_job_results"),
    "._job_state": ("JobProgress",),
    "._job_wait": ("AsyncJobProgressCallback", "JobProgressCallback"),
    "._pricing": ("JobCost", "ModelPrice", "PriceTable", "UsageTally", "load_prices"),
    "._progress": ("ProgressBar", "progress_bar", "progress_line"),
    "._results": ("RETRYABLE_ERROR_TYPES", "join_results", "retryable_requests", "unwrap"),
    "._results_file": ("SaveReport",),
    "._save": ("SaveProgressCallback", "asave_results", "save_results"),
    "._save_machine": ("SaveProgress",),
    "._submit": ("BatchSubmitError",),
    "._summary": ("BatchResultsError", "ResultsSummary", "TokenUsage", "asummarize", "summarize"),
    "._wait_machine": ("WaitOptions", "WaitOptionsDict"),
}
_LAZY: Dict[str, Tuple[str, str]] = {n: (m, n) for m, names in _MODULES.items() for n in names}
_LAZY["check_installation"] = (".._distribution", "installation_conflicts")


def __getattr__(name: str) -> object:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    import importlib

    value: object = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "BYTES_MARGIN",
    "DEFAULT_MAX_BYTES_PER_BATCH",
    "RETRYABLE_ERROR_TYPES",
    "AsyncBatchJob",
    "AsyncJobProgressCallback",
    "BatchJob",
    "BatchResultError",
    "BatchResultsError",
    "BatchSubmitError",
    "BatchWaitTimeout",
    "DryRunReport",
    "DryRunResult",
    "JobCost",
    "JobProgress",
    "JobProgressCallback",
    "JobSaveReport",
    "ModelPrice",
    "PriceTable",
    "ProgressBar",
    "ResultsFileLockedError",
    "ResultsSummary",
    "SaveProgress",
    "SaveProgressCallback",
    "SaveReport",
    "TokenUsage",
    "UsageTally",
    "WaitOptions",
    "WaitOptionsDict",
    "adry_run",
    "afind_created_batch",
    "asave_job_results",
    "asave_results",
    "asummarize",
    "check_installation",
    "dry_run",
    "find_created_batch",
    "join_results",
    "load_prices",
    "progress_bar",
    "progress_line",
    "retryable_requests",
    "save_job_results",
    "save_results",
    "summarize",
    "unwrap",
]
