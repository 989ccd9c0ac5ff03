"""``MessageBatchIndividualResponse.unwrap()``: the message, or a typed error."""

from __future__ import annotations

import json

import pytest

from anthropic.lib import BatchResultError
from anthropic.types.beta import BetaMessage
from anthropic.types.beta.messages import BetaMessageBatchIndividualResponse
from anthropic.types.messages import MessageBatchIndividualResponse
from support import FIXTURES_DIR

LINES = (FIXTURES_DIR / "batch.results.jsonl").read_bytes().splitlines()
ENTRIES = {e.custom_id: e for e in map(MessageBatchIndividualResponse.model_validate_json, LINES)}


def test_unwrap_returns_the_message_of_a_succeeded_result() -> None:
    message = ENTRIES["capital-fr"].unwrap()
    assert message.id == "msg_014VwiXbi91y3JMjcpyGBHX5"


@pytest.mark.parametrize(
    ("custom_id", "result_type", "error_type"),
    [
        ("bad-params-4", "errored", "invalid_request_error"),
        ("server-err-5", "errored", "api_error"),
        ("canceled-6", "canceled", None),
        ("expired-7", "expired", None),
    ],
)
def test_unwrap_raises_with_custom_id_and_types(
    custom_id: str, result_type: str, error_type: str
) -> None:
    with pytest.raises(BatchResultError) as info:
        ENTRIES[custom_id].unwrap()
    assert info.value.custom_id == custom_id
    assert info.value.result_type == result_type
    assert info.value.error_type == error_type


def _outcome(entry: MessageBatchIndividualResponse | BetaMessageBatchIndividualResponse) -> object:
    """What ``unwrap()`` gives: the message as a dict, or the error's fields and text."""
    try:
        return entry.unwrap().to_dict()
    except BatchResultError as exc:
        return (exc.custom_id, exc.result_type, exc.error_type, str(exc))


_LENIENT: list[dict[str, object]] = [
    {"custom_id": "a", "result": None},
    {"custom_id": 7, "result": {"type": 3}},
    {"custom_id": "b", "result": {"type": "succeeded"}},
    {"custom_id": "c", "result": {"type": "errored", "error": {"error": {"type": 5}}}},
    {"custom_id": "d", "result": {"type": "errored", "error": {"error": {"type": "x"}}}},
    {"custom_id": "e", "result": {"type": "from_the_future", "error": "?"}},
    {"result": {"type": "canceled"}},
]


@pytest.mark.parametrize("raw", [*LINES, *map(json.dumps, _LENIENT)])
def test_beta_unwrap_behaves_as_the_stable_one(raw: str | bytes) -> None:
    # One implementation serves both lines; the beta one returns a BetaMessage.
    stable, beta = (
        cls.model_validate_json(raw) if raw in LINES else cls.model_construct(**json.loads(raw))
        for cls in (MessageBatchIndividualResponse, BetaMessageBatchIndividualResponse)
    )
    assert _outcome(beta) == _outcome(stable)
    if stable.custom_id == "capital-fr":
        assert isinstance(beta.unwrap(), BetaMessage)
