"""One 8 MB result line vs one 1 MB line: the cost must grow linearly, not quadratically.

Each body is a single succeeded result whose text block is ~1 MB or ~8 MB, delivered in
64 KiB chunks (so the line arrives in 16 or 128 pieces). Linear cost gives
t(8 MB) / t(1 MB) of about 8; a buffer that rescans or re-copies the pending line per
chunk gives about 64. The raw floor (pieces joined once) is measured alongside, and the
8 MB line is also compared ours/raw.

    python benchmarks/bench_long_line.py [--quick]
"""

from __future__ import annotations

from typing import List

import _harness as h
import _wire as w
import httpx
from _raw_results import iter_raw_lines

import anthropic
from anthropic.types.messages import MessageBatch

BATCH_ID = "msgbatch_0000000000000000000longline"
RESULTS_PATH = f"/v1/messages/batches/{BATCH_ID}/results"
MB = 1024 * 1024


def make_body(size: int) -> bytes:
    words = b"lorem ipsum dolor sit amet "
    text = (words * (size // len(words) + 1))[:size].decode()
    return w.result_line(0, text=text) + b"\n"


def make_transport(body: bytes) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=w.JSONL_HEADERS, stream=w.ChunkStream.of(body))

    return w.mock_transport(handler)


def measure(size: int, rounds: int) -> h.Row:
    body = make_body(size)
    batch = MessageBatch.model_validate(w.batch_dict(BATCH_ID))
    with (
        httpx.Client(transport=make_transport(body)) as http,
        anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
        httpx.Client(
            transport=make_transport(body), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):

        def ours() -> list:
            with client.messages.batches.results(batch) as results:
                return [len(line.result.message.content[0].text) for line in results]  # type: ignore[union-attr]

        def raw() -> list:
            with raw_client.stream("GET", RESULTS_PATH) as response:
                response.raise_for_status()
                return [
                    len(line.result.message.content[0].text) for line in iter_raw_lines(response)
                ]  # type: ignore[union-attr]

        def verify(lengths: list) -> None:
            h.check(lengths == [size], f"got text lengths {lengths[:3]}, want [{size}]")

        return h.compare(
            f"one {size // MB} MB line", ours=ours, raw=raw, verify=verify, rounds=rounds, target=0
        )


def run(quick: bool) -> List[h.Row]:
    small, large = (MB // 8, MB) if quick else (MB, 8 * MB)
    rounds = 1 if quick else 9
    one = measure(small, rounds)
    eight = measure(large, rounds)
    row = h.Row(
        f"long line: {large // MB or 1} MB vs {small / MB:g} MB",
        ours=eight.ours,
        raw=eight.raw,
        target=10.0,
        kind="scale",
        value=eight.ours / one.ours,
        peak_ours_mb=eight.peak_ours_mb,
        peak_raw_mb=eight.peak_raw_mb,
        note=(
            f"ours: {one.ours * 1000:.1f} ms -> {eight.ours * 1000:.1f} ms "
            f"({eight.ours / one.ours:.1f}x); raw floor: {one.raw * 1000:.1f} ms -> "
            f"{eight.raw * 1000:.1f} ms ({eight.raw / one.raw:.1f}x); ours/raw columns are "
            "the large line"
        ),
    )
    return [row]


if __name__ == "__main__":
    h.main(run)
