"""Stream 100,000 result lines (~600 bytes each) and count the succeeded ones, sync.

The body (about 60 MB of JSONL, 90% succeeded, the rest errored / canceled / expired) is
encoded once and served by the same ``MockTransport`` to both sides in 64 KiB chunks,
so both really stream. Each run must return the exact succeeded count, the number of
lines, a checksum of every custom_id and the total text length of succeeded messages.

Ours: ``client.messages.batches.results(batch)`` (an ended ``MessageBatch``, so no GET).
Raw floor: ``client.stream("GET", results_path)`` + ``_raw_results.iter_raw_lines``.

    python benchmarks/bench_results.py [--quick]
"""

from __future__ import annotations

import zlib
from contextlib import contextmanager
from typing import Iterable, Iterator, List, Tuple

import _harness as h
import _wire as w
import httpx
from _raw_results import iter_raw_lines

import anthropic
from anthropic.types.messages import MessageBatch

BATCH_ID = "msgbatch_0000000000000000000results"
RESULTS_PATH = f"/v1/messages/batches/{BATCH_ID}/results"

Summary = Tuple[int, int, int, int]  # lines, succeeded, crc of custom_ids, text length


def summarize(lines: Iterable[object]) -> Summary:
    """What both sides compute per line: the count the issue asks for, plus enough to
    prove each line was really parsed (ids and message text)."""
    count = succeeded = crc = text = 0
    for line in lines:
        count += 1
        crc = zlib.crc32(line.custom_id.encode(), crc)  # type: ignore[attr-defined]
        result = line.result  # type: ignore[attr-defined]
        if result.type == "succeeded":
            succeeded += 1
            text += len(result.message.content[0].text)
    return count, succeeded, crc, text


def expected(n: int) -> Summary:
    crc = text = succeeded = 0
    for i in range(n):
        crc = zlib.crc32(f"req-{i:07d}".encode(), crc)
        if w.result_kind(i) == "succeeded":
            succeeded += 1
            text += len(w.result_text(i))
    return n, succeeded, crc, text


def make_transport(body: bytes) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path != RESULTS_PATH:
            return httpx.Response(404, headers=w.JSON_HEADERS, content=b"{}")
        return httpx.Response(200, headers=w.JSONL_HEADERS, stream=w.ChunkStream.of(body))

    return w.mock_transport(handler)


def ended_batch() -> MessageBatch:
    return MessageBatch.model_validate(w.batch_dict(BATCH_ID))


@contextmanager
def clients(body: bytes) -> Iterator[Tuple[anthropic.Anthropic, httpx.Client]]:
    """(ours, the floor's client), each over its own transport serving ``body``; closed
    on leaving."""
    with (
        httpx.Client(transport=make_transport(body)) as http,
        anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
        httpx.Client(
            transport=make_transport(body), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):
        yield client, raw_client


def run(quick: bool) -> List[h.Row]:
    n = 500 if quick else 100_000
    rounds = 1 if quick else 5
    body = w.results_body(n)
    want = expected(n)
    batch = ended_batch()
    with clients(body) as (client, raw_client):

        def ours() -> Summary:
            with client.messages.batches.results(batch) as results:
                return summarize(results)

        def raw() -> Summary:
            headers = {"accept": "application/binary"}
            with raw_client.stream("GET", RESULTS_PATH, headers=headers) as response:
                response.raise_for_status()
                return summarize(iter_raw_lines(response))

        def verify(got: Summary) -> None:
            h.check(got == want, f"summary {got} != expected {want}")

        row = h.compare(
            f"results: stream {n:,} lines",
            ours=ours,
            raw=raw,
            verify=verify,
            rounds=rounds,
            target=1.3,
            note=f"body {len(body) / 1e6:.1f} MB, {len(body) // n} bytes/line, 64 KiB chunks",
        )
    return [row]


if __name__ == "__main__":
    h.main(run)
