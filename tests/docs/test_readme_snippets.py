"""Every ```python snippet of README.md type-checks (mypy --strict) and runs on the emulator.

A snippet may be preceded (on the line right before its fence) by an HTML comment that
says how to check it; GitHub does not render it:

    <!-- docs: fragment -->      it continues the tour: checked and run after
                                 ``from readme_prelude import *`` (a client, requests,
                                 an ended batch and job: see ``readme_prelude.py``)
    <!-- docs: async -->         top-level ``await`` / ``async with``: checked and run as
                                 the body of an ``async def`` (given to ``asyncio.run``)
    <!-- docs: no-run -->        type-checked only (it needs a real API key, a gateway,
                                 an optional extra, ...)

Words combine: ``<!-- docs: fragment async -->``. Every other snippet must be complete.
Snippets run as separate processes with ``ANTHROPIC_BASE_URL`` pointing at an emulator
this test serves on 127.0.0.1 (and stops), in a temporary directory.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest

from anthropic.emulator import Emulator, EmulatorServer

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PRELUDE = Path(__file__).with_name("readme_prelude.py")
_FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
_MARKER = re.compile(r"<!--\s*docs:\s*([\w\s-]+?)\s*-->\s*$")
_WORDS = {"fragment", "async", "no-run"}


@dataclass
class Snippet:
    line: int
    code: str
    words: Tuple[str, ...]

    @property
    def name(self) -> str:
        return f"readme_line_{self.line}"

    def module(self) -> str:
        """The snippet as a module mypy can check and python can run."""
        head = "from readme_prelude import *  # noqa: F403\n" if "fragment" in self.words else ""
        if "async" not in self.words:
            return head + self.code
        body = textwrap.indent(self.code, "    ")
        return (
            "import asyncio\n" + head + "\n\nasync def _snippet() -> None:\n" + body
            + "\n\nasyncio.run(_snippet())\n"
        )  # fmt: skip


def snippets() -> List[Snippet]:
    text = README.read_text(encoding="utf-8")
    found: List[Snippet] = []
    for match in _FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = _MARKER.search(before)
        words = tuple(marker.group(1).split()) if marker else ()
        unknown = set(words) - _WORDS
        assert not unknown, f"README.md line {line}: unknown docs marker words {unknown}"
        found.append(Snippet(line, match.group(1), words))
    return found


@pytest.fixture(scope="module")
def snippet_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copy(PRELUDE, folder / "readme_prelude.py")
    for snippet in snippets():
        (folder / f"{snippet.name}.py").write_text(snippet.module(), encoding="utf-8")
    return folder


def test_the_readme_has_python_snippets() -> None:
    assert len(snippets()) >= 10


def test_every_snippet_passes_mypy_strict(snippet_dir: Path) -> None:
    # The dev extra has mypy; the lowest-versions and Python 3.9 CI runs do not.
    pytest.importorskip("mypy", reason="mypy is not installed (the dev extra has it)")
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
         *sorted(str(p) for p in snippet_dir.glob("readme_line_*.py"))],
        cwd=snippet_dir, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, _with_readme_lines(proc.stdout + proc.stderr)


def _with_readme_lines(report: str) -> str:
    """The checker's report, headed by how to read it (file names carry the README line
    of the snippet's fence)."""
    return "readme_line_<N>.py is the snippet whose fence is on README.md line N:\n" + report


# Strict, except the rules about what a snippet leaves unused: a snippet shows an
# expression (``page.has_more``) or imports names that the next snippets use.
_PYRIGHT_CONFIG = """{
  "typeCheckingMode": "strict",
  "pythonVersion": "3.9",
  "extraPaths": [%s],
  "reportUnusedExpression": false,
  "reportUnusedVariable": false,
  "reportUnusedImport": false
}"""


def test_every_snippet_passes_pyright_strict(snippet_dir: Path) -> None:
    pyright = shutil.which("pyright") or str(Path(sys.executable).with_name("pyright"))
    if not Path(pyright).exists():
        pytest.skip("pyright is not installed")
    config = snippet_dir / "pyrightconfig.json"
    config.write_text(_PYRIGHT_CONFIG % json.dumps(str(ROOT / "src")), encoding="utf-8")
    proc = subprocess.run(
        [pyright, "--pythonpath", sys.executable, "--project", str(config)],
        cwd=snippet_dir, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, _with_readme_lines(proc.stdout + proc.stderr)


@pytest.fixture(scope="module")
def emulator_env() -> Iterator[Dict[str, str]]:
    with EmulatorServer(Emulator(), host="127.0.0.1", port=0) as server:
        env = {**os.environ, "ANTHROPIC_BASE_URL": server.base_url, "ANTHROPIC_API_KEY": "k"}
        for name in ("ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_LOG"):
            env.pop(name, None)
        yield env


@pytest.mark.parametrize(
    "snippet",
    [s for s in snippets() if "no-run" not in s.words],
    ids=lambda s: s.name,
)
def test_snippet_runs_on_the_emulator(
    snippet: Snippet, snippet_dir: Path, emulator_env: Dict[str, str], tmp_path: Path
) -> None:
    for source in (snippet_dir / f"{snippet.name}.py", PRELUDE):
        shutil.copy(source, tmp_path / source.name)
    proc = subprocess.run(
        [sys.executable, f"{snippet.name}.py"],
        cwd=tmp_path, env=emulator_env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, f"README.md line {snippet.line}:\n{proc.stderr[-3000:]}"
