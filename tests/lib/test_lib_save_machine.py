"""``SaveMachine`` as plain functions: the steps of a save, and the bound on its requests."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple, Union

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anthropic import BatchNotEndedError
from anthropic.lib._save_machine import Fetch, GiveUp, Saved, SaveMachine
from anthropic.types.messages import MessageBatch

Event = Union[int, str]  # an int: a cut after that many lines written in all; "end"

END = "end"


def run(max_attempts: int, events: List[Event]) -> Tuple[List[object], int]:
    """The steps the machine answers to ``events`` (after ``start``), and its attempts."""
    machine = SaveMachine("msgbatch_1", max_attempts)
    steps: List[object] = [machine.start()]
    for event in events:
        steps.append(machine.on_end(0) if event == END else machine.on_cut(int(event)))
    return steps, machine.attempts


CASES: List[Tuple[str, int, List[Event], List[object], int]] = [
    ("one clean stream", 5, [END], [Fetch(0.0), Saved()], 1),
    (
        "cuts after progress wait the shortest delay each time",
        5,
        [3, 9, END],
        [Fetch(0.0), Fetch(0.5), Fetch(0.5), Saved()],
        3,
    ),
    (
        "cuts without progress back off and give up on the K-th",
        5,
        [0, 0, 0, 0, 0],
        [Fetch(0.0), Fetch(0.5), Fetch(1.0), Fetch(2.0), Fetch(4.0), GiveUp()],
        5,
    ),
    (
        "the delay is capped",
        8,
        [0] * 8,
        [Fetch(0.0), *(Fetch(d) for d in (0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0)), GiveUp()],
        8,
    ),
    (
        "progress starts a new run of failures",
        3,
        [0, 4, 4, 4],
        [Fetch(0.0), Fetch(0.5), Fetch(0.5), Fetch(1.0), GiveUp()],
        4,
    ),
    ("one attempt only: a cut ends it even after progress", 1, [7], [Fetch(0.0), GiveUp()], 1),
    ("two attempts: one resume per run", 2, [5, 5], [Fetch(0.0), Fetch(0.5), GiveUp()], 2),
]


@pytest.mark.parametrize(
    ("max_attempts", "events", "steps", "attempts"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_steps(max_attempts: int, events: List[Event], steps: List[object], attempts: int) -> None:
    assert run(max_attempts, events) == (steps, attempts)


@given(
    max_attempts=st.integers(1, 6),
    new_lines=st.lists(st.tuples(st.integers(0, 3), st.booleans()), max_size=60),
)
def test_requests_stay_within_the_documented_bound(
    max_attempts: int, new_lines: List[Tuple[int, bool]]
) -> None:
    """Cuts and short clean ends with any progress pattern: never more than
    ``1 + (K - 1) * (L + 1)`` attempts, and every delay within (0, 8] seconds."""
    machine = SaveMachine("msgbatch_1", max_attempts)
    machine.results_spec(batch("ended", succeeded=10_000), "https://x")  # never reached
    step: object = machine.start()
    written = 0
    for new, clean_end in new_lines:
        if not isinstance(step, Fetch):
            break
        written += new
        step = machine.on_end(written) if clean_end else machine.on_cut(written)
        if isinstance(step, Fetch):
            assert 0 < step.delay <= 8.0
    assert machine.attempts <= 1 + (max_attempts - 1) * (written + 1)
    assert machine.failures <= max_attempts


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "3", None])
def test_max_attempts_must_be_a_whole_number_from_one(bad: Any) -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        SaveMachine("msgbatch_1", bad)


def batch(status: str, **counts: int) -> MessageBatch:
    request_counts: Dict[str, int] = {
        "processing": 0,
        "succeeded": 0,
        "errored": 0,
        "canceled": 0,
        "expired": 0,
    }
    request_counts.update(counts)
    return MessageBatch.model_validate(
        {
            "id": "msgbatch_1",
            "type": "message_batch",
            "processing_status": status,
            "request_counts": request_counts,
            "created_at": "2024-09-24T18:37:24Z",
            "expires_at": "2024-09-25T18:37:24Z",
        }
    )


def test_a_batch_is_retrieved_first_unless_it_was_passed_in_ended() -> None:
    ended = batch("ended", succeeded=3, errored=1)
    assert SaveMachine(ended).ended_batch() is ended
    assert SaveMachine(batch("in_progress", processing=4)).ended_batch() is None
    machine = SaveMachine("msgbatch_1")
    assert machine.ended_batch() is None
    assert machine.retrieve_spec().method == "GET"
    assert machine.retrieve_spec().path.endswith("/msgbatch_1")


def test_the_results_request_needs_an_ended_batch_and_sets_the_expected_count() -> None:
    machine = SaveMachine("msgbatch_1")
    with pytest.raises(BatchNotEndedError):
        machine.results_spec(batch("in_progress", processing=4), "https://api.anthropic.com")
    spec = machine.results_spec(batch("ended", succeeded=3, errored=1), "https://x")
    assert spec.path.endswith("/msgbatch_1/results") and machine.expected == 4


def test_a_clean_but_short_stream_is_a_cut_and_only_a_full_file_is_saved() -> None:
    machine = SaveMachine("msgbatch_1", max_attempts=3)
    machine.results_spec(batch("ended", succeeded=10), "https://x")
    assert machine.owner.batch_id == "msgbatch_1"
    assert machine.start() == Fetch(0.0)
    assert machine.on_end(4) == Fetch(0.5)  # 4 of 10: resumed
    assert machine.on_end(4) == Fetch(1.0)  # no progress: backs off
    step = machine.on_end(4)  # the third failure in a row: give up, saying why
    assert isinstance(step, GiveUp) and "4 of the batch's 10" in step.reason
    again = SaveMachine("msgbatch_1")
    again.results_spec(batch("ended", succeeded=10), "https://x")
    again.start()
    assert again.on_end(10) == Saved() and again.attempts == 1


def test_unusable_request_counts_leave_the_expected_count_unknown() -> None:
    machine = SaveMachine("msgbatch_1")
    lenient = batch("ended", succeeded=3).model_copy(update={"request_counts": None})
    machine.results_spec(lenient, "https://x")
    assert machine.expected is None
    machine.start()
    assert machine.on_end(0) == Saved()  # nothing to compare with: a clean end is taken
