"""Runs the type-only checks of ``check_response_views.py`` with mypy --strict and pyright
strict, unused ignores reported: a revealed type that drifts, or a call that should be
rejected and is accepted, fails here (``.ci/run`` also checks every file of this folder)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
SRC = HERE.parent.parent / "src"
CHECKED = ["check_response_views.py"]


@pytest.fixture()
def check_dir(tmp_path: Path) -> Path:
    for name in CHECKED:
        shutil.copy(HERE / name, tmp_path / name)
    return tmp_path


def test_views_pass_mypy_strict(check_dir: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (the dev extra has it)")
    env = {**os.environ, "MYPYPATH": str(SRC)}
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--warn-unused-ignores",
         "--cache-dir", str(check_dir / ".mypy_cache"), *CHECKED],
        cwd=check_dir, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_views_pass_pyright_strict(check_dir: Path) -> None:
    pyright = shutil.which("pyright") or str(Path(sys.executable).with_name("pyright"))
    if not Path(pyright).exists():
        pytest.skip("pyright is not installed")
    config = {
        "typeCheckingMode": "strict",
        "pythonVersion": "3.9",
        "extraPaths": [str(SRC)],
        "enableTypeIgnoreComments": False,  # mypy's comments; pyright reads its own
        "reportUnnecessaryTypeIgnoreComment": "error",
    }
    (check_dir / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    proc = subprocess.run(
        [pyright, "--pythonpath", sys.executable, "--project", str(check_dir)],
        cwd=check_dir, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
