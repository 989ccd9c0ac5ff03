"""The pure helpers behind the CLI's human output (no I/O)."""

from __future__ import annotations

import datetime as dt

import pytest

from anthropic.cli._format import (
    counts_text,
    format_elapsed,
    format_time,
    plain_table,
    plural,
    safe_url,
)
from anthropic.cli._progress import plain_bar


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (-3, "0s"), (59.9, "59s"), (61, "1m01s"), (3600, "1h00m00s"), (7385, "2h03m05s")],
)
def test_format_elapsed(seconds: float, text: str) -> None:
    assert format_elapsed(seconds) == text


def test_format_time_is_utc() -> None:
    plus2 = dt.timezone(dt.timedelta(hours=2))
    assert format_time(dt.datetime(2024, 9, 24, 20, 0, 1, 999, tzinfo=plus2)) == (
        "2024-09-24 18:00:01 UTC"
    )
    assert format_time(None) == "-"


def test_counts_and_plurals() -> None:
    counts = {"processing": 0, "succeeded": 2, "errored": 1, "canceled": 0, "newer": 1}
    assert counts_text(counts) == "4 requests: 2 succeeded, 1 errored, 1 newer"
    assert counts_text({"processing": 1}) == "1 request: 1 processing"
    assert counts_text({}) == "0 requests"
    assert [plural(1, "batch"), plural(2, "batch"), plural(0, "result")] == [
        "1 batch",
        "2 batches",
        "0 results",
    ]


def test_plain_table_aligns_without_trailing_spaces() -> None:
    assert plain_table(("A", "LONGER"), [["xyz", "1"], ["", ""]]) == [
        "A    LONGER",
        "xyz  1",
        "",
    ]


def test_plain_bar() -> None:
    assert plain_bar("b1", 5, 20, "in_progress", 61) == (
        "b1 in_progress [######..................] 5/20 25% 1m01s"
    )
    assert plain_bar("b1", 7, None, "", 0) == "b1 7 0s"


def test_safe_url_drops_credentials() -> None:
    assert safe_url("https://user:pw@example.com/x") == "https://example.com/x"
    assert safe_url("http://127.0.0.1:4010") == "http://127.0.0.1:4010"
