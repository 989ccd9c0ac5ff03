"""``MessageBatchIndividualResponse.unwrap()``: the message, or a typed error."""

from __future__ import annotations

import pytest

from anthropic.lib import BatchResultError
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
