"""``ANTHROPIC_LOG`` configures logging as the official SDK (0.66) does: levels on the
``anthropic`` and ``httpx`` loggers plus ``logging.basicConfig``, no handler of ours, so
``info`` prints httpx's one line per request, once, with or without the app's own setup."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import FIXTURES_DIR

SCRIPT = """
import logging, sys
if sys.argv[1] == "app-configured":
    logging.basicConfig(stream=sys.stderr, format="APP %(name)s %(message)s")
import httpx, anthropic
body = open(sys.argv[2], "rb").read()
transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
client = anthropic.Anthropic(api_key="k", http_client=httpx.Client(transport=transport))
client.messages.batches.retrieve("msgbatch_1")
assert logging.getLogger("anthropic").handlers == []
"""


@pytest.mark.parametrize("setup", ["bare", "app-configured"])
@pytest.mark.parametrize("level", ["info", "debug"])
def test_one_line_per_request(setup: str, level: str) -> None:
    env = {**os.environ, "ANTHROPIC_LOG": level}
    fixture = str(FIXTURES_DIR / "batch.ended.json")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, setup, fixture],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = [line for line in done.stderr.splitlines() if "HTTP Request: GET" in line]
    # info: httpx's line; debug: httpx's line and ours (method and URL); never doubled
    assert len(lines) == (1 if level == "info" else 2), done.stderr
    assert any('"HTTP/1.1 200 OK"' in line for line in lines)  # httpx's own line
    if setup == "app-configured":
        assert all(line.startswith("APP ") for line in lines)
