"""Job-level progress: one ``JobProgress`` per poll round, and ``progress_bar()`` drawing it."""

from __future__ import annotations

import io
from typing import Any, List

import pytest
from lib_kit import Kit, make_requests

from anthropic.lib import JobProgress, progress_bar, progress_line
from anthropic.lib._job_state import JobState
from anthropic.lib._job_wait import JobWaitPlan
from anthropic.lib._wait_machine import WaitOptions

pytestmark = pytest.mark.anyio


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


async def _submit(kit: Kit, n: int, per_batch: int) -> Any:
    return await kit.call(kit.batches, "submit", make_requests(n), max_requests_per_batch=per_batch)


async def test_job_wait_reports_one_job_snapshot_per_round(kit: Kit) -> None:
    job = await _submit(kit, 6, 2)  # 3 batches, each ends after 60 s
    seen: List[JobProgress] = []
    ended = await kit.call(job, "wait", on_progress=seen.append)
    assert [b.processing_status for b in ended] == ["ended"] * 3
    assert all(isinstance(s, JobProgress) for s in seen)
    # The batches are polled side by side: one callback per round, not one per batch poll.
    assert len(seen) == len(kit.sleeps) == 4  # 5, 10, 20, 40 s
    assert [s.batch_count for s in seen] == [3] * 4
    assert [s.total for s in seen] == [6] * 4
    assert [s.elapsed for s in seen] == [5.0, 15.0, 35.0, 75.0]
    assert (seen[0].processing, seen[0].ended_batches) == (6, 0)
    last = seen[-1]
    assert (last.done, last.ended_batches, last.finished, last.succeeded) == (True, 3, 6, 6)
    assert kit.emu.count("retrieve") == 12  # 3 batches x 4 rounds


async def test_async_job_wait_awaits_an_async_callback(flavor: str, kit: Kit) -> None:
    if flavor == "sync":
        pytest.skip("async callbacks are for the async client")
    job = await _submit(kit, 4, 2)
    seen: List[int] = []

    async def on_progress(snapshot: JobProgress) -> None:
        seen.append(snapshot.ended_batches)

    await job.wait(on_progress=on_progress)
    assert seen[-1] == 2


def test_plan_polls_each_batch_on_its_own_schedule() -> None:
    state = JobState(["msgbatch_a", "msgbatch_b"])
    plan = JobWaitPlan(state, WaitOptions(), now=0.0, created=lambda _: None)
    assert plan.next_delay(0.0) == 0.0  # bare ids: poll at once
    assert plan.due(0.0) == [(0, "msgbatch_a"), (1, "msgbatch_b")]
    snapshot = plan.snapshot(0.0)
    assert (snapshot.batch_count, snapshot.total, snapshot.done) == (2, 0, False)


def _progress(processing: int, succeeded: int, errored: int, ended: int, n: int) -> JobProgress:
    counts = {"processing": processing, "succeeded": succeeded, "errored": errored}
    statuses = {"ended": ended, "in_progress": n - ended}
    return JobProgress(counts, statuses, n)


def test_progress_line_reads_like_a_log_line() -> None:
    line = progress_line(_progress(38_796, 58_977, 2_227, 1, 3))
    assert line == "3 batches: 61,204/100,000 done (58,977 ok, 2,227 errored), 1 ended"
    one = progress_line(JobProgress({"processing": 1}, {"in_progress": 1}, 1))
    assert one == "1 batch: 0/1 done (0 ok), 0 ended"
    stamped = progress_line(_progress(1, 0, 0, 0, 1), clock_time=0.0)
    assert stamped.startswith("[") and stamped[9:11] == "] "


def test_plain_lines_on_change_and_every_interval_when_not_a_terminal() -> None:
    now = [0.0]
    stream = io.StringIO()
    bar = progress_bar(stream, every=60)
    assert not bar.rich
    bar._clock = lambda: now[0]
    first = _progress(10, 0, 0, 0, 2)
    bar(first)
    now[0] = 30.0
    bar(first)  # unchanged, under a minute: nothing
    now[0] = 61.0
    bar(first)  # unchanged for a minute: a line anyway
    now[0] = 62.0
    bar(_progress(0, 9, 1, 2, 2))  # changed: a line at once
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("2 batches: 0/10 done (0 ok), 0 ended")
    assert lines[2].endswith("2 batches: 10/10 done (9 ok, 1 errored), 2 ended")


def test_rich_bar_on_a_terminal_stops_when_the_job_is_done() -> None:
    pytest.importorskip("rich")
    stream = _Tty()
    bar = progress_bar(stream)
    assert bar.rich
    bar(_progress(10, 0, 0, 0, 2))
    assert bar._live is not None
    bar(_progress(0, 10, 0, 2, 2))
    assert bar._live is None  # stopped by itself at the end
    assert "2 batches ended" in stream.getvalue()
    bar.close()  # twice is fine


async def test_progress_bar_is_an_on_progress_for_one_batch_too(kit: Kit) -> None:
    batch = await kit.call(kit.batches, "create", requests=make_requests(2))
    stream = io.StringIO()
    with progress_bar(stream) as bar:
        await kit.call(kit.batches, "wait", batch.id, on_progress=bar)
    assert stream.getvalue().splitlines()[-1].endswith("1 batch: 2/2 done (2 ok), 1 ended")


def test_every_must_be_positive() -> None:
    with pytest.raises(ValueError, match="every"):
        progress_bar(every=0)
