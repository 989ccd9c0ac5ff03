"""Wire data and mock transports: both sides of every scenario are served the same
pre-encoded bytes by the same kind of transport.

    body = results_body(100_000)                     # JSONL, ~600 bytes a line
    httpx.Response(200, headers=JSONL_HEADERS, stream=ChunkStream.of(body))
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterator, List, Optional

import httpx

__all__ = [
    "API_KEY",
    "API_VERSION",
    "BASE_URL",
    "CHUNK",
    "JSONL_HEADERS",
    "JSON_HEADERS",
    "ChunkStream",
    "batch_dict",
    "iter_results_body",
    "mock_transport",
    "raw_headers",
    "result_kind",
    "result_line",
    "result_text",
    "results_body",
]

BASE_URL = "http://bench.invalid"  # never resolved: every in-process scenario is mocked
API_KEY = "sk-ant-bench-0000000000000000"
API_VERSION = "2023-06-01"
CHUNK = 64 * 1024


def raw_headers() -> dict:
    """What a careful raw user sends: the same auth and version headers as the SDK."""
    return {"x-api-key": API_KEY, "anthropic-version": API_VERSION, "accept": "application/json"}


def batch_dict(batch_id: str, index: int = 0, *, status: str = "ended", n: int = 3) -> dict:
    """A ``MessageBatch`` as the API sends it (same keys and null-ness as the fixtures)."""
    day = 10 + index % 18
    base = {
        "id": batch_id,
        "type": "message_batch",
        "processing_status": status,
        "request_counts": {
            "processing": n if status != "ended" else 0,
            "succeeded": n - 1 if status == "ended" else 0,
            "errored": 1 if status == "ended" else 0,
            "canceled": 0,
            "expired": 0,
        },
        "ended_at": None,
        "created_at": f"2024-09-{day:02d}T18:37:24.100435Z",
        "expires_at": f"2024-09-{day + 1:02d}T18:37:24.100435Z",
        "archived_at": None,
        "cancel_initiated_at": None,
        "results_url": None,
    }
    if status == "ended":
        base["ended_at"] = f"2024-09-{day:02d}T19:02:11.530442Z"
        base["results_url"] = f"https://api.anthropic.com/v1/messages/batches/{batch_id}/results"
    return base


_TEXT = (
    "The capital of France is Paris. It has been the country's political, economic and "
    "cultural centre for centuries, and it is home to roughly two million people. The "
    "wider metropolitan area holds about twelve million residents in total. Answer "
)


def result_text(i: int) -> str:
    """The text of succeeded line ``i`` (what ``result_line`` puts in its text block)."""
    return _TEXT + str(i)


def result_kind(i: int) -> str:
    """Deterministic mix: 90% succeeded, the rest errored / canceled / expired."""
    if i % 10 != 9:
        return "succeeded"
    return ("errored", "canceled", "expired")[(i // 10) % 3]


def result_line(i: int, text: Optional[str] = None) -> bytes:
    """One results line (~600 bytes for the default text), as compact JSON bytes."""
    kind = result_kind(i)
    custom_id = f"req-{i:07d}"
    if kind == "succeeded":
        content: List[dict] = [
            {"type": "text", "text": text if text is not None else result_text(i)}
        ]
        if i % 10 == 8:
            content.append(
                {
                    "type": "tool_use",
                    "id": f"toolu_{i:020d}",
                    "name": "get_weather",
                    "input": {"city": "Paris"},
                }
            )
        result: dict = {
            "type": "succeeded",
            "message": {
                "id": f"msg_{i:024d}",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-20250514",
                "content": content,
                "stop_reason": "tool_use" if i % 10 == 8 else "end_turn",
                "stop_sequence": None,
                "usage": {
                    "input_tokens": 14 + i % 100,
                    "output_tokens": 10 + i % 50,
                    "cache_creation_input_tokens": 0,
                    "cache_read_input_tokens": 0,
                    "service_tier": "batch",
                },
            },
        }
    elif kind == "errored":
        result = {
            "type": "errored",
            "error": {
                "type": "error",
                "error": {"type": "invalid_request_error", "message": "max_tokens: too large"},
                "request_id": f"req_{i:020d}",
            },
        }
    else:
        result = {"type": kind}
    return json.dumps({"custom_id": custom_id, "result": result}, separators=(",", ":")).encode()


def results_body(n: int) -> bytes:
    return b"\n".join(result_line(i) for i in range(n)) + b"\n"


def iter_results_body(n: int, chunk: int = CHUNK) -> Iterator[bytes]:
    """The body of ``results_body(n)`` generated on the fly in ``chunk``-sized pieces,
    so the process never holds the whole file (the memory scenario measures the SDK)."""
    pending: List[bytes] = []
    size = 0
    for i in range(n):
        line = result_line(i) + b"\n"
        pending.append(line)
        size += len(line)
        if size >= chunk:
            data = b"".join(pending)
            for start in range(0, len(data) - chunk + 1, chunk):
                yield data[start : start + chunk]
            rest = data[len(data) - len(data) % chunk :]
            pending, size = ([rest], len(rest)) if rest else ([], 0)
    if pending:
        yield b"".join(pending)


class ChunkStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered in 64 KiB chunks (both sides really stream)."""

    def __init__(self, source: Callable[[], Iterator[bytes]]) -> None:
        self._source = source

    @classmethod
    def of(cls, body: bytes, chunk: int = CHUNK) -> ChunkStream:
        def pieces() -> Iterator[bytes]:
            view = memoryview(body)
            for start in range(0, len(body), chunk):
                yield bytes(view[start : start + chunk])

        return cls(pieces)

    def __iter__(self) -> Iterator[bytes]:
        yield from self._source()

    async def __aiter__(self) -> Any:
        for piece in self._source():
            yield piece


def mock_transport(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    """One ``MockTransport`` for sync and async clients (the handler is synchronous)."""
    return httpx.MockTransport(handler)


JSON_HEADERS = [("content-type", "application/json"), ("request-id", "req_bench0000000000")]
JSONL_HEADERS = [("content-type", "application/x-jsonl"), ("request-id", "req_bench0000000001")]
