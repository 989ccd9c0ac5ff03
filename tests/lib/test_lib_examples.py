"""The helper examples run offline (on the in-process emulator) and say what they did."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = {
    "wait_and_summarize.py": "all good",
    "submit_job.py": "read 2500 results from 3 batches",
    "save_results.py": "in 3 attempt(s)",
    "retry_failed.py": "19 of 20 succeeded in the end",
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_example_runs_offline(
    script: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", [script])
    runpy.run_path(str(EXAMPLES / script), run_name="__main__")
    assert SCRIPTS[script] in capsys.readouterr().out
