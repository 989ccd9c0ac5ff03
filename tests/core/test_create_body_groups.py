"""The grouped create path (a list, checked and encoded a group at a time, common shapes
checked in one pass) gives exactly what the per-request path gives: the same bytes, or
the same error (type, message, index, custom_id, field).

A generator of requests always takes the per-request path (check all, then encode), so
it is the oracle: every case below is encoded from a list and from ``iter(list)``.
"""

from __future__ import annotations

import datetime
import math
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

import pytest
from pydantic_core import to_json

from anthropic._core.batch_bulk_checks import plain_batch
from anthropic._core.batch_requests import InvalidBatchRequestError, encode_create_body
from anthropic._core.body_writer import GROUP_ITEMS
from anthropic._core.group_floor import plain_floor
from anthropic._core.json_body import size_floor

Batch = List[Dict[str, Any]]
N = 2 * GROUP_ITEMS + 300  # three groups, the last one short


def req(i: int, **params: Any) -> Dict[str, Any]:
    body: Dict[str, Any] = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 64,
        "messages": [{"role": "user", "content": f'Document {i}: é \u2028 "quoted"'}],
    }
    if i % 3 == 1:
        body["system"] = "Be brief."
        body["temperature"] = 0.25
        body["metadata"] = {"user_id": f"u-{i % 7}"}
    if i % 5 == 2:
        body["messages"] += [
            {"role": "assistant", "content": "Sure."},
            {"role": "user", "content": [{"type": "text", "text": "Go on."}]},
        ]
    body.update(params)
    return {"custom_id": f"r-{i:05d}", "params": body}


def batch(n: int = N) -> Batch:
    return [req(i) for i in range(n)]


Outcome = Union[bytes, Tuple[str, str, Optional[int], Optional[str], str]]


def outcome(run: Callable[[], Tuple[bytes, int]]) -> Outcome:
    try:
        return run()[0]
    except InvalidBatchRequestError as exc:
        return (type(exc).__name__, str(exc), exc.index, exc.custom_id, exc.field)


def both(
    requests: Batch, extra: Optional[Dict[str, object]] = None, **kw: Any
) -> Tuple[Outcome, Outcome]:
    grouped = outcome(lambda: encode_create_body(requests, extra, **kw))
    each = outcome(lambda: encode_create_body(iter(requests), extra, **kw))
    return grouped, each


def with_changes(changes: Dict[int, Dict[str, Any]]) -> Batch:
    out = batch()
    for index, change in changes.items():
        out[index] = change
    return out


def test_a_plain_batch_is_exactly_what_pydantic_core_writes() -> None:
    requests = batch()
    assert plain_batch(requests[:GROUP_ITEMS], GROUP_ITEMS) is not None  # the one-pass check
    grouped, each = both(requests)
    assert grouped == each == to_json({"requests": requests})
    assert encode_create_body(tuple(requests))[0] == grouped


NAN = float("nan")

CASES: Dict[str, Callable[[], Batch]] = {
    # valid, but not the one-pass shape: that group is checked request by request
    "stream False late": lambda: with_changes({2100: req(2100, stream=False)}),
    "url shape late": lambda: with_changes(
        {
            1500: {
                "custom_id": "url-1500",
                "method": "POST",
                "url": "/v1/messages",
                "body": req(1500)["params"],
            }
        }
    ),
    "extra key": lambda: with_changes({5: {**req(5), "note": "kept"}}),
    "messages tuple": lambda: with_changes(
        {1030: req(1030, messages=({"role": "user", "content": "t"},))}
    ),
    "non-plain value": lambda: with_changes({7: req(7, metadata={"user_id": "x", "d": (1, 2)})}),
    # errors: the first problem in request order wins, as when everything is checked first
    "validation after nan": lambda: with_changes(
        {3: req(3, temperature=NAN), 2000: req(2000, model="")}
    ),
    "nan late": lambda: with_changes({2200: req(2200, top_p=math.inf)}),
    "nan deep": lambda: with_changes({40: req(40, metadata={"scores": [1.0, -math.inf]})}),
    "lone surrogate": lambda: with_changes({1100: req(1100, system="bad \ud800")}),
    "duplicate across groups": lambda: with_changes({1500: {**req(1500), "custom_id": "r-00010"}}),
    "duplicate in a group": lambda: with_changes({20: {**req(20), "custom_id": "r-00019"}}),
    "duplicate after a slow group": lambda: with_changes(
        {5: req(5, stream=False), 2300: {**req(2300), "custom_id": "r-00004"}}
    ),
    "bad custom_id": lambda: with_changes({1900: {**req(1900), "custom_id": "no spaces"}}),
    "bool max_tokens": lambda: with_changes({1024: req(1024, max_tokens=True)}),
    "zero max_tokens": lambda: with_changes({1023: req(1023, max_tokens=0)}),
    "missing params": lambda: with_changes({600: {"custom_id": "r-00600"}}),
    "missing model": lambda: with_changes({601: {"custom_id": "r-00601", "params": {}}}),
    "stream True": lambda: with_changes({602: req(602, stream=True)}),
    "not a dict": lambda: with_changes({603: ["custom_id", "params"]}),  # type: ignore[dict-item]
    "params not a dict": lambda: with_changes({604: {"custom_id": "x", "params": []}}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_grouped_and_per_request_paths_agree(name: str) -> None:
    grouped, each = both(CASES[name]())
    assert grouped == each
    if name.startswith(("stream False", "url shape", "extra key", "messages", "non-plain")):
        assert isinstance(grouped, bytes)  # the valid ones encode
    else:
        assert isinstance(grouped, tuple)


@pytest.mark.parametrize("share", [0.1, 0.4, 0.9, 0.9999])
def test_over_the_limit_the_same_refusal(share: float) -> None:
    requests = batch()
    limit = int(len(to_json({"requests": requests})) * share)
    grouped, each = both(requests, max_bytes=limit)
    assert grouped == each and isinstance(grouped, tuple)
    assert grouped[4] == "requests"
    big = with_changes({1300: req(1300, system="y" * 3 * limit)})  # refused unencoded
    grouped, each = both(big, max_bytes=limit)
    assert grouped == each and isinstance(grouped, tuple)


def test_extra_body_and_its_errors_agree() -> None:
    assert both(batch(), {"note": "x", "n": [1, 2.5]})[0] == to_json(
        {"requests": batch(), "note": "x", "n": [1, 2.5]}
    )
    grouped, each = both(batch(), {"knob": NAN})
    assert grouped == each and isinstance(grouped, tuple) and grouped[4] == "extra_body"


def test_an_empty_list_is_refused_as_before() -> None:
    assert both([]) == both([])[::-1]
    assert isinstance(both([])[0], tuple)


# -- plain_floor: the group measure -------------------------------------------------------


def test_plain_floor_is_a_lower_bound_at_least_the_per_item_floor() -> None:
    samples: List[object] = [*batch(50), {"a": ["x" * 5000, 1, None, True, 2.5, ("t", {})]}]
    measured = plain_floor(samples, 10**9)
    assert measured is not None and measured.finite
    assert sum(map(size_floor, samples)) <= measured.size <= len(to_json(samples))


@pytest.mark.parametrize(
    "value",
    [float("nan"), math.inf, -math.inf, {"deep": [[[{"x": [NAN]}]]]}],
    ids=["nan", "inf", "-inf", "deep"],
)
def test_plain_floor_finds_non_finite_floats(value: object) -> None:
    measured = plain_floor([{"ok": 1.5}, {"v": value}], 10**9)
    assert measured is not None and not measured.finite


class Text(str):
    pass


@pytest.mark.parametrize(
    "value",
    [datetime.date(2024, 1, 1), Text("subclass"), object(), {"k": {1.5: "float key", "x": b"b"}}],
    ids=["date", "str-subclass", "object", "bytes"],
)
def test_plain_floor_leaves_anything_but_plain_json_to_the_per_item_path(value: object) -> None:
    assert plain_floor([{"v": value}], 10**9) is None


def test_plain_floor_stops_at_the_cap_and_on_cycles() -> None:
    assert plain_floor(["x" * 100], 50) is None
    loop: List[object] = []
    loop.append(loop)
    assert plain_floor([loop], 10_000) is None


def test_plain_floor_on_a_deep_value_has_no_recursion() -> None:
    deep: List[object] = []
    node = deep
    for _ in range(50_000):
        child: List[object] = []
        node.append(child)
        node = child
    measured = plain_floor([deep], 10**9)
    assert measured is not None and measured.size >= 50_000
