"""The create body: NaN/Infinity refused locally (item 8) and memory bounded while encoding
(item 11), with the bytes exactly those pydantic-core writes for the same requests."""

from __future__ import annotations

import gc
import io
import json
import tracemalloc
from typing import Any, Callable, Dict, List, Optional

import pytest
from pydantic_core import to_json

from anthropic import Anthropic, AsyncAnthropic
from anthropic._core.batch_requests import InvalidBatchRequestError, encode_create_body
from anthropic._core.json_body import size_floor, write_streamed
from anthropic.lib._chunker import encode_request
from support import TEST_KEY, Router

INF = float("inf")


def req(custom_id: str, text: str = "Hello", **params: Any) -> Dict[str, Any]:
    body: Dict[str, Any] = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 16,
        "messages": [{"role": "user", "content": text}],
    }
    body.update(params)
    return {"custom_id": custom_id, "params": body}


# -- item 8: NaN and Infinity ----------------------------------------------------------------

CASES = [
    ({"temperature": float("nan")}, "params.temperature", "nan"),
    ({"top_p": INF}, "params.top_p", "inf"),
    ({"metadata": {"scores": [1.0, -INF]}}, "params.metadata.scores[1]", "-inf"),
]


@pytest.mark.parametrize(("params", "field", "shown"), CASES)
@pytest.mark.parametrize("big", [False, True], ids=["grouped", "streamed"])
def test_non_finite_numbers_are_refused_naming_index_custom_id_and_field(
    params: Dict[str, Any], field: str, shown: str, big: bool
) -> None:
    text = "x" * (300_000 if big else 5)  # a large request takes the streamed path
    requests = [req("ok-0"), req("ok-1"), req("bad-2", text, **params), req("ok-3")]
    with pytest.raises(InvalidBatchRequestError) as info:
        encode_create_body(requests, max_bytes=4_000_000)
    err = info.value
    assert (err.index, err.custom_id, err.field) == (2, "bad-2", field)
    assert str(err).startswith(f"requests[2] (custom_id 'bad-2'): {field} is {shown}")
    assert "finite number" in str(err)


@pytest.mark.parametrize(("params", "field", "shown"), CASES)
def test_submit_refuses_non_finite_numbers_too(
    params: Dict[str, Any], field: str, shown: str
) -> None:
    with pytest.raises(InvalidBatchRequestError) as info:
        encode_request(7, req("bad-7", **params))
    assert (info.value.index, info.value.custom_id, info.value.field) == (7, "bad-7", field)


def test_non_finite_in_extra_body_is_refused() -> None:
    with pytest.raises(InvalidBatchRequestError) as info:
        encode_create_body([req("a")], {"knob": float("nan")})
    assert info.value.field == "extra_body" and "knob" in str(info.value)


def test_the_words_nan_and_infinity_inside_text_are_fine() -> None:
    requests = [req("a", 'NaN Infinity "NaN"', stop_sequences=["Infinity"]), req("b")]
    body, count = encode_create_body(requests)
    assert count == 2 and json.loads(body) == {"requests": requests}


# -- the bytes ------------------------------------------------------------------------------


def varied(n: int) -> List[Dict[str, Any]]:
    return [
        req(f"r{i}", 'é\u2028"\\\n' * (i % 7) + "z" * (i * 37 % 20_000), temperature=i / 7)
        for i in range(n)
    ]


@pytest.mark.parametrize("max_bytes", [None, 200_000, 2_000_000])
def test_the_body_is_byte_for_byte_what_pydantic_core_writes(max_bytes: Optional[int]) -> None:
    requests = varied(60)
    expected = to_json({"requests": requests})
    limit = max_bytes or len(expected)
    if len(expected) > limit:
        with pytest.raises(InvalidBatchRequestError):
            encode_create_body(requests, max_bytes=limit)
        return
    assert encode_create_body(requests, max_bytes=limit)[0] == expected
    extra = {"note": "x", "n": [1, 2.5]}
    body, _ = encode_create_body(requests, extra, max_bytes=limit + 100)
    assert body == to_json({"requests": requests, **extra})


def test_streamed_values_match_pydantic_core_and_the_floor_is_a_lower_bound() -> None:
    value = {"a": ["x" * 200_000 + 'é"' * 70_000, 1, 2.5e-9, None, True, ("t", {"k": 1})]}
    out = io.BytesIO()
    write_streamed(out, value, limit=10**9)
    assert out.getvalue() == to_json(value)
    for sample in (value, *varied(20)):
        assert size_floor(sample) <= len(to_json(sample))


# -- item 11: memory --------------------------------------------------------------------------

LIMIT = 4_000_000


def peak_extra(build: Callable[[], Any], run: Callable[[Any], Any]) -> tuple[int, Any]:
    """Peak bytes allocated by ``run(build())`` above what the input holds (tracemalloc
    sees Python allocations only; the by-hand RSS numbers are in the README)."""
    gc.collect()
    tracemalloc.start()
    try:
        data = build()
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        try:
            outcome: Any = run(data)
        except InvalidBatchRequestError as exc:
            outcome = exc
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    return peak, outcome


def many_small() -> List[Dict[str, Any]]:
    return [req(f"r{i}", "y" * 150) for i in range(12_000)]  # about 3 MB


def one_large(size: int) -> Callable[[], List[Dict[str, Any]]]:
    return lambda: [req("small"), req("big", "y" * size)]


@pytest.mark.parametrize(
    "build", [many_small, one_large(3_000_000)], ids=["many-small", "one-large"]
)
def test_a_body_of_n_bytes_needs_at_most_1_5_n_extra(build: Callable[[], Any]) -> None:
    peak, outcome = peak_extra(build, lambda r: encode_create_body(r, max_bytes=LIMIT))
    body, _count = outcome
    assert 2_500_000 < len(body) <= LIMIT
    assert peak <= 1.5 * len(body), (peak, len(body))


def test_a_single_over_limit_request_is_refused_before_it_is_encoded() -> None:
    peak, outcome = peak_extra(
        one_large(3 * LIMIT), lambda r: encode_create_body(r, max_bytes=LIMIT)
    )
    assert isinstance(outcome, InvalidBatchRequestError)
    assert (outcome.index, outcome.custom_id, outcome.field) == (1, "big", "request")
    assert "alone encodes to at least" in str(outcome)
    assert peak < LIMIT // 10, peak  # nothing of its 12 MB was encoded


def test_an_over_limit_batch_is_refused_once_the_bytes_pass_the_limit() -> None:
    def build() -> List[Dict[str, Any]]:
        return [req(f"r{i}", "y" * 150) for i in range(60_000)]  # about 15 MB encoded

    peak, outcome = peak_extra(build, lambda r: encode_create_body(r, max_bytes=LIMIT))
    assert isinstance(outcome, InvalidBatchRequestError)
    assert outcome.field == "requests" and "refused at requests[" in str(outcome)
    assert peak <= 1.5 * LIMIT, peak  # never the whole 15 MB


# -- through the clients: nothing is sent -----------------------------------------------------


@pytest.fixture(params=["sync", "asyncio", "trio"])
def flavor(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def anyio_backend(flavor: str) -> str:
    return "trio" if flavor == "trio" else "asyncio"


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["create", "submit"])
async def test_clients_refuse_nan_before_sending(flavor: str, method: str) -> None:
    routes = Router()
    requests = [req("a"), req("b", temperature=float("nan"))]
    with pytest.raises(InvalidBatchRequestError) as info:
        if flavor == "sync":
            with Anthropic(api_key=TEST_KEY, http_client=routes.sync_client()) as client:
                getattr(client.messages.batches, method)(requests=requests)
        else:
            async with AsyncAnthropic(api_key=TEST_KEY, http_client=routes.async_client()) as ac:
                await getattr(ac.messages.batches, method)(requests=requests)
    assert (info.value.index, info.value.field) == (1, "params.temperature")
    assert routes.calls == []


# -- deep values on the streamed path ------------------------------------------------------


def nested(depth: int) -> List[Any]:
    root: List[Any] = []
    node = root
    for _ in range(depth):
        child: List[Any] = []
        node.append(child)
        node = child
    return root


def test_a_deep_large_request_is_refused_not_a_recursion_error() -> None:
    big = req("deep", "y" * 300_000, metadata={"x": nested(100_000)})  # streamed: > chunk
    with pytest.raises(InvalidBatchRequestError) as info:
        encode_create_body([req("a"), big], max_bytes=4_000_000)
    assert (info.value.index, info.value.custom_id) == (1, "deep")
    assert info.value.field.startswith("params.metadata.x[0]")
    assert "cannot be encoded as JSON" in str(info.value)


def test_a_large_request_nested_as_deep_as_pydantic_core_allows_still_streams() -> None:
    requests = [req("a"), req("deep", "y" * 300_000, metadata={"x": nested(200)})]
    body, _ = encode_create_body(requests, max_bytes=4_000_000)
    assert body == to_json({"requests": requests})


# -- a value that contains itself ------------------------------------------------------------


def _looped_list() -> List[Any]:
    loop: List[Any] = ["stop"]
    loop.append(loop)
    return loop


def _looped_dict() -> Dict[str, Any]:
    loop: Dict[str, Any] = {"user_id": "u"}
    loop["again"] = {"inner": loop}
    return loop


@pytest.mark.timeout(60)  # before the fix the size walk went round the loop for ever
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"stop_sequences": _looped_list()}, "params.stop_sequences[1]"),
        ({"metadata": _looped_dict()}, "params.metadata.again.inner"),
    ],
)
@pytest.mark.parametrize("shape", ["list", "generator"])
def test_a_request_that_contains_itself_is_refused_naming_the_place(
    params: Dict[str, Any], field: str, shape: str
) -> None:
    requests = [req("ok-0"), req("loop-1", **params), req("ok-2")]
    with pytest.raises(InvalidBatchRequestError) as info:
        encode_create_body(requests if shape == "list" else iter(requests))
    err = info.value
    assert (err.index, err.custom_id, err.field) == (1, "loop-1", field)
    assert "circular reference" in str(err)


def test_a_value_shared_many_times_is_not_a_cycle() -> None:
    from anthropic._core.json_body import find_cycle

    shared: Dict[str, Any] = {"text": "x"}
    tower: Any = shared
    for _ in range(40):  # 2**40 paths, 40 distinct containers: walked once each
        tower = [tower, tower]
    assert find_cycle(tower) is None and find_cycle({"a": [shared, shared]}) is None
    assert find_cycle(_looped_list()) == "[1]" and find_cycle("text") is None
    looped = _looped_list()
    assert find_cycle({"outer": [0, looped]}) == "outer[1][1]"
