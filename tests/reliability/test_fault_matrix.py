"""The fault matrix: every fault x every method x (sync, asyncio, trio), on the emulator.

For each cell the outcome is the one the README promises, and the emulator's count of
served requests proves nothing was sent more often than promised:

- 429 (with retry-after), 529, 500, 503 and a connection dropped before the request was
  processed are retried up to ``max_retries`` (2): two faults are recovered from (3
  requests), three surface the typed error (still 3 requests, never a 4th);
- a read timeout, a connection dropped after the request was processed, and a response
  body cut short are retried too -- except for ``create``, which is never re-sent after
  such an ambiguous failure: ``BatchCreateOutcomeUnknownError`` after exactly one create,
  and the batch it did create is the only one;
- a results stream cut mid-line raises ``APIConnectionError`` after the complete lines;
  resuming (``save_results``, or re-requesting and skipping seen custom_ids) yields
  every line exactly once;
- a transient 404 right after create is ``NotFoundError`` (404 is not retried) and the
  same call succeeds once the batch is visible;
- connection refused (a closed loopback port) is retried, also for ``create``, and ends
  in ``APIConnectionError`` after ``max_retries + 1`` connection attempts.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, List, NamedTuple, Optional

import httpx
import pytest
from reliability_kit import METHODS, Rig, closed_port, make_requests, new_emulator

import anthropic
from anthropic.emulator import Emulator, Fault
from anthropic.lib import asave_results, save_results
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse

MAX_RETRIES = 2
READ_TIMEOUT = 10.0  # the client's read timeout; the delay fault exceeds it (virtually)


def make_fault(kind: str, route: str, times: Optional[int]) -> Fault:
    if kind == "429":
        return Fault.error(429, route=route, times=times, retry_after=1)
    if kind in ("500", "503", "529"):
        return Fault.error(int(kind), route=route, times=times)
    if kind == "drop_before":
        return Fault.drop(route=route, times=times)
    if kind == "drop_after":
        return Fault.drop(route=route, times=times, after_processing=True)
    if kind == "read_timeout":
        return Fault.delay(READ_TIMEOUT * 3, route=route, times=times)
    if kind == "cut_body":
        return Fault.cut_stream(after_bytes=10, route=route, times=times)
    if kind == "not_found":
        return Fault.not_found_after_create(60, route=route, times=times)
    raise AssertionError(kind)


ERRORS = {
    "429": anthropic.RateLimitError,
    "500": anthropic.InternalServerError,
    "503": anthropic.ServiceUnavailableError,
    "529": anthropic.OverloadedError,
    "drop_before": anthropic.APIConnectionError,
    "drop_after": anthropic.APIConnectionError,
    "read_timeout": anthropic.APITimeoutError,
    "cut_body": anthropic.APIConnectionError,
}
SENT_NEVER_PROCESSED = ("429", "500", "503", "529", "drop_before")
AMBIGUOUS = ("drop_after", "read_timeout", "cut_body")


class Case(NamedTuple):
    fault: str
    method: str
    times: int  # how often the fault fires
    error: Optional[type]  # the exception the call ends with, None: it succeeds
    served: int  # requests the emulator receives for the method's route

    @property
    def id(self) -> str:
        return f"{self.fault}-{self.method}-x{self.times}"


def cases() -> List[Case]:
    out: List[Case] = []
    for fault in SENT_NEVER_PROCESSED + AMBIGUOUS:
        for method in METHODS:
            if fault in AMBIGUOUS and method == "create":
                # never re-sent: one create, outcome unknown (and the batch does exist)
                out.append(Case(fault, method, 1, anthropic.BatchCreateOutcomeUnknownError, 1))
            elif fault in AMBIGUOUS and method == "delete":
                # the first delete went through; its retry finds the batch gone
                out.append(Case(fault, method, 1, anthropic.NotFoundError, 2))
            elif fault == "cut_body" and method == "results":
                continue  # a cut results stream: see test_results_stream_cut_mid_line
            else:
                out.append(Case(fault, method, MAX_RETRIES, None, MAX_RETRIES + 1))
                out.append(Case(fault, method, MAX_RETRIES + 1, ERRORS[fault], MAX_RETRIES + 1))
    for method in ("retrieve", "cancel", "delete", "results"):
        out.append(Case("not_found", method, 1, anthropic.NotFoundError, 1))
    return out


CASES = cases()


async def ended_batch(rig: Rig, client: Any, emu: Emulator) -> MessageBatch:
    """A freshly created batch of 3 requests, retrieved once it has ended (no faults yet)."""
    created = await rig.call(client.messages.batches.create, requests=make_requests(3))
    batch: MessageBatch = await rig.call(client.messages.batches.retrieve, created.id)
    assert batch.processing_status == "ended"
    return batch


def check_success(case: Case, result: Any, batch: MessageBatch, emu: Emulator, before: int) -> None:
    if case.method == "create":
        assert isinstance(result, MessageBatch)
        assert result.request_counts.processing == 2
        assert emu.batch_count == before + 1  # exactly one new batch, never a duplicate
    elif case.method == "list":
        assert [b.id for b in result.data] == [batch.id]
    elif case.method == "delete":
        assert result.id == batch.id
        assert emu.batch_count == before - 1
    elif case.method == "results":
        ids = [entry.custom_id for entry in result]
        assert sorted(ids) == ["req-0", "req-1", "req-2"]  # each line exactly once
    else:
        assert result.id == batch.id


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_fault_matrix(rig: Rig, case: Case) -> None:
    emu = new_emulator()
    client = rig.client(emu, max_retries=MAX_RETRIES, timeout=httpx.Timeout(READ_TIMEOUT))
    batch = await ended_batch(rig, client, emu)
    route = case.method
    before_count, before_batches = emu.count(route), emu.batch_count
    rule = emu.faults.add(make_fault(case.fault, route, case.times))

    if case.error is None:
        result = await rig.invoke(client, case.method, batch)
        check_success(case, result, batch, emu, before_batches)
    else:
        with pytest.raises(case.error) as info:
            await rig.invoke(client, case.method, batch)
        err = info.value
        assert type(err) in vars(anthropic._exceptions).values()  # never a foreign exception
        if isinstance(err, anthropic.APIConnectionError) and case.fault != "not_found":
            assert isinstance(err.__cause__, httpx.HTTPError)  # the original is kept

    assert emu.count(route) - before_count == case.served
    assert rule.fired == min(case.times, case.served)
    retried = case.served - 1
    assert len(rig.delays) == retried
    if case.fault == "429":
        assert rig.delays == [1.0] * retried  # retry-after honoured
    else:
        assert all(0 < d <= 8.0 for d in rig.delays)

    if case.error is anthropic.BatchCreateOutcomeUnknownError:
        err = info.value
        assert isinstance(err, anthropic.BatchCreateOutcomeUnknownError)
        assert err.request_count == 2
        assert emu.batch_count == before_batches + 1  # the one create did create it
    if case.fault == "not_found":
        # eventual consistency: the same call succeeds once the batch is visible
        emu.advance(60)
        emu.faults.clear()
        result = await rig.invoke(client, case.method, batch)
        check_success(case, result, batch, emu, before_batches)


@pytest.mark.anyio
@pytest.mark.parametrize("method", METHODS)
async def test_connection_refused_is_retried_then_typed(rig: Rig, method: str) -> None:
    attempts: Counter[str] = Counter()

    def count(request: httpx.Request) -> None:
        attempts[request.method] += 1

    port = closed_port()
    http_cls = httpx.AsyncClient if rig.is_async else httpx.Client
    hook = count
    if rig.is_async:

        async def hook(request: httpx.Request) -> None:  # type: ignore[misc]
            count(request)

    http = http_cls(event_hooks={"request": [hook]})
    client = rig.client(
        base_url=f"http://127.0.0.1:{port}", max_retries=MAX_RETRIES, http_client=http
    )
    batch = MessageBatch.model_validate(_ended_batch_json(port))
    with pytest.raises(anthropic.APIConnectionError) as info:
        await rig.invoke(client, method, batch)
    assert type(info.value) is anthropic.APIConnectionError  # create too: nothing was sent
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert sum(attempts.values()) == MAX_RETRIES + 1
    assert len(rig.delays) == MAX_RETRIES
    await rig.call(http.aclose if rig.is_async else http.close)


def _ended_batch_json(port: int) -> dict[str, Any]:
    return {
        "id": "msgbatch_refused",
        "type": "message_batch",
        "processing_status": "ended",
        "request_counts": {
            "processing": 0,
            "succeeded": 1,
            "errored": 0,
            "canceled": 0,
            "expired": 0,
        },
        "created_at": "2024-09-24T18:37:24.100435Z",
        "expires_at": "2024-09-25T18:37:24.100435Z",
        "ended_at": "2024-09-24T18:39:24.100435Z",
        "cancel_initiated_at": None,
        "archived_at": None,
        "results_url": f"http://127.0.0.1:{port}/v1/messages/batches/msgbatch_refused/results",
    }


# -- results: a stream cut mid-line, and resuming it -------------------------------------


def line_lengths(emu: Emulator, batch_id: str) -> List[int]:
    reply = emu.handle(
        "GET",
        f"/v1/messages/batches/{batch_id}/results",
        headers={"x-api-key": emu.api_key or "", "anthropic-version": "2023-06-01"},
    )
    body = b"".join(reply.chunks())
    return [len(line) + 1 for line in body.splitlines()]


@pytest.mark.anyio
async def test_results_stream_cut_mid_line(rig: Rig) -> None:
    emu = new_emulator()
    client = rig.client(emu, max_retries=MAX_RETRIES)
    batch = await ended_batch(rig, client, emu)
    lengths = line_lengths(emu, batch.id)
    cut = lengths[0] + lengths[1] // 2  # the first line whole, the second one half
    emu.faults.add(Fault.cut_stream(after_bytes=cut, times=1))
    before = emu.count("results")
    seen: List[MessageBatchIndividualResponse] = []
    with pytest.raises(anthropic.APIConnectionError) as info:
        await rig.results(client, batch, seen)
    assert type(info.value) is anthropic.APIConnectionError
    assert isinstance(info.value.__cause__, httpx.HTTPError)
    assert len(seen) == 1  # the complete line, never the half one
    assert emu.count("results") - before == 1  # a stream is not silently re-requested
    # resuming by hand: request again, skip the custom_ids already seen
    again = await rig.results(client, batch)
    fresh = [e for e in again if e.custom_id not in {s.custom_id for s in seen}]
    assert sorted(e.custom_id for e in seen + fresh) == ["req-0", "req-1", "req-2"]


@pytest.mark.anyio
@pytest.mark.parametrize("cuts", [1, 3, 4])
async def test_save_results_resumes_every_line_exactly_once(
    rig: Rig, tmp_path: Path, cuts: int
) -> None:
    emu = new_emulator()
    client = rig.client(emu, max_retries=MAX_RETRIES)
    created = await rig.call(client.messages.batches.create, requests=make_requests(40))
    batch = await rig.call(client.messages.batches.retrieve, created.id)
    expected = await rig.results(client, batch)
    lengths = line_lengths(emu, batch.id)
    # each attempt is cut in the middle of a later line: every attempt makes progress
    for k in range(cuts):
        emu.faults.add(Fault.cut_stream(after_bytes=sum(lengths[: 7 * (k + 1)]) - 5, times=1))
    before = emu.count("results")
    path = tmp_path / "results.jsonl"
    if rig.is_async:
        report = await asave_results(client, batch, path)
    else:
        report = save_results(client, batch, path)
    assert emu.count("results") - before == cuts + 1
    lines = path.read_bytes().splitlines()
    ids = [MessageBatchIndividualResponse.model_validate_json(line).custom_id for line in lines]
    assert len(ids) == len(set(ids)) == 40  # every line, exactly once
    assert sorted(ids) == sorted(e.custom_id for e in expected)
    assert report.lines == 40
