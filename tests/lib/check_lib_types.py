"""Type-checked only (never run by pytest): the workflow helpers called as user code calls
them. The clients must satisfy the protocols ``lib`` types them with, and the wait
keywords must check as keywords, with no ``Any`` in what comes back.

    MYPYPATH=src .venv/bin/mypy --strict tests/lib/check_lib_types.py
    .venv/bin/pyright tests/lib/check_lib_types.py
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from typing_extensions import assert_type

from anthropic import Anthropic, AsyncAnthropic, BatchCreateOutcomeUnknownError
from anthropic.lib import (
    AsyncBatchJob,
    BatchJob,
    JobProgress,
    ResultsFileLockedError,
    SaveProgress,
    SaveReport,
    WaitOptions,
    afind_created_batch,
    asave_results,
    find_created_batch,
    progress_bar,
    save_results,
)
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse
from anthropic.types.messages.batch_create_params import URLRequest


def sync_calls(client: Anthropic, err: BatchCreateOutcomeUnknownError, kw: Dict[str, Any]) -> None:
    batches = client.messages.batches
    batch = batches.wait("msgbatch_1", timeout=60, poll_interval=1, on_progress=print)
    assert_type(batch, MessageBatch)
    batches.wait(batch, cancel_on_exit=True, not_found_grace=0, max_poll_interval=2.5)
    batches.wait(batch, **kw)  # a dict of options from elsewhere (the CLI does this)
    job = batches.submit([], max_requests_per_batch=10)
    assert_type(job, BatchJob)
    url_shaped: URLRequest = {
        "custom_id": "a",
        "method": "POST",
        "url": "/v1/messages",
        "body": {"model": "m", "max_tokens": 8, "messages": [{"role": "user", "content": "hi"}]},
    }
    batches.submit([url_shaped])  # the {"method", "url", "body"} shape type-checks too
    batches.create(requests=[url_shaped, {"custom_id": "b", "params": url_shaped["body"]}])
    assert_type(job.wait(timeout=None, on_progress=lambda b: None), List[MessageBatch])
    assert_type(batches.job(["msgbatch_1"]), BatchJob)
    try:
        report = save_results(client, batch, "out.jsonl", max_attempts=3)
        assert_type(report, SaveReport)
        assert_type(report.discarded, bool)
        save_results(client, batch, "out.jsonl", on_progress=print)
        save_results(client, batch, "out.jsonl", on_progress=lambda p: print(p.lines))
    except ResultsFileLockedError as locked:
        print(locked.path.name, locked.lock_file)
    found = find_created_batch(client, err)
    assert found is None or isinstance(found, MessageBatch)
    assert WaitOptions().poll_interval == 5.0


async def async_calls(client: AsyncAnthropic, err: BatchCreateOutcomeUnknownError) -> None:
    async def show(batch: MessageBatch) -> None:
        print(batch.processing_status)

    batches = client.messages.batches
    batch = await batches.wait("msgbatch_1", timeout=60, on_progress=show)
    assert_type(batch, MessageBatch)
    job = await batches.submit([])
    assert_type(job, AsyncBatchJob)

    async def show_job(snapshot: JobProgress) -> None:
        print(snapshot.finished, snapshot.total, snapshot.elapsed)

    assert_type(await job.wait(on_progress=show_job, poll_interval=2), List[MessageBatch])
    assert_type(await job.wait(on_progress=progress_bar()), List[MessageBatch])
    assert_type(await job.wait(on_progress=print), List[MessageBatch])
    assert_type(await asave_results(client, batch.id, "out.jsonl"), SaveReport)

    def saving(progress: SaveProgress) -> None:
        assert_type(progress.expected, Optional[int])
        print(progress.batch_id, progress.lines, progress.attempts)

    await asave_results(client, batch.id, "out.jsonl", on_progress=saving)
    async with job.results(concurrency=2) as results:
        async for entry in results:
            assert_type(entry, MessageBatchIndividualResponse)
    async for entry in job.results():
        assert_type(entry, MessageBatchIndividualResponse)
    found = await afind_created_batch(client, err)
    assert found is None or isinstance(found, MessageBatch)
