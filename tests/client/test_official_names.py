"""The official SDK's (0.66) top-level names exist, and the namespace holds no helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

import anthropic


def test_official_top_level_names() -> None:
    from anthropic import (
        AI_PROMPT,
        HUMAN_PROMPT,
        AsyncStream,
        NoneType,
        ProxiesTypes,
        RequestOptions,
        Stream,
        Transport,
        __title__,
        file_from_path,
    )

    assert (HUMAN_PROMPT, AI_PROMPT) == ("\n\nHuman:", "\n\nAssistant:")
    assert __title__ == "anthropic"
    assert NoneType is type(None)
    assert Transport is httpx.BaseTransport
    assert ProxiesTypes is not None
    assert {"headers", "params", "extra_json", "timeout", "max_retries"} <= set(
        RequestOptions.__annotations__
    )
    assert Stream.__name__ == "Stream" and AsyncStream.__name__ == "AsyncStream"
    assert callable(file_from_path)


def test_file_from_path(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_bytes(b"{}\n")
    assert anthropic.file_from_path(str(path)) == ("notes.jsonl", b"{}\n")


def test_namespace_has_no_helper_names() -> None:
    names = set(dir(anthropic))
    assert not names & {"Any", "TYPE_CHECKING", "annotations", "importlib", "typing"}


def test_streams_load_on_first_use() -> None:
    code = (
        "import sys, anthropic; assert 'anyio' not in sys.modules; "
        "anthropic.Stream; assert 'anyio' in sys.modules"
    )
    env = {**os.environ, "ANTHROPIC_LOG": ""}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)
