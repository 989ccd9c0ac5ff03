"""The benchmark runner works: two scenarios run at tiny sizes and verify themselves.

Every scenario is run and verified in quick mode by ``.ci/run``'s benchmark step
(``benchmarks/run.py --quick`` fails on any ``VERIFY FAILED``); here, to keep the suite
inside its time budget, one sync-client and one streaming scenario stand for the runner,
plus the harness's own rules. Ratios are not checked (tiny sizes say nothing about speed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import run as bench_run  # noqa: E402

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize("name", ["retrieve", "results"])
def test_scenario_runs_and_verifies_in_quick_mode(name: str) -> None:
    rows = bench_run.run_scenario(name, quick=True)
    assert rows
    for row in rows:
        assert row.verified, f"{row.name}: {row.note}"
        assert row.ours > 0 and row.raw > 0


def test_verification_catches_a_wrong_result() -> None:
    import _harness as h

    def verify(value: int) -> None:
        h.check(value == 1, "wrong")

    with pytest.raises(h.VerificationError):
        h.compare("x", ours=lambda: 2, raw=lambda: 1, verify=verify, rounds=1, target=1)


def test_table_and_exit_code_in_quick_mode(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench_run.main(["--quick", "--only", "create", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| create with 50 requests |" in out
    assert "Machine:" in out


def test_alternate_rotates_the_sides_and_drops_each_result_before_the_next_run() -> None:
    import weakref

    import _harness as h

    class Result:
        pass

    order = []
    alive = []  # was the previous run's result still alive when this run started?
    last: list = [lambda: None]

    def side(name: str):
        def run() -> Result:
            order.append(name)
            alive.append(last[0]() is not None)
            result = Result()
            last[0] = weakref.ref(result)
            return result

        return run

    def ok(value: object) -> None:
        h.check(isinstance(value, Result), "wrong")

    sides = [(name, side(name), ok) for name in ("a", "b", "c")]
    times = h.alternate(sides, rounds=3, warmup=0)
    assert order == ["a", "b", "c", "b", "c", "a", "c", "a", "b"]
    assert not any(alive)
    assert {name: len(samples) for name, samples in times.items()} == {"a": 3, "b": 3, "c": 3}
