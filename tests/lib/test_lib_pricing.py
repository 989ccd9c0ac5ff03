"""The spend report: ``summarize(..., prices=...)`` with a user-supplied price table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, List

import pytest

from anthropic.lib import ModelPrice, PriceTable, load_prices, summarize
from anthropic.types.messages import MessageBatchIndividualResponse

MODEL = "claude-sonnet-4-20250514"


def _entry(custom_id: str, output: int, model: str = MODEL, **usage: int) -> Any:
    body = {
        "custom_id": custom_id,
        "result": {
            "type": "succeeded",
            "message": {
                "id": "msg_1",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [{"type": "text", "text": "hi"}],
                "stop_reason": "end_turn",
                "stop_sequence": None,
                "usage": {"input_tokens": 1_000_000, "output_tokens": output, **usage},
            },
        },
    }
    return MessageBatchIndividualResponse.model_validate(body)


def _results() -> List[Any]:
    return [
        _entry("a", 1_000_000, cache_read_input_tokens=2_000_000),
        _entry("b", 0, cache_creation_input_tokens=1_000_000),
        _entry("c", 100, model="claude-other"),
    ]


PRICES: PriceTable = {MODEL: {"input": 3.0, "output": 15.0, "cache_write": 3.75, "cache_read": 0.3}}


def test_cost_per_model_with_the_batch_discount() -> None:
    summary = summarize(_results(), prices=PRICES, batch_discount=0.5)
    assert summary.cost is not None
    # a: 3 + 15 + 0.6; b: 3 + 3.75 -> 25.35 at full price, half of it for a batch
    assert summary.cost.by_model == {MODEL: pytest.approx(25.35 / 2)}
    assert summary.cost.total == pytest.approx(12.675)
    assert summary.cost.unpriced == ["claude-other"]  # used tokens, no row: not guessed
    as_json = summary.to_dict()
    assert as_json["cost"]["total"] == pytest.approx(12.675)
    assert summarize(_results(), prices=PRICES, batch_discount=0).cost.total == pytest.approx(25.35)


def test_no_prices_no_cost_and_the_output_histogram() -> None:
    summary = summarize(_results())
    assert summary.cost is None and summary.to_dict()["cost"] is None
    assert summary.tally.histogram_rows() == [("0", 1), ("64-127", 1), ("524288-1048575", 1)]


@pytest.mark.parametrize(
    ("prices", "discount", "message"),
    [
        ({MODEL: {"input": -1}}, 0.5, r"prices\['claude-sonnet-4-20250514'\]\['input'\]"),
        ({MODEL: {"inputs": 1}}, 0.5, "unknown field 'inputs'"),
        ({MODEL: 3}, 0.5, "must be an object"),
        (PRICES, 1.0, "batch_discount"),
    ],
)
def test_a_bad_price_table_names_the_field(prices: Any, discount: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        summarize([], prices=prices, batch_discount=discount)


def test_load_prices_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    row: ModelPrice = {"input": 1.0, "output": 2.0}
    path.write_text(json.dumps({MODEL: row}))
    assert load_prices(path) == {MODEL: row}
    path.write_text("{nope")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_prices(path)
