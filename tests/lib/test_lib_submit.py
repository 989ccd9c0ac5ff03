"""``batches.submit`` and the job handle: chunking, validation, partial failure, resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, AsyncIterator, Dict, Iterator, List

import pytest
from lib_kit import Kit, gen_requests, make_request, make_requests

from anthropic import InvalidBatchRequestError, OverloadedError
from anthropic._core.batch_requests import encode_create_body, encoded_body_size
from anthropic._core.request import serialize_json
from anthropic.emulator import Fault
from anthropic.lib import (
    DEFAULT_MAX_BYTES_PER_BATCH,
    AsyncBatchJob,
    BatchJob,
    BatchSubmitError,
    BatchWaitTimeout,
    JobProgress,
)
from anthropic.lib._chunker import Chunker, encode_request

pytestmark = pytest.mark.anyio


async def submit(kit: Kit, requests: Any, **kw: Any) -> Any:
    return await kit.call(kit.batches, "submit", requests, **kw)


async def test_splits_by_count_and_the_job_sees_every_result(kit: Kit) -> None:
    job = await submit(kit, make_requests(25), max_requests_per_batch=10)
    assert isinstance(job, AsyncBatchJob if kit.is_async else BatchJob)
    assert len(job.batch_ids) == 3 and job.request_count == 25
    assert [sum(b.request_counts.values()) for b in job.batches] == [10, 10, 5]
    ended = await kit.call(job, "wait")
    assert [b.processing_status for b in ended] == ["ended"] * 3
    results = await kit.drain(job.results())
    assert sorted(r.custom_id for r in results) == [f"req-{i:04d}" for i in range(25)]
    progress = await kit.call(job, "progress")
    assert isinstance(progress, JobProgress)
    assert progress.done and progress.total == 25 and progress.counts["succeeded"] == 25
    assert progress.ended_batches == progress.batch_count == 3


async def test_splits_by_exact_encoded_bytes(kit: Kit) -> None:
    requests = make_requests(10)
    size = len(serialize_json(requests[0]))
    limit = encoded_body_size(3 * size, 3)  # exactly three requests fit
    job = await submit(kit, requests, max_bytes_per_batch=limit)
    assert [sum(b.request_counts.values()) for b in job.batches] == [3, 3, 3, 1]
    bodies = kit.bodies()
    assert [len(b) for b in bodies[:3]] == [limit] * 3
    # the bytes sent are exactly what create() would have sent for the same requests
    assert bodies[0] == encode_create_body(requests[:3])[0]
    assert json.loads(bodies[3])["requests"] == requests[9:]


def test_default_limits_leave_a_margin() -> None:
    import inspect

    from anthropic.lib._workflows import BatchWorkflows

    assert DEFAULT_MAX_BYTES_PER_BATCH == 255 * 1024 * 1024
    params = inspect.signature(BatchWorkflows.submit).parameters
    assert params["max_bytes_per_batch"].default == DEFAULT_MAX_BYTES_PER_BATCH


async def test_generator_is_consumed_lazily_one_batch_at_a_time(kit: Kit) -> None:
    creates_when_yielded: List[int] = []

    def requests() -> Iterator[Dict[str, Any]]:
        for i in range(95):
            creates_when_yielded.append(kit.emu.count("create"))
            yield make_request(f"g-{i}")

    job = await submit(kit, requests(), max_requests_per_batch=10)
    assert len(job.batch_ids) == 10 and job.request_count == 95
    # request i is pulled only after the batches before its own were created
    assert creates_when_yielded == [max(0, (i - 1) // 10) for i in range(95)]


async def test_async_iterable_input(flavor: str, kit: Kit) -> None:
    if flavor == "sync":
        pytest.skip("async iterables are for the async client")

    async def requests() -> AsyncIterator[Dict[str, Any]]:
        for request in make_requests(7):
            yield request

    job = await kit.batches.submit(requests(), max_requests_per_batch=3)
    assert job.request_count == 7 and len(job.batch_ids) == 3


async def test_an_oversize_request_is_rejected_up_front_naming_it(kit: Kit) -> None:
    requests = make_requests(5)
    requests[3] = make_request("huge-one", "x" * 5000)
    with pytest.raises(InvalidBatchRequestError) as info:
        await submit(kit, requests, max_bytes_per_batch=2000)
    assert info.value.custom_id == "huge-one" and "huge-one" in str(info.value)
    assert kit.emu.count("create") == 0


async def test_duplicate_custom_ids_in_a_list_create_nothing(kit: Kit) -> None:
    requests = make_requests(30)
    requests[25] = make_request("req-0003")
    with pytest.raises(InvalidBatchRequestError) as info:
        await submit(kit, requests, max_requests_per_batch=10)
    assert info.value.custom_id == "req-0003" and info.value.index == 25
    assert "requests[3]" in str(info.value)
    assert kit.emu.count("create") == 0


async def test_a_duplicate_found_while_streaming_carries_the_created_batches(kit: Kit) -> None:
    def requests() -> Iterator[Dict[str, Any]]:
        yield from gen_requests(25)
        yield make_request("req-0001")  # chunk 3 holds a custom_id of chunk 1

    with pytest.raises(BatchSubmitError) as info:
        await submit(kit, requests(), max_requests_per_batch=10)
    err = info.value
    assert isinstance(err.__cause__, InvalidBatchRequestError)
    assert err.__cause__.custom_id == "req-0001"
    assert len(err.job.batch_ids) == 2 and err.job.request_count == 20
    assert kit.emu.count("create") == 2  # the third batch was never sent
    canceled = await kit.call(err.job, "cancel")
    assert [b.cancel_initiated_at is not None for b in canceled] == [True, True]


async def test_a_first_chunk_problem_in_a_generator_raises_it_plainly(kit: Kit) -> None:
    def requests() -> Iterator[Dict[str, Any]]:
        yield make_request("a")
        yield {"custom_id": "b", "params": {"model": "m", "max_tokens": 0, "messages": []}}

    with pytest.raises(InvalidBatchRequestError) as info:
        await submit(kit, requests())
    assert info.value.field == "params.max_tokens"
    assert kit.emu.count("create") == 0


async def test_a_later_create_failure_reports_and_cancels_the_created_batches(kit: Kit) -> None:
    def requests() -> Iterator[Dict[str, Any]]:
        for i, request in enumerate(gen_requests(30)):
            if i == 11:  # the first batch exists now; every later create fails
                kit.emu.faults.add(Fault.error(529, route="create"))
            yield request

    with pytest.raises(BatchSubmitError) as info:
        await submit(kit, requests(), max_requests_per_batch=10)
    err = info.value
    assert isinstance(err.__cause__, OverloadedError)
    assert err.job.batch_ids == [b.id for b in err.job.batches if b is not None]
    assert len(err.job.batch_ids) == 1 and err.job.request_count == 10
    assert "job.cancel()" in str(err)
    kit.emu.faults.clear()
    canceled = await kit.call(err.job, "cancel")
    assert canceled[0].cancel_initiated_at is not None and kit.emu.count("cancel") == 1


async def test_empty_and_wrong_inputs(kit: Kit) -> None:
    with pytest.raises(InvalidBatchRequestError):
        await submit(kit, [])
    with pytest.raises(InvalidBatchRequestError):
        await submit(kit, iter([]))
    with pytest.raises(TypeError):
        await submit(kit, make_request("a"))
    with pytest.raises(ValueError):
        await submit(kit, make_requests(1), max_requests_per_batch=0)
    with pytest.raises(ValueError):
        await submit(kit, make_requests(1), max_bytes_per_batch=300 * 1024 * 1024)
    with pytest.raises(ValueError):
        await submit(kit, gen_requests(1), precheck=True)
    assert kit.emu.count("create") == 0


async def test_save_and_resume_in_another_process(kit: Kit, tmp_path: Path) -> None:
    job = await submit(kit, make_requests(12), max_requests_per_batch=5)
    path = tmp_path / "job.json"
    job.save(path)
    assert json.loads(path.read_text())["batch_ids"] == job.batch_ids
    assert [p.name for p in tmp_path.iterdir()] == ["job.json"]  # no temporary left

    other = kit.twin()
    try:
        for source in (path, str(path), job.to_json(), job.batch_ids):
            resumed = other.batches.job(source)
            assert resumed.batch_ids == job.batch_ids
        resumed = other.batches.job(path)
        assert resumed.request_count == 12  # counts are saved with the ids
        await other.call(resumed, "wait")
        results = await other.drain(resumed.results())
        assert len({r.custom_id for r in results}) == 12
        bare = other.batches.job(job.batch_ids)
        assert bare.request_count == 0  # unknown until refreshed
        await other.call(bare, "refresh")
        assert bare.request_count == 12
        single = other.batches.job(job.batch_ids[0])
        assert single.batch_ids == job.batch_ids[:1]
    finally:
        await other.aclose()


@pytest.mark.parametrize(
    "source", ["", "{}", '{"type": "other"}', "not/a/file.json", [], [""], "{bad json"]
)
async def test_job_rejects_what_is_not_a_job(kit: Kit, source: Any) -> None:
    with pytest.raises(ValueError):
        kit.batches.job(source)


async def test_job_wait_timeout_covers_the_whole_job(kit: Kit) -> None:
    kit.emu.processing_time = 3600
    job = await submit(kit, make_requests(4), max_requests_per_batch=2)
    with pytest.raises(BatchWaitTimeout):
        await kit.call(job, "wait", timeout=100, cancel_on_exit=True)
    assert sum(kit.sleeps) == 100
    assert kit.emu.count("cancel") == 2  # every unfinished batch of the job


async def test_job_wait_reports_progress_and_cancel_skips_ended_batches(kit: Kit) -> None:
    job = await submit(kit, make_requests(4), max_requests_per_batch=2)
    seen: List[JobProgress] = []
    await kit.call(job, "wait", on_progress=seen.append)
    assert seen and seen[-1].done and seen[-1].batch_count == 2  # one job snapshot per round
    await kit.call(job, "cancel")
    assert kit.emu.count("cancel") == 0


def test_chunker_is_pure_and_holds_one_chunk() -> None:
    chunker = Chunker(max_requests=2, max_bytes=10_000)
    sizes = []
    for i, request in enumerate(make_requests(5)):
        full = chunker.add(*encode_request(i, request))
        if full is not None:
            sizes.append((full.start, full.count))
    last = chunker.finish()
    assert last is not None and (last.start, last.count) == (4, 1)
    assert sizes == [(0, 2), (2, 2)]
    assert chunker.finish() is None


async def test_find_created_batch_after_a_lost_create_response(kit: Kit) -> None:
    from anthropic import BatchCreateOutcomeUnknownError
    from anthropic.lib import afind_created_batch, find_created_batch

    async def find(error: BatchCreateOutcomeUnknownError) -> Any:
        if kit.is_async:
            return await afind_created_batch(kit.client, error)
        return find_created_batch(kit.client, error)

    await kit.call(kit.batches, "create", requests=make_requests(3))  # an older, other size
    kit.emu.advance(3600)
    kit.emu.faults.add(Fault.drop(route="create", after_processing=True, times=1))
    with pytest.raises(BatchCreateOutcomeUnknownError) as info:
        await kit.call(kit.batches, "create", requests=make_requests(5))
    found = await find(info.value)
    assert found is not None and sum(found.request_counts.values()) == 5
    # a submit whose later create is lost says so, and the lost batch can be found
    kit.emu.advance(3600)

    def requests() -> Iterator[Dict[str, Any]]:
        for i, request in enumerate(gen_requests(7)):
            if i == 5:  # the first batch (4 requests) exists; the second's reply is lost
                kit.emu.faults.add(Fault.drop(route="create", after_processing=True, times=1))
            yield request

    with pytest.raises(BatchSubmitError) as sub:
        await submit(kit, requests(), max_requests_per_batch=4)
    cause = sub.value.__cause__
    assert isinstance(cause, BatchCreateOutcomeUnknownError)
    assert len(sub.value.job.batch_ids) == 1
    lost = await find(cause)
    assert lost is not None and sum(lost.request_counts.values()) == 3
    assert lost.id not in sub.value.job.batch_ids
    nothing = BatchCreateOutcomeUnknownError(
        request=info.value.request, sent_at=kit.clock.now(), request_count=99
    )
    assert await find(nothing) is None


def test_sync_and_async_jobs_have_the_same_methods() -> None:
    def public(cls: type) -> set[str]:
        return {name for name in dir(cls) if not name.startswith("_")}

    assert public(BatchJob) == public(AsyncBatchJob)


async def test_stopping_early_releases_the_results_stream(kit: Kit) -> None:
    job = await submit(kit, make_requests(6), max_requests_per_batch=3)
    await kit.call(job, "wait")
    if kit.is_async:
        async with job.results(concurrency=1) as results:
            first = await results.__anext__()
        assert [r async for r in results] == []  # closed: nothing more
    else:
        results = job.results(concurrency=1)
        first = next(results)
        results.close()
    assert first.custom_id.startswith("req-")
    assert kit.emu.count("results") == 1


def test_sync_and_async_workflow_methods_have_the_same_signatures() -> None:
    import inspect

    from anthropic.lib._workflows import AsyncBatchWorkflows, BatchWorkflows

    for name in ("wait", "submit", "job"):
        sync = inspect.signature(getattr(BatchWorkflows, name)).parameters
        async_ = inspect.signature(getattr(AsyncBatchWorkflows, name)).parameters
        assert list(sync) == list(async_), name
        assert [p.default for p in sync.values()] == [p.default for p in async_.values()]


async def test_an_interrupted_submit_logs_the_batches_left_running(
    kit: Kit, caplog: pytest.LogCaptureFixture
) -> None:
    def requests() -> Iterator[Dict[str, Any]]:
        yield from gen_requests(12)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await submit(kit, requests(), max_requests_per_batch=5)
    assert "interrupted after creating batches" in caplog.text
    assert kit.emu.count("create") == 2


async def test_a_results_stream_cut_mid_job_ends_the_iteration(kit: Kit) -> None:
    from anthropic import APIConnectionError

    job = await submit(kit, make_requests(6), max_requests_per_batch=3)
    await kit.call(job, "wait")
    kit.emu.faults.add(Fault.cut_stream(50, times=1))
    results = job.results()
    with pytest.raises(APIConnectionError):
        await kit.drain(results)
    assert await kit.drain(results) == []  # not silently resumed with the next batch
