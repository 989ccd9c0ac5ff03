"""The pure retry policy: which outcomes retry, and exactly how long to wait."""

from __future__ import annotations

import email.utils
import math
from typing import Dict, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anthropic._core.retry import RetryPolicy, is_retryable_status, retry_after_seconds

NOW = 1_700_000_000.0  # a fixed "now" for HTTP-date arithmetic


def http_date(offset: float) -> str:
    return email.utils.formatdate(NOW + offset, usegmt=True)


# -- retry_after_seconds: what the server said, as a float (not yet judged) ------------

RETRY_AFTER_TABLE = [
    ({}, None),
    ({"retry-after": "5"}, 5.0),
    ({"retry-after": "1.5"}, 1.5),
    ({"retry-after": " 7 "}, 7.0),
    ({"retry-after": "0"}, 0.0),
    ({"retry-after": "-3"}, -3.0),
    ({"retry-after": "120"}, 120.0),
    ({"retry-after": "garbage"}, None),
    ({"retry-after": ""}, None),
    ({"retry-after": "nan"}, None),
    ({"retry-after": "inf"}, None),
    ({"retry-after": "1e309"}, None),
    ({"retry-after-ms": "2500"}, 2.5),
    ({"retry-after-ms": "0"}, 0.0),
    ({"retry-after-ms": "-100"}, -0.1),
    ({"retry-after-ms": "12.5"}, 0.0125),
    ({"retry-after-ms": "100", "retry-after": "9"}, 0.1),  # ms wins
    ({"retry-after-ms": "soon", "retry-after": "9"}, 9.0),  # unusable ms falls through
    ({"retry-after": http_date(30)}, 30.0),
    ({"retry-after": http_date(-30)}, -30.0),
    ({"retry-after": http_date(3600)}, 3600.0),
    ({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, 1445412480.0 - NOW),
    ({"retry-after": "Wed, 99 Foo 2015 07:28:00 GMT"}, None),
]


@pytest.mark.parametrize(("headers", "expected"), RETRY_AFTER_TABLE)
def test_retry_after_seconds(headers: Dict[str, str], expected: Optional[float]) -> None:
    assert retry_after_seconds(headers, now=NOW) == expected


def test_retry_after_http_date_without_zone_is_utc() -> None:
    # asctime format carries no zone: read as UTC
    when = "Sun Nov 14 22:13:20 2023"  # == NOW
    assert retry_after_seconds({"retry-after": when}, now=NOW) == 0.0


# -- which outcomes are retryable --------------------------------------------------------

RETRYABLE = [408, 409, 429, 500, 502, 503, 504, 529, 599]
NOT_RETRYABLE = [200, 301, 400, 401, 403, 404, 413, 422, 499]


@pytest.mark.parametrize("status", RETRYABLE)
def test_retryable_statuses(status: int) -> None:
    assert is_retryable_status(status) is True
    assert RetryPolicy().should_retry(status, {}) is True


@pytest.mark.parametrize("status", NOT_RETRYABLE)
def test_non_retryable_statuses(status: int) -> None:
    assert is_retryable_status(status) is False
    assert RetryPolicy(max_retries=5).decide(0, status=status, headers={}, now=NOW, rand=0) is None


def test_connection_errors_are_retryable() -> None:
    assert RetryPolicy().should_retry(None, None) is True


@pytest.mark.parametrize(
    ("status", "header", "expected"),
    [
        (400, "true", True),
        (404, "true", True),
        (500, "false", False),
        (529, "false", False),
        (429, "false", False),
        (400, "maybe", False),  # anything else: the status rule
        (500, "maybe", True),
        (500, "TRUE", True),  # not the exact word: the status rule (500 retries anyway)
        (400, "TRUE", False),
    ],
)
def test_x_should_retry_overrides_status(status: int, header: str, expected: bool) -> None:
    assert RetryPolicy().should_retry(status, {"x-should-retry": header}) is expected


# -- decide: delays and bounds -----------------------------------------------------------


@pytest.mark.parametrize(
    ("retries_taken", "rand", "expected"),
    [
        (0, 0.0, 0.5),
        (1, 0.0, 1.0),
        (2, 0.0, 2.0),
        (3, 0.0, 4.0),
        (4, 0.0, 8.0),
        (5, 0.0, 8.0),  # capped
        (50, 0.0, 8.0),
        (1000, 0.0, 8.0),
        (0, 1.0, 0.375),  # jitter only shortens: factor 0.75 at rand=1
        (2, 1.0, 1.5),
        (9, 1.0, 6.0),
        (1, 0.5, 0.875),
    ],
)
def test_backoff_schedule(retries_taken: int, rand: float, expected: float) -> None:
    policy = RetryPolicy(max_retries=10_000)
    assert policy.decide(retries_taken, status=500, headers={}, now=NOW, rand=rand) == expected


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "3"}, 3.0),
        ({"retry-after": "0.25"}, 0.25),
        ({"retry-after": "60"}, 60.0),  # the upper bound is honoured
        ({"retry-after": "60.5"}, 0.5),  # above it: backoff
        ({"retry-after": "0"}, 0.5),  # zero: backoff
        ({"retry-after": "-1"}, 0.5),  # negative: backoff
        ({"retry-after": "garbage"}, 0.5),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"retry-after-ms": "60000"}, 60.0),
        ({"retry-after-ms": "60001"}, 0.5),
        ({"retry-after-ms": "0", "retry-after": "5"}, 0.5),  # ms said 0: not honoured
        ({"retry-after": http_date(10)}, 10.0),
        ({"retry-after": http_date(61)}, 0.5),
        ({"retry-after": http_date(-5)}, 0.5),
    ],
)
def test_decide_honours_retry_after_only_in_range(headers: Dict[str, str], expected: float) -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.decide(0, status=429, headers=headers, now=NOW, rand=0.0) == expected


def test_retry_after_is_not_jittered() -> None:
    policy = RetryPolicy(max_retries=2)
    assert policy.decide(1, status=429, headers={"retry-after": "3"}, now=NOW, rand=1.0) == 3.0


@pytest.mark.parametrize(("max_retries", "taken"), [(0, 0), (1, 1), (2, 2), (2, 3)])
def test_decide_stops_when_retries_are_used_up(max_retries: int, taken: int) -> None:
    policy = RetryPolicy(max_retries=max_retries)
    assert policy.decide(taken, status=500, headers={}, now=NOW, rand=0.0) is None
    assert policy.decide(taken, status=None, headers=None, now=NOW, rand=0.0) is None


def test_decide_retries_connection_errors_with_backoff() -> None:
    assert RetryPolicy(max_retries=2).decide(1, status=None, headers=None, now=NOW, rand=0) == 1.0


def test_x_should_retry_true_still_respects_max_retries() -> None:
    policy = RetryPolicy(max_retries=1)
    hdrs = {"x-should-retry": "true"}
    assert policy.decide(0, status=400, headers=hdrs, now=NOW, rand=0.0) == 0.5
    assert policy.decide(1, status=400, headers=hdrs, now=NOW, rand=0.0) is None


# -- properties --------------------------------------------------------------------------

header_values = st.one_of(
    st.text(max_size=40),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(min_value=-1.6e9, max_value=2e11).map(http_date),
)
header_maps = st.dictionaries(
    st.sampled_from(["retry-after", "retry-after-ms", "x-should-retry"]), header_values
)


@given(headers=header_maps, now=st.floats(min_value=0, max_value=4e9))
def test_retry_after_never_raises(headers: Dict[str, str], now: float) -> None:
    value = retry_after_seconds(headers, now=now)
    assert value is None or (isinstance(value, float) and math.isfinite(value))


@given(
    headers=header_maps,
    status=st.one_of(st.none(), st.integers(min_value=100, max_value=999)),
    taken=st.integers(min_value=0, max_value=10_000),
    max_retries=st.integers(min_value=0, max_value=10_000),
    rand=st.floats(min_value=0.0, max_value=1.0),
)
def test_decide_delay_is_bounded(
    headers: Dict[str, str],
    status: Optional[int],
    taken: int,
    max_retries: int,
    rand: float,
) -> None:
    delay = RetryPolicy(max_retries=max_retries).decide(
        taken, status=status, headers=headers, now=NOW, rand=rand
    )
    assert delay is None or 0.0 < delay <= 60.0
    if taken >= max_retries:
        assert delay is None


@given(taken=st.integers(min_value=0, max_value=100), rand=st.floats(min_value=0, max_value=1))
def test_backoff_is_within_jitter_bounds(taken: int, rand: float) -> None:
    delay = RetryPolicy(max_retries=1000).decide(taken, status=503, headers={}, now=NOW, rand=rand)
    full = min(0.5 * 2**taken, 8.0)
    assert delay is not None
    assert 0.75 * full <= delay <= full
