"""Every script in examples/ runs offline against the in-process emulator and succeeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.glob("*.py"))


def run_example(path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ANTHROPIC_")}
    return subprocess.run(
        [sys.executable, "-W", "error", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_there_are_examples() -> None:
    names = {p.name for p in SCRIPTS}
    assert {"quickstart.py", "batches.py", "batches_async.py"} <= names


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_example_runs_on_the_emulator(path: Path) -> None:
    done = run_example(path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "emulator" in done.stdout.splitlines()[0].lower()
    assert "Traceback" not in done.stderr


def test_quickstart_summarizes_a_realistic_job() -> None:
    done = run_example(EXAMPLES / "quickstart.py")
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert out.splitlines()[0].startswith(
        "No ANTHROPIC_API_KEY: running on the in-process emulator"
    )
    assert "with 20 requests" in out
    assert "Results by type: errored 2, succeeded 18" in out
    assert "bad-role" in out and "invalid_request_error" in out
    assert "(calls tool get_weather with" in out
    # progress lines were shown while waiting
    assert "in_progress" in out and "] ended" in out
