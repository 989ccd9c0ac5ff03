"""``results ID -o FILE`` with stderr not a terminal: plain progress lines as the file grows."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import List

import pytest
from cli_helpers import FakeTerminal, request_line

from anthropic import Anthropic
from anthropic.cli import main
from anthropic.cli._progress import LINE_EVERY
from anthropic.emulator import Emulator, Fault

N = 1000  # about 400 kB of results: many reads of the body over HTTP

STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")


class Clock:
    """Monotonic seconds that move ``step`` on every read (0: frozen)."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def batch_id(client: Anthropic, emu: Emulator) -> str:
    emu.processing_time = 0.0
    requests = [request_line(f"r{i:04d}") for i in range(N)]
    return client.messages.batches.create(requests=requests).id  # type: ignore[arg-type]


def _save(
    capsys: pytest.CaptureFixture[str], clock: Clock, *argv: str
) -> tuple[int, str, List[str]]:
    capsys.readouterr()
    code = main(list(argv), _clock=clock)
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


def _counts(lines: List[str], batch_id: str) -> List[int]:
    counts = []
    for line in lines:
        assert STAMP.match(line), line
        match = re.search(rf"{batch_id} \w+.*: ([\d,]+)/1,000 \(\d+%\)$", line)
        assert match, line
        counts.append(int(match.group(1).replace(",", "")))
    return counts


def test_a_line_at_the_start_and_the_end_while_the_clock_stands_still(
    env: None, batch_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    code, stdout, lines = _save(capsys, Clock(0.0), "results", batch_id, "-o", str(out))
    assert code == 0 and stdout.startswith(f"Saved {N:,} results")
    assert [STAMP.sub("", line) for line in lines] == [
        f"{batch_id} saving: 0/1,000 (0%)",
        f"{batch_id} saved: 1,000/1,000 (100%)",
    ]


def test_a_line_per_interval_while_the_file_grows(
    env: None, batch_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    clock = Clock(LINE_EVERY)  # every read is one interval later: each change is logged
    code, _, lines = _save(capsys, clock, "results", batch_id, "-o", str(out))
    assert code == 0 and len(out.read_text().splitlines()) == N
    counts = _counts(lines, batch_id)
    assert counts[0] == 0 and counts[-1] == N
    assert len(counts) >= 4 and counts[1:-1] == sorted(set(counts[1:-1]))
    assert all(0 < n < N for n in counts[1:-2])  # lines in the middle of the download
    clock.step = LINE_EVERY / 4  # now only every 4th read may log a line
    code, _, fewer = _save(capsys, clock, "results", batch_id, "-o", str(tmp_path / "b.jsonl"))
    assert code == 0 and 2 <= len(fewer) < len(lines)


def test_a_resumed_download_says_so(
    env: None,
    batch_id: str,
    emu: Emulator,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    emu.faults.add(Fault.cut_stream(100_000, times=1))
    out = tmp_path / "out.jsonl"
    code, _, lines = _save(capsys, Clock(0.0), "results", batch_id, "-o", str(out))
    assert code == 0 and len(out.read_text().splitlines()) == N
    resumed = [line for line in lines if "resuming (attempt 2)" in line]
    assert len(resumed) == 1 and 0 < _counts(resumed, batch_id)[0] < N
    assert lines[-1].endswith(f"{batch_id} saved: 1,000/1,000 (100%)")


def test_json_mode_keeps_stderr_for_errors_and_a_terminal_gets_the_bar(
    env: None,
    batch_id: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, lines = _save(
        capsys, Clock(LINE_EVERY), "--json", "results", batch_id, "-o", str(tmp_path / "a.jsonl")
    )
    assert code == 0 and lines == []
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, _, lines = _save(capsys, Clock(0.0), "results", batch_id, "-o", str(tmp_path / "b.jsonl"))
    drawn = terminal.getvalue()
    assert code == 0 and "1000/1000" in drawn and not STAMP.search(drawn)


def test_several_batches_log_the_results_saved_between_the_batches(
    env: None,
    client: Anthropic,
    emu: Emulator,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    emu.processing_time = 0.0
    create = client.messages.batches.create
    ids = [
        create(requests=[request_line(f"b{b}-{i:03d}") for i in range(400)]).id  # type: ignore[arg-type]
        for b in range(3)
    ]
    out = tmp_path / "out.jsonl"
    code, _, lines = _save(capsys, Clock(LINE_EVERY), "results", *ids, "-o", str(out))
    assert code == 0 and len(out.read_text().splitlines()) == 1200
    assert all(STAMP.match(line) for line in lines)
    notes = [line for line in lines if " saved " in line and " batches (" in line]
    assert len(notes) == 3 and "saved 3/3 batches (" in notes[-1]
    assert lines[0].endswith("3 batches saving: 0") and lines[-1].endswith(
        "3 batches saved: 1,200/1,200 (100%)"
    )
    between = [
        int(match.group(1).replace(",", ""))
        for match in (re.search(r"3 batches saving: ([\d,]+)/1,200 \(\d+%\)$", x) for x in lines)
        if match
    ]
    assert any(0 < n < 1200 for n in between)  # logged while the downloads ran
