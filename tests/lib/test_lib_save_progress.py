"""save_results(on_progress=...): how far a save is, as the file grows and when it resumes."""

from __future__ import annotations

from pathlib import Path
from typing import Any, List

import pytest
from lib_kit import Kit, make_requests
from test_lib_save import N, ended_batch, lines_of, offset, reference, save

from anthropic.emulator import Fault
from anthropic.lib import SaveProgress, asave_job_results, save_job_results
from support import gc_finalized

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The emulator sends results in chunks of this size: a few lines each, so the file
    # grows over several chunks as a large download's would.
    monkeypatch.setattr("anthropic.emulator._state.CHUNK_SIZE", 1024)


async def _save_recording(kit: Kit, batch: Any, path: Path) -> List[SaveProgress]:
    seen: List[SaveProgress] = []
    await save(kit, batch, path, on_progress=seen.append)
    return seen


async def test_reports_the_lines_written_of_the_batch_total(kit: Kit, tmp_path: Path) -> None:
    batch = await ended_batch(kit)
    seen = await _save_recording(kit, batch, tmp_path / "out.jsonl")
    assert seen[0] == SaveProgress(batch.id, 0, N, 1)  # before the request
    assert seen[-1] == SaveProgress(batch.id, N, N, 1)
    lines = [p.lines for p in seen]
    assert len(lines) > 3 and lines == sorted(set(lines))  # grows chunk by chunk, no repeats


async def test_a_resumed_stream_reports_its_attempt_and_keeps_its_lines(
    kit: Kit, tmp_path: Path
) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    kit.emu.faults.add(Fault.cut_stream(offset(expected, 7) + 11, times=1))
    seen = await _save_recording(kit, batch, tmp_path / "out.jsonl")
    resumed = [p for p in seen if p.attempts == 2]
    assert resumed[0].lines == 7  # the lines before the cut stay in the file
    assert [p.lines for p in seen] == sorted(p.lines for p in seen)
    assert seen[-1] == SaveProgress(batch.id, N, N, 2)


async def test_a_partial_from_an_earlier_run_counts_from_the_start(
    kit: Kit, tmp_path: Path
) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    path = tmp_path / "out.jsonl"
    kit.emu.faults.add(Fault.cut_stream(offset(expected, 5) + 3))  # every time
    with pytest.raises(Exception, match="peer closed"):
        await save(kit, batch, path, max_attempts=1)
    assert len(lines_of(tmp_path / "out.jsonl.partial")) == 5
    kit.emu.faults.clear()
    seen = await _save_recording(kit, batch, path)
    assert seen[0].lines == 5 and seen[-1].lines == N


async def test_a_job_save_reports_each_batch(kit: Kit, tmp_path: Path) -> None:
    job = await kit.call(kit.batches, "submit", make_requests(30), max_requests_per_batch=10)
    await kit.call(job, "wait")
    seen: List[SaveProgress] = []
    path = tmp_path / "job.jsonl"
    if kit.is_async:
        await asave_job_results(kit.client, job, path, concurrency=2, on_progress=seen.append)
    else:
        save_job_results(kit.client, job, path, concurrency=2, on_progress=seen.append)
    last = {p.batch_id: p for p in seen}
    assert sorted(last) == sorted(job.batch_ids)
    assert all(p.lines == p.expected == 10 for p in last.values())


async def test_a_callback_error_mid_download_finishes_every_body_generator(
    kit: Kit, tmp_path: Path
) -> None:
    # An exception out of on_progress (or a failed write) stops the download half-read:
    # httpx's async generators under it must end then, not reach the garbage collector
    # (trio warns about each one it collects).
    batch = await ended_batch(kit)

    def stop_midway(progress: SaveProgress) -> None:
        if progress.lines > 0:
            raise RuntimeError("disk full")

    with gc_finalized() as leftover, pytest.raises(RuntimeError, match="disk full"):
        await save(kit, batch, tmp_path / "out.jsonl", on_progress=stop_midway)
    assert leftover == []
    assert not (tmp_path / "out.jsonl").exists()
