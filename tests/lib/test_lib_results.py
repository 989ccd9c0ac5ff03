"""summarize / asummarize, retryable_requests, join_results and unwrap."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import pytest
from lib_kit import Kit, make_request, make_requests

from anthropic import AnthropicError
from anthropic.emulator import BatchRequest, ResponderError
from anthropic.lib import (
    RETRYABLE_ERROR_TYPES,
    BatchResultError,
    BatchResultsError,
    asummarize,
    join_results,
    retryable_requests,
    summarize,
    unwrap,
)
from anthropic.types.messages import MessageBatch, MessageBatchIndividualResponse

pytestmark = pytest.mark.anyio

USAGE = {
    "input_tokens": 10,
    "output_tokens": 5,
    "cache_creation_input_tokens": 3,
    "cache_read_input_tokens": None,
}


def entry(custom_id: str, kind: str, error_type: Optional[str] = None) -> Any:
    result: Dict[str, Any] = {"type": kind}
    if kind == "succeeded":
        result["message"] = {
            "id": f"msg_{custom_id}",
            "type": "message",
            "role": "assistant",
            "model": "m",
            "content": [{"type": "text", "text": "hi"}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": USAGE,
        }
    elif kind == "errored":
        result["error"] = {"type": "error", "error": {"type": error_type, "message": "nope"}}
    return MessageBatchIndividualResponse.model_validate({"custom_id": custom_id, "result": result})


RESULTS = [
    entry("ok-1", "succeeded"),
    entry("ok-2", "succeeded"),
    entry("bad", "errored", "invalid_request_error"),
    entry("busy", "errored", "overloaded_error"),
    entry("boom", "errored", "api_error"),
    entry("auth", "errored", "authentication_error"),
    entry("late", "expired"),
    entry("stop", "canceled"),
    entry("new", "teleported"),  # a result type newer than this SDK
]
IDS = ["ok-1", "ok-2", "bad", "busy", "boom", "auth", "late", "stop", "new"]


def ended_batch(**counts: int) -> MessageBatch:
    full = {"processing": 0, "succeeded": 0, "errored": 0, "canceled": 0, "expired": 0}
    full.update(counts)
    return MessageBatch.model_validate(
        {
            "id": "msgbatch_1",
            "type": "message_batch",
            "processing_status": "ended",
            "request_counts": full,
            "created_at": "2024-09-24T18:37:24Z",
            "expires_at": "2024-09-25T18:37:24Z",
        }
    )


def test_summary_counts_usage_missing_and_mismatches() -> None:
    batch = ended_batch(succeeded=2, errored=4, canceled=1, expired=2)
    summary = summarize(RESULTS, submitted=[*IDS, "lost"], batches=[batch])
    assert summary.counts == {
        "succeeded": 2,
        "errored": 4,
        "canceled": 1,
        "expired": 1,
        "teleported": 1,
    }
    assert summary.total == 9
    assert summary.error_types == {
        "invalid_request_error": 1,
        "overloaded_error": 1,
        "api_error": 1,
        "authentication_error": 1,
    }
    assert summary.usage.to_dict() == {
        "input_tokens": 20,
        "output_tokens": 10,
        "cache_creation_input_tokens": 6,
        "cache_read_input_tokens": 0,
    }
    assert summary.missing == ["lost"]
    assert summary.mismatches == {"expired": (2, 1), "teleported": (0, 1)}
    assert not summary.ok
    assert summary.failures[0] == ("bad", "errored", "invalid_request_error")
    json.dumps(summary.to_dict())  # JSON-ready
    with pytest.raises(BatchResultsError) as info:
        summary.raise_for_failures()
    assert isinstance(info.value, AnthropicError) and info.value.summary is summary
    assert "lost" in str(info.value) and "invalid_request_error" in str(info.value)


def test_summary_of_a_clean_run_is_ok() -> None:
    results = [entry("a", "succeeded"), entry("b", "succeeded")]
    summary = summarize(results, submitted=["a", "b"], batches=[ended_batch(succeeded=2)])
    assert summary.ok and summary.raise_for_failures() is summary
    assert summary.counts == {"succeeded": 2, "errored": 0, "canceled": 0, "expired": 0}
    assert summary.describe_failures() == "all requests succeeded"


def test_summary_flags_duplicates_and_unexpected_results() -> None:
    results = [entry("a", "succeeded"), entry("a", "succeeded"), entry("x", "succeeded")]
    summary = summarize(results, submitted=["a"])
    assert summary.duplicates == ["a"] and summary.unexpected == ["x"] and not summary.ok


def test_retryable_requests_pick_server_errors_and_expired_never_invalid() -> None:
    requests = [make_request(custom_id) for custom_id in IDS]
    retry = retryable_requests(RESULTS, requests)
    assert [r["custom_id"] for r in retry] == ["busy", "boom", "late"]
    assert retry[0] is requests[3]  # the original objects, in request order
    with_canceled = retryable_requests(RESULTS, requests, include_canceled=True)
    assert [r["custom_id"] for r in with_canceled] == ["busy", "boom", "late", "stop"]
    by_id = {r["custom_id"]: r for r in requests}
    assert retryable_requests(RESULTS, by_id) == retry
    assert "invalid_request_error" not in RETRYABLE_ERROR_TYPES


def test_retryable_requests_refuse_to_drop_a_result_silently() -> None:
    with pytest.raises(ValueError, match="busy"):
        retryable_requests(RESULTS, [make_request("late"), make_request("boom")])
    with pytest.raises(ValueError, match="late"):
        retryable_requests(RESULTS, {"busy": 1, "boom": 2})
    assert retryable_requests([entry("a", "succeeded")], []) == []


def test_join_results_pairs_by_custom_id_and_reports_the_unanswered() -> None:
    requests = [make_request("a"), make_request("b"), make_request("c")]
    results = [entry("c", "succeeded"), entry("a", "expired")]
    pairs = list(join_results(requests, results))
    assert [(r["custom_id"], e.custom_id if e else None) for r, e in pairs] == [
        ("c", "c"),
        ("a", "a"),
        ("b", None),
    ]
    with pytest.raises(ValueError, match="zzz"):
        list(join_results(requests, [entry("zzz", "succeeded")]))


def test_unwrap_returns_the_message_or_raises_a_typed_error() -> None:
    assert unwrap(RESULTS[0]).id == "msg_ok-1"
    with pytest.raises(BatchResultError) as info:
        unwrap(RESULTS[3])
    err = info.value
    assert (err.custom_id, err.result_type, err.error_type) == (
        "busy",
        "errored",
        "overloaded_error",
    )
    assert err.error_message == "nope" and isinstance(err, AnthropicError)
    for result, kind in (
        (RESULTS[6], "expired"),
        (RESULTS[7], "canceled"),
        (RESULTS[8], "teleported"),
    ):
        with pytest.raises(BatchResultError) as info:
            unwrap(result)
        assert info.value.result_type == kind and info.value.error_type is None


def test_unwrap_needs_no_lib_and_raises_the_class_lib_exports() -> None:
    import subprocess
    import sys

    from anthropic import _exceptions

    assert BatchResultError is _exceptions.BatchResultError
    with pytest.raises(BatchResultError):
        RESULTS[3].unwrap()
    # the types package answers unwrap() on its own: importing it loads no workflow helper
    code = (
        "import sys, anthropic.types.messages as m; "
        "assert not any(n.startswith('anthropic.lib') for n in sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def responder(req: BatchRequest) -> str:
    if req.custom_id.startswith("bad"):
        raise ResponderError("max_tokens: too large", type="invalid_request_error")
    if req.custom_id.startswith("busy"):
        raise ResponderError("Overloaded", type="overloaded_error")
    return "ok"


async def test_a_job_end_to_end_summary_and_retry(flavor: str) -> None:
    kit = Kit(flavor, responder=responder)
    try:
        requests = [*make_requests(6), make_request("bad-1"), make_request("busy-1")]
        job = await kit.call(kit.batches, "submit", requests, max_requests_per_batch=3)
        batches = await kit.call(job, "wait")
        ids = [r["custom_id"] for r in requests]
        if kit.is_async:
            summary = await asummarize(job.results(), submitted=ids, batches=batches)
        else:
            summary = summarize(job.results(), submitted=ids, batches=batches)
        assert summary.counts["succeeded"] == 6 and summary.counts["errored"] == 2
        assert summary.missing == [] and summary.mismatches == {}
        assert summary.usage.output_tokens > 0
        results: List[Any] = await kit.drain(job.results())
        retry = retryable_requests(results, requests)
        assert [r["custom_id"] for r in retry] == ["busy-1"]
        again = await kit.call(kit.batches, "submit", retry)
        assert again.request_count == 1
    finally:
        await kit.aclose()


async def test_asummarize_takes_plain_iterables_too() -> None:
    summary = await asummarize(RESULTS[:2])
    assert summary.ok
