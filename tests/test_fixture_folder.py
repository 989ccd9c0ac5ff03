"""The golden wire fixtures ship inside the repo, complete and well-formed.

They are a byte-identical copy of the API reference set (see tests/fixtures/README.md).
A file that went missing from the copy, or a stray one, fails here by name instead of as
a confusing ``FileNotFoundError`` somewhere else in the suite.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import FIXTURES_DIR

REPO = Path(__file__).resolve().parents[1]

EXPECTED = [
    "README.md",
    "batch.canceling.json",
    "batch.create.request.json",
    "batch.deleted.json",
    "batch.ended.json",
    "batch.in_progress.json",
    "batch.list.empty.json",
    "batch.list.page1.json",
    "batch.list.page2.json",
    "batch.results.jsonl",
    "errors/400.invalid_request_error.json",
    "errors/401.authentication_error.json",
    "errors/403.permission_error.json",
    "errors/404.not_found_error.json",
    "errors/413.request_too_large.json",
    "errors/429.rate_limit_error.json",
    "errors/500.api_error.json",
    "errors/529.overloaded_error.json",
    "message.json",
    "messages.count_tokens.json",
    "messages.stream.error.sse",
    "messages.stream.sse",
    "model.json",
    "models.list.page1.json",
]


def test_the_fixtures_live_inside_the_repo() -> None:
    assert FIXTURES_DIR.resolve().is_relative_to(REPO)


def test_the_folder_holds_exactly_the_expected_files() -> None:
    found = sorted(
        p.relative_to(FIXTURES_DIR).as_posix() for p in FIXTURES_DIR.rglob("*") if p.is_file()
    )
    assert found == EXPECTED


@pytest.mark.parametrize("name", [n for n in EXPECTED if n.endswith(".json")])
def test_json_fixture_parses(name: str) -> None:
    value = json.loads((FIXTURES_DIR / name).read_bytes())
    assert isinstance(value, dict)


@pytest.mark.parametrize("name", [n for n in EXPECTED if n.endswith(".jsonl")])
def test_jsonl_fixture_lines_parse(name: str) -> None:
    lines = (FIXTURES_DIR / name).read_bytes().splitlines()
    assert lines
    for line in lines:
        assert isinstance(json.loads(line), dict)


@pytest.mark.parametrize("name", [n for n in EXPECTED if n.endswith(".sse")])
def test_sse_fixture_data_lines_parse(name: str) -> None:
    data = [
        line[len("data:") :]
        for line in (FIXTURES_DIR / name).read_text().splitlines()
        if line.startswith("data:")
    ]
    assert data
    for payload in data:
        assert isinstance(json.loads(payload), dict)


# A path that climbs out of the repo to a sibling ``shared`` folder, written either way.
_OUTSIDE = re.compile(r"\.\./shared|parents\[[0-9]\] */ *\"shared\"")


def test_no_source_refers_outside_the_repo() -> None:
    offenders = []
    for top in ("src", "tests", "examples", "benchmarks", "docs"):
        for path in (REPO / top).rglob("*"):
            if path.suffix not in {".py", ".md", ".toml", ".txt", ".cfg"} or not path.is_file():
                continue
            for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                if _OUTSIDE.search(line):
                    offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    for name in ("README.md", "pyproject.toml"):
        path = REPO / name
        if path.is_file() and _OUTSIDE.search(path.read_text()):
            offenders.append(name)
    assert offenders == []
