"""``python -m anthropic.emulator`` serves batches that take a few seconds, as real ones do.

The in-process ``Emulator()`` keeps its instant default (and tests move a ``ManualClock``);
the command line's defaults are checked here on the emulator it would serve, with a manual
clock so nothing waits.
"""

from __future__ import annotations

import pytest
from emulator_helpers import make_requests

from anthropic.emulator import Emulator, ManualClock
from anthropic.emulator.__main__ import (
    DEFAULT_CANCEL_TIME,
    DEFAULT_PROCESSING_TIME,
    build_emulator,
)


def test_command_line_defaults_are_a_few_seconds() -> None:
    emu = build_emulator([])
    assert 1.0 <= emu.processing_time == DEFAULT_PROCESSING_TIME <= 10.0
    assert 1.0 <= emu.cancel_time == DEFAULT_CANCEL_TIME <= 10.0
    assert Emulator().processing_time == 0.0 and Emulator().cancel_time == 0.0


def test_zero_stays_available() -> None:
    emu = build_emulator(["--processing-time", "0", "--cancel-time", "0"])
    assert emu.processing_time == 0.0 and emu.cancel_time == 0.0


def test_cancel_right_after_create_shows_canceling_then_canceled_results() -> None:
    clock = ManualClock()
    emu = build_emulator([], clock=clock)
    with emu.client() as client:
        batch = client.messages.batches.create(requests=make_requests(4))
        assert batch.processing_status == "in_progress"
        canceled = client.messages.batches.cancel(batch.id)
        assert canceled.processing_status == "canceling"
        clock.advance(DEFAULT_CANCEL_TIME / 2)
        assert client.messages.batches.retrieve(batch.id).processing_status == "canceling"
        clock.advance(DEFAULT_CANCEL_TIME)
        ended = client.messages.batches.retrieve(batch.id)
        assert ended.processing_status == "ended"
        assert ended.request_counts.canceled == 4
        with client.messages.batches.results(ended) as results:
            assert sorted(r.result.type for r in results) == ["canceled"] * 4


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "soon"])
def test_bad_times_are_usage_errors_naming_the_option(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        build_emulator(["--processing-time", value])
    assert exited.value.code == 2
    assert "--processing-time" in capsys.readouterr().err
