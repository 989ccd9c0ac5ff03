"""A job's results read and saved with several downloads at once: each line exactly once."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, List

import pytest
from lib_kit import Kit, make_requests

from anthropic import BatchNotEndedError
from anthropic.emulator import Fault
from anthropic.lib import asave_job_results, save_job_results

pytestmark = pytest.mark.anyio


async def _ended_job(kit: Kit, n: int = 10, per_batch: int = 3) -> Any:
    job = await kit.call(kit.batches, "submit", make_requests(n), max_requests_per_batch=per_batch)
    await kit.call(job, "wait")
    return job


def _by_batch(ids: List[str], per_batch: int) -> List[List[str]]:
    return [[i for i in ids if int(i[4:]) // per_batch == b] for b in range(4)]


async def test_concurrent_results_yield_each_entry_once_in_batch_order(kit: Kit) -> None:
    job = await _ended_job(kit)  # 4 batches: 3 + 3 + 3 + 1
    if kit.is_async:
        async with job.results(concurrency=3) as results:
            ids = [entry.custom_id async for entry in results]
    else:
        ids = [entry.custom_id for entry in job.results(concurrency=3)]
    assert sorted(ids) == [f"req-{i:04d}" for i in range(10)]
    assert _by_batch(ids, 3) == _by_batch(sorted(ids), 3)  # each batch's order kept
    assert kit.emu.count("results") == 4


async def test_concurrency_must_be_positive(kit: Kit) -> None:
    job = await _ended_job(kit, n=2)
    with pytest.raises(ValueError, match="concurrency"):
        job.results(concurrency=0)


def test_a_failing_stream_ends_the_concurrent_iteration() -> None:
    kit = Kit("sync")
    job = kit.batches.submit(make_requests(6), max_requests_per_batch=2)
    job.wait()
    kit.emu.faults.add(Fault.error(400, route="results", times=1))
    with pytest.raises(Exception, match="400"):
        list(job.results(concurrency=2))


async def _save(kit: Kit, job: Any, path: Path, **kw: Any) -> Any:
    if kit.is_async:
        return await asave_job_results(kit.client, job, path, **kw)
    return save_job_results(kit.client, job, path, **kw)


async def test_save_job_results_writes_every_line_once_through_cut_streams(
    kit: Kit, tmp_path: Path
) -> None:
    job = await _ended_job(kit)
    kit.emu.faults.add(Fault.cut_stream(150, times=2))  # two downloads are cut and resumed
    out = tmp_path / "results.jsonl"
    report = await _save(kit, job, out, concurrency=2)
    lines = out.read_text().splitlines()
    ids = [json.loads(line)["custom_id"] for line in lines]
    assert Counter(ids) == Counter(f"req-{i:04d}" for i in range(10))
    assert report.lines == 10 and report.counts == {"succeeded": 10}
    assert report.batch_ids == job.batch_ids and report.downloaded == job.batch_ids
    assert not (tmp_path / "results.jsonl.parts").exists()


async def test_save_job_results_resumes_per_batch(kit: Kit, tmp_path: Path) -> None:
    job = await _ended_job(kit, n=4, per_batch=2)
    late = await kit.call(kit.batches, "create", requests=make_requests(2, prefix="late"))
    ids = [*job.batch_ids, late.id]
    out = tmp_path / "results.jsonl"
    with pytest.raises(BatchNotEndedError):
        await _save(kit, ids, out)
    assert not out.exists() and len(list((tmp_path / "results.jsonl.parts").iterdir())) >= 2
    kit.emu.advance(3600)
    before = kit.emu.count("results")
    report = await _save(kit, ids, out)
    assert report.downloaded == [late.id]  # the finished parts were kept
    assert kit.emu.count("results") == before + 1
    assert report.lines == 6 and out.read_text().count("\n") == 6
