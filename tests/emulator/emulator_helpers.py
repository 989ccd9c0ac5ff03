"""Helpers for the emulator tests (imported as ``emulator_helpers``)."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import httpx

from support import FIXTURES_DIR

HEADERS = {"x-api-key": "test-key", "anthropic-version": "2023-06-01"}
BATCHES = "/v1/messages/batches"


def load_fixture(name: str) -> Any:
    return json.loads((FIXTURES_DIR / name).read_text())


def load_results_fixture() -> List[Dict[str, Any]]:
    return [
        json.loads(line) for line in (FIXTURES_DIR / "batch.results.jsonl").read_text().splitlines()
    ]


def make_requests(n: int, **params: Any) -> List[Dict[str, Any]]:
    base: Dict[str, Any] = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 64,
        "messages": [{"role": "user", "content": "Hello"}],
    }
    base.update(params)
    return [{"custom_id": f"req-{i}", "params": base} for i in range(n)]


def results_of(response: httpx.Response) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in response.text.splitlines()]
