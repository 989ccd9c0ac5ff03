"""Fuzzing through the whole client: whatever the server sends, a call returns a model or
raises one of *our* errors -- never a pydantic, JSON, Key/Type/Attribute error.

- random JSON (and random bytes) as the 2xx body of every method;
- random JSON as the body of an error status;
- random bytes, cut into random chunks, as a results stream;
- random ``retry-after`` / ``retry-after-ms`` values on a 429: the client waits a finite
  time in (0, 60] (the server's value) or its own back-off (<= 8 s), never negative,
  never NaN, never forever.
"""

from __future__ import annotations

import json
import math
import warnings
from typing import Any, Iterator, List, Optional, Tuple

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import anthropic
from anthropic import Anthropic
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, api_bytes, api_json

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = ["id", "type", "data", "has_more", "first_id", "last_id", "processing_status",
        "request_counts", "created_at", "expires_at", "ended_at", "results_url",
        "custom_id", "result", "message", "error", "content", "usage", "succeeded",
        "processing", "errored", "canceled", "expired", "archived_at", "text"]  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["message_batch", "ended", "succeeded", "2024-09-24T18:37:24Z", ""])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=6)
    ),
    max_leaves=25,
)
# near-valid documents: a golden fixture with one field replaced by anything
BATCH = api_json("batch.ended.json")
NEAR_BATCH = st.builds(
    lambda key, value: {**BATCH, key: value}, st.sampled_from(sorted(BATCH)), JSON
)
BODIES = (
    JSON.map(lambda v: json.dumps(v).encode())
    | NEAR_BATCH.map(lambda v: json.dumps(v).encode())
    | st.binary(max_size=64)
)

OURS = (anthropic.AnthropicError,)


def client_for(handler: Any, **kwargs: Any) -> Anthropic:
    kwargs.setdefault("max_retries", 0)
    return Anthropic(
        api_key=TEST_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **kwargs,
    )


def call(client: Anthropic, method: str) -> Any:
    batches = client.messages.batches
    if method == "create":
        params = {"model": "m", "max_tokens": 1, "messages": []}
        return batches.create(requests=[{"custom_id": "a", "params": params}])
    if method == "list":
        return batches.list(limit=5)
    return getattr(batches, method)("msgbatch_x")


def touch(value: Any) -> None:
    """Use a result the way a program would: repr, dump, iterate a page's data.

    A leniently built model (a field of the wrong type) dumps with pydantic's
    "serializer warnings" UserWarning -- reported; tolerated here, nothing else is."""
    repr(value)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value.to_dict()
        value.to_json()
    assert all("Pydantic serializer warnings" in str(w.message) for w in caught)
    data = getattr(value, "data", None)  # a page's items (any model may carry an extra "data")
    for item in data if isinstance(data, list) else []:
        repr(item)


@FUZZ
@given(method=st.sampled_from(["create", "retrieve", "list", "cancel", "delete"]), body=BODIES)
@example(method="retrieve", body=b"")
@example(method="list", body=b"null")
@example(method="retrieve", body=b"[1]")
@example(method="list", body=b'{"data": null}')
@example(method="retrieve", body=b'{"request_counts": []}')
def test_any_success_body_parses_or_raises_our_error(method: str, body: bytes) -> None:
    with client_for(lambda request: httpx.Response(200, content=body)) as client:
        try:
            value = call(client, method)
        except OURS as exc:
            assert isinstance(exc, anthropic.APIResponseValidationError)
            str(exc)
            return
        touch(value)


@FUZZ
@given(status=st.integers(400, 599), body=BODIES)
def test_any_error_body_raises_the_typed_status_error(status: int, body: bytes) -> None:
    client = client_for(lambda request: httpx.Response(status, content=body))
    with client, pytest.raises(anthropic.APIStatusError) as info:
        client.messages.batches.retrieve("msgbatch_x")
    err = info.value
    assert err.status_code == status
    assert isinstance(str(err), str) and isinstance(err.message, str)


def chop(data: bytes, cuts: List[int]) -> List[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts} | {0, len(data)})
    return [data[a:b] for a, b in zip(points, points[1:])]


class Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: List[bytes]) -> None:
        self.chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks


RESULTS = api_bytes("batch.results.jsonl")
RESULT_LINES = RESULTS.splitlines()
ENDED = MessageBatch.model_validate(BATCH)


def stream_lines() -> st.SearchStrategy[bytes]:
    line = (
        st.sampled_from(RESULT_LINES)
        | JSON.map(lambda v: json.dumps(v).encode())
        | st.binary(max_size=40).filter(lambda b: b"\n" not in b)
    )
    return st.lists(line, max_size=8).map(lambda lines: b"\n".join(lines))


class Replay:
    """One sync client for every example (making one per example costs an SSL context):
    the handler serves whatever the current example put in ``chunks``."""

    def __init__(self) -> None:
        self.chunks: List[bytes] = []
        self.client = client_for(self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Chunks(self.chunks))


REPLAY = Replay()


@FUZZ
@given(
    data=stream_lines() | st.binary(max_size=300),
    cuts=st.lists(st.integers(0, 10_000), max_size=12),
)
@example(data=b"null\n5\n[]", cuts=[])
def test_any_results_stream_yields_lines_or_raises_our_error(data: bytes, cuts: List[int]) -> None:
    REPLAY.chunks = chop(data, cuts)
    got: List[Any] = []
    bad_line: Optional[int] = None
    try:
        with REPLAY.client.messages.batches.results(ENDED) as results:
            for entry in results:
                got.append(entry)
    except OURS as exc:
        assert isinstance(exc, anthropic.ResultsDecodeError)
        bad_line = exc.line_number
    lines = [line[:-1] if line.endswith(b"\r") else line for line in data.split(b"\n")]
    expected = [
        line
        for number, line in enumerate(lines, 1)
        if line and not line.isspace() and (bad_line is None or number < bad_line)
    ]
    # every line before the bad one was delivered, in order, and nothing after it
    assert len(got) == len(expected)
    for entry, line in zip(got, expected):
        touch(entry)
        if line in RESULT_LINES:
            assert entry.custom_id == json.loads(line)["custom_id"]
            assert entry.result.type == json.loads(line)["result"]["type"]


HEADER_TEXT = st.text(
    st.characters(min_codepoint=32, max_codepoint=255, blacklist_characters="\x7f"), max_size=40
)
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(
        [
            "nan",
            "inf",
            "-inf",
            "1e309",
            "0",
            "-0",
            "60",
            "60.0001",
            "0.001",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Thu, 01 Jan 1970 00:00:00 GMT",
            " 5 ",
            "1_0",
            "0x10",
        ]
    ),
)


@FUZZ
@given(
    retry_after=st.none() | NUMBERS | HEADER_TEXT,
    retry_after_ms=st.none() | NUMBERS | HEADER_TEXT,
)
def test_any_retry_after_gives_a_finite_bounded_wait(
    retry_after: Optional[str], retry_after_ms: Optional[str]
) -> None:
    headers: List[Tuple[bytes, bytes]] = []  # raw bytes, as a server may send them
    if retry_after is not None:
        headers.append((b"retry-after", retry_after.encode("latin-1")))
    if retry_after_ms is not None:
        headers.append((b"retry-after-ms", retry_after_ms.encode("latin-1")))
    waits: List[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers=headers, json={"type": "error"})

    client = client_for(handler, max_retries=2, _sleep=waits.append, _clock=lambda: 1.7e9)
    with client, pytest.raises(anthropic.RateLimitError):
        client.messages.batches.retrieve("msgbatch_x")
    assert len(waits) == 2
    for wait in waits:
        assert math.isfinite(wait) and 0 < wait <= 60.0
