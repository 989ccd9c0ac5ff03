"""Helpers for the CLI tests (imported as ``cli_helpers``)."""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass
from typing import Any, Dict, List

from anthropic.emulator import BatchRequest, ManualClock, ResponderError

SECRET = "sk-ant-cli-test-SECRET-0123456789"
DEAD_URL = "http://127.0.0.1:9"  # the discard port: nothing listens there


def request_line(custom_id: str, **params: Any) -> Dict[str, Any]:
    body: Dict[str, Any] = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 32,
        "messages": [{"role": "user", "content": f"Hello from {custom_id}"}],
    }
    body.update(params)
    return {"custom_id": custom_id, "params": body}


def responder(request: BatchRequest) -> str:
    """Requests whose custom_id starts with ``bad`` come back ``errored``."""
    if request.custom_id.startswith("bad"):
        raise ResponderError("emulated failure", type="invalid_request_error")
    return f"answer to {request.custom_id}"


class SteppingClock(ManualClock):
    """A manual clock that moves ``step`` seconds on every read, so a batch ends after a
    few polls without anyone sleeping (started at the real time, so the batch's
    ``expires_at`` lies in the future for ``wait``'s deadline)."""

    def __init__(self, step: float) -> None:
        super().__init__(time.time())
        self.step = step
        self.frozen = True

    def now(self) -> float:
        if not self.frozen:
            self.advance(self.step)
        return super().now()


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json_lines(self) -> List[Any]:
        return [json.loads(line) for line in self.out.splitlines()]


class FakeTerminal(io.StringIO):
    """A text stream that says it is a terminal (for progress-bar tests)."""

    def isatty(self) -> bool:
        return True
