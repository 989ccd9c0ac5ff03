"""``MessageBatchRequestCounts`` reads as attributes and as a mapping of status to count."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from anthropic.types.messages import MessageBatchRequestCounts

WIRE = {"processing": 0, "succeeded": 2, "errored": 1, "canceled": 0, "expired": 0}
# The official models declare their fields in this order (what repr, dumps and iteration show).
OFFICIAL_ORDER = ["canceled", "errored", "expired", "processing", "succeeded"]
IN_ORDER = {name: WIRE[name] for name in OFFICIAL_ORDER}


@pytest.fixture
def counts() -> MessageBatchRequestCounts:
    return MessageBatchRequestCounts.model_validate(WIRE)


def test_attributes(counts: MessageBatchRequestCounts) -> None:
    assert (counts.processing, counts.succeeded, counts.errored) == (0, 2, 1)


def test_mapping_reads(counts: MessageBatchRequestCounts) -> None:
    assert isinstance(counts, Mapping)
    assert counts["succeeded"] == 2
    assert list(counts.keys()) == OFFICIAL_ORDER
    assert list(counts.values()) == list(IN_ORDER.values())
    assert list(counts.items()) == list(IN_ORDER.items())
    assert sum(counts.values()) == 3
    assert len(counts) == 5
    assert "errored" in counts
    assert "nope" not in counts
    assert counts.get("expired") == 0
    assert counts.get("nope") is None
    assert counts.get("nope", 7) == 7


def test_iteration_yields_keys_like_a_dict(counts: MessageBatchRequestCounts) -> None:
    assert list(counts) == OFFICIAL_ORDER
    assert dict(counts) == WIRE
    assert {**counts} == WIRE


@pytest.mark.parametrize("key", ["nope", "model_config", "__dict__", "keys", ""])
def test_missing_keys_raise_key_error(counts: MessageBatchRequestCounts, key: str) -> None:
    with pytest.raises(KeyError):
        counts[key]


def test_equality(counts: MessageBatchRequestCounts) -> None:
    assert counts == MessageBatchRequestCounts.model_validate(WIRE)
    assert counts == WIRE
    assert counts != {**WIRE, "succeeded": 3}
    assert counts != MessageBatchRequestCounts.model_validate({**WIRE, "succeeded": 3})
    assert counts != 5
    with pytest.raises(TypeError):
        hash(counts)


def test_new_counts_from_a_newer_api_join_the_mapping() -> None:
    counts = MessageBatchRequestCounts.model_validate({**WIRE, "paused": 4, "note": "x"})
    assert counts["paused"] == 4
    assert sum(counts.values()) == 7
    assert list(counts)[-1] == "paused"
    assert "note" not in counts  # extras that are not counts stay attributes only
    assert counts.note == "x"  # type: ignore[attr-defined]
    assert counts.to_dict() == {**WIRE, "paused": 4, "note": "x"}


def test_model_behaviour_is_unchanged(counts: MessageBatchRequestCounts) -> None:
    assert counts.to_dict() == WIRE
    assert counts.model_dump_json() == (
        '{"canceled":0,"errored":1,"expired":0,"processing":0,"succeeded":2}'
    )
    assert (
        repr(counts)
        == str(counts)
        == (
            "MessageBatchRequestCounts(canceled=0, errored=1, expired=0, processing=0, succeeded=2)"
        )
    )
    assert counts.model_copy(update={"succeeded": 9})["succeeded"] == 9
