"""save_results / asave_results: atomic JSONL, resumed after cut streams, never twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List

import pytest
from lib_kit import Kit, make_requests

from anthropic import APIConnectionError, BatchNotEndedError, InternalServerError
from anthropic.emulator import Fault
from anthropic.lib import SaveReport, asave_results, save_results
from anthropic.types.messages import MessageBatch

pytestmark = pytest.mark.anyio

N = 40


async def ended_batch(kit: Kit, n: int = N) -> MessageBatch:
    batch = await kit.call(kit.batches, "create", requests=make_requests(n))
    kit.emu.advance(kit.emu.processing_time)
    ended: MessageBatch = await kit.call(kit.batches, "retrieve", batch.id)
    return ended


async def save(kit: Kit, batch: Any, path: Path, **kw: Any) -> SaveReport:
    if kit.is_async:
        return await asave_results(kit.client, batch, path, **kw)
    return save_results(kit.client, batch, path, **kw)


def lines_of(path: Path) -> List[bytes]:
    data = path.read_bytes()
    assert data.endswith(b"\n")
    return data.splitlines()


def ids_of(lines: List[bytes]) -> List[str]:
    return [json.loads(line)["custom_id"] for line in lines]


def offset(lines: List[bytes], k: int) -> int:
    """Where line ``k`` starts in the stream."""
    return sum(len(line) + 1 for line in lines[:k])


async def reference(kit: Kit, batch: MessageBatch, tmp_path: Path) -> List[bytes]:
    path = tmp_path / "reference.jsonl"
    await save(kit, batch, path)
    return lines_of(path)


async def test_saves_every_line_atomically(kit: Kit, tmp_path: Path) -> None:
    batch = await ended_batch(kit)
    path = tmp_path / "out.jsonl"
    report = await save(kit, batch.id, path)
    lines = lines_of(path)
    assert sorted(ids_of(lines)) == [f"req-{i:04d}" for i in range(N)]
    assert report.written == report.lines == report.expected == N and report.complete
    assert report.counts == {"succeeded": N} and report.attempts == 1
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no partial left
    json.dumps(report.to_dict())


async def test_cut_streams_mid_line_are_resumed_without_loss_or_duplicates(
    kit: Kit, tmp_path: Path
) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    # two cuts, each in the middle of a line, further along each time
    first = kit.emu.faults.add(Fault.cut_stream(offset(expected, 3) + 17, times=1))
    second = kit.emu.faults.add(Fault.cut_stream(offset(expected, 9) + 5, times=1))
    path = tmp_path / "out.jsonl"
    report = await save(kit, batch, path)
    assert first.fired == second.fired == 1
    lines = lines_of(path)
    assert sorted(lines) == sorted(expected)  # the exact bytes the API sent
    assert len(set(ids_of(lines))) == N == len(lines)
    assert report.attempts == 3 and report.written == N and report.complete
    assert report.skipped == 3 + 9  # lines seen again after each re-request
    assert kit.sleeps == [0.5, 0.5]  # both cuts came after progress: no growing backoff


async def test_gives_up_after_attempts_without_progress_then_resumes(
    kit: Kit, tmp_path: Path
) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    kit.emu.faults.add(Fault.cut_stream(offset(expected, 5) + 3))  # every time
    path = tmp_path / "out.jsonl"
    with pytest.raises(APIConnectionError):
        await save(kit, batch, path, max_attempts=3)
    assert not path.exists()
    partial = tmp_path / "out.jsonl.partial"
    assert len(lines_of(partial)) == 5
    # the reference, then 3 failures in a row (the first one wrote lines, the others none)
    assert kit.emu.count("results") == 1 + 3

    kit.emu.faults.clear()
    report = await save(kit, batch, path)
    assert (report.resumed, report.written, report.lines) == (5, N - 5, N)
    assert sorted(lines_of(path)) == sorted(expected) and not partial.exists()


async def test_a_crashed_partial_file_is_cut_back_to_whole_lines(kit: Kit, tmp_path: Path) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    path = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    kit.emu.faults.add(Fault.cut_stream(offset(expected, 2) + 3, times=1))
    with pytest.raises(APIConnectionError):
        await save(kit, batch, path, max_attempts=1)  # a partial of this batch: 2 lines
    first_two = partial.read_bytes()
    partial.write_bytes(first_two + first_two.splitlines()[0][:20])  # a crash mid-line
    report = await save(kit, batch, path)
    assert report.resumed == 2 and report.written == N - 2 and not report.discarded
    assert sorted(lines_of(path)) == sorted(expected)


async def test_resume_false_starts_over(kit: Kit, tmp_path: Path) -> None:
    batch = await ended_batch(kit)
    path = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_bytes(b'{"custom_id": "stale", "result": {}}\n')
    report = await save(kit, batch, path, resume=False)
    assert report.resumed == 0 and "stale" not in ids_of(lines_of(path))


async def test_an_unfinished_batch_is_refused(kit: Kit, tmp_path: Path) -> None:
    batch = await kit.call(kit.batches, "create", requests=make_requests(2))
    with pytest.raises(BatchNotEndedError):
        await save(kit, batch.id, tmp_path / "out.jsonl")
    with pytest.raises(ValueError):
        await save(kit, batch.id, tmp_path / "out.jsonl", max_attempts=0)
    assert list(tmp_path.iterdir()) == []


async def test_status_errors_on_the_results_request_are_the_clients_to_retry(
    flavor: str, tmp_path: Path
) -> None:
    kit = Kit(flavor, max_retries=2)
    try:
        batch = await ended_batch(kit)
        before = kit.emu.count("results")
        # the client rides out two 503s under its own policy: one save attempt, 3 requests
        kit.emu.faults.add(Fault.error(503, route="results", times=2))
        report = await save(kit, batch, tmp_path / "out.jsonl")
        assert report.attempts == 1 and report.complete
        assert kit.emu.count("results") - before == 3
        # once the client gives up, so does the save: no second retry loop on top of it
        kit.emu.faults.add(Fault.error(503, route="results", times=3))
        with pytest.raises(InternalServerError):
            await save(kit, batch, tmp_path / "again.jsonl")
        assert kit.emu.count("results") - before == 3 + 3
    finally:
        await kit.aclose()


async def test_without_client_retries_a_status_error_is_raised_at_once(
    kit: Kit, tmp_path: Path
) -> None:
    batch = await ended_batch(kit)  # the kit's client has max_retries=0
    kit.emu.faults.add(Fault.error(503, route="results", times=1))
    with pytest.raises(InternalServerError):
        await save(kit, batch, tmp_path / "out.jsonl")
    assert kit.emu.count("results") == 1 and kit.sleeps == []
    report = await save(kit, batch, tmp_path / "out.jsonl")  # the next call just works
    assert report.complete and report.attempts == 1
