"""The spend of a job, from a price table the user supplies (no price ships with this SDK).

    prices = {"claude-sonnet-4-20250514": {"input": 3.0, "output": 15.0,
                                           "cache_write": 3.75, "cache_read": 0.3}}
    summary = summarize(job.results(), prices=prices, batch_discount=0.5)
    summary.cost.total          # in the table's currency
    summary.cost.by_model       # {"claude-sonnet-4-20250514": 12.34}
    summary.cost.unpriced       # models that used tokens but have no row in the table

Prices are per million tokens: ``input``, ``output``, ``cache_write`` (cache creation
input tokens) and ``cache_read``; a field left out counts as 0. ``batch_discount`` is the
fraction taken off the table's prices (``0.5`` for half price; ``0`` if the table already
holds batch prices). ``UsageTally`` keeps what the cost and the output-token chart need
while results stream: token totals per model and a histogram of output tokens per message
(buckets by powers of two), so memory does not grow with the job.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Union, cast

from typing_extensions import TypedDict

__all__ = [
    "DEFAULT_BATCH_DISCOUNT",
    "JobCost",
    "ModelPrice",
    "PriceTable",
    "UsageTally",
    "check_prices",
    "load_prices",
]

_FIELDS = {
    "input": "input_tokens",
    "output": "output_tokens",
    "cache_write": "cache_creation_input_tokens",
    "cache_read": "cache_read_input_tokens",
}


DEFAULT_BATCH_DISCOUNT = 0.5
"""The Message Batches API bills half the standard prices; pass 0 for a table of batch
prices."""


class ModelPrice(TypedDict, total=False):
    """Prices of one model per million tokens (any currency; the same for every row)."""

    input: float
    output: float
    cache_write: float
    cache_read: float


PriceTable = Mapping[str, ModelPrice]
"""``{model name: ModelPrice}``."""


def check_prices(prices: PriceTable, batch_discount: float) -> None:
    """Raise ``ValueError`` naming the model and field of a bad entry (before any I/O)."""
    if not (isinstance(batch_discount, (int, float)) and 0 <= batch_discount < 1):
        raise ValueError(
            f"batch_discount must be a fraction from 0 up to (not including) 1, e.g. 0.5 for "
            f"half price; got {batch_discount!r}"
        )
    if not isinstance(prices, Mapping):
        raise ValueError('prices must map model names to {"input": ..., "output": ...}')
    for model, row in prices.items():
        if not isinstance(row, Mapping):
            raise ValueError(f"prices[{model!r}] must be an object of per-million-token prices")
        for name, value in cast("Mapping[str, object]", row).items():
            if name not in _FIELDS:
                raise ValueError(
                    f"prices[{model!r}] has an unknown field {name!r}; the fields are "
                    f"{', '.join(_FIELDS)} (per million tokens)"
                )
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not (ok and math.isfinite(cast(float, value)) and cast(float, value) >= 0):
                raise ValueError(
                    f"prices[{model!r}][{name!r}] must be a number >= 0, got {value!r}"
                )


def load_prices(path: Union[str, Path]) -> PriceTable:
    """A price table from a JSON file (``{model: {"input": 3.0, ...}}``), checked."""
    try:
        data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None
    table = cast(PriceTable, data)
    check_prices(table, 0.0)
    return table


class JobCost:
    """``total`` and ``by_model`` in the table's currency (after ``batch_discount``);
    ``unpriced``: models that used tokens but have no row (their tokens cost nothing here,
    so ``total`` is then a lower bound)."""

    def __init__(
        self, by_model: Dict[str, float], unpriced: List[str], batch_discount: float
    ) -> None:
        self.by_model = by_model
        self.unpriced = unpriced
        self.batch_discount = batch_discount
        self.total = sum(by_model.values())

    def to_dict(self) -> Dict[str, Any]:
        return {
            "total": self.total,
            "by_model": dict(self.by_model),
            "unpriced": list(self.unpriced),
            "batch_discount": self.batch_discount,
        }

    def __repr__(self) -> str:
        return f"JobCost(total={self.total:.4f}, unpriced={self.unpriced})"


class UsageTally:
    """Token totals per model and the output-token histogram of succeeded messages."""

    def __init__(self) -> None:
        self.by_model: Dict[str, Dict[str, int]] = {}
        self.output_histogram: Dict[int, int] = {}

    def add(self, message: object) -> None:
        model: object = getattr(message, "model", None)
        usage: object = getattr(message, "usage", None)
        totals = self.by_model.setdefault(model if isinstance(model, str) else "unknown", {})
        for field in _FIELDS.values():
            value: object = getattr(usage, field, 0)
            if isinstance(value, int) and not isinstance(value, bool):
                totals[field] = totals.get(field, 0) + value
        output: object = getattr(usage, "output_tokens", None)
        if isinstance(output, int) and output >= 0:
            bucket = 0 if output == 0 else 1 << (output.bit_length() - 1)
            self.output_histogram[bucket] = self.output_histogram.get(bucket, 0) + 1

    def cost(self, prices: PriceTable, batch_discount: float) -> JobCost:
        by_model: Dict[str, float] = {}
        unpriced: List[str] = []
        for model, totals in sorted(self.by_model.items()):
            row: Optional[ModelPrice] = prices.get(model)
            if row is None:
                if any(totals.values()):
                    unpriced.append(model)
                continue
            full = sum(
                totals.get(tokens, 0) * float(cast("Mapping[str, float]", row).get(name, 0.0))
                for name, tokens in _FIELDS.items()
            )
            by_model[model] = full / 1_000_000 * (1 - batch_discount)
        return JobCost(by_model, unpriced, batch_discount)

    def histogram_rows(self) -> List[tuple[str, int]]:
        """``[("64-127", 12), ...]``: output tokens per message, smallest bucket first."""
        rows: List[tuple[str, int]] = []
        for bucket in sorted(self.output_histogram):
            label = "0" if bucket == 0 else f"{bucket}-{bucket * 2 - 1}"
            rows.append((label, self.output_histogram[bucket]))
        return rows
