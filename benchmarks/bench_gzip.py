"""Bytes on the wire for a results file, ours vs plain httpx, from a gzip-serving emulator.

The emulator's HTTP server (``EmulatorServer``, 127.0.0.1, port 0, in a thread) is
wrapped so that a results download is gzip-compressed when, and only when, the request's
``Accept-Encoding`` allows it (as the API's CDN does); the wrapper counts the body bytes
it sends. Both sides download the same 100,000-line results file:

- ours: ``client.messages.batches.results(batch_id)`` with ``http_client=httpx.Client()``
  (the user's own client), every line parsed; and once more with the SDK's own client;
- raw: ``httpx.Client().stream("GET", <results path>)`` with httpx's default headers.

The row's "ours"/"raw" columns hold **megabytes on the wire** (not seconds); the target is
ours/raw <= 1.05. Verification fails if plain httpx negotiated gzip and ours did not, or
if a side did not get every line. The uncompressed size (``Accept-Encoding: identity``)
is in the note for scale.

    python benchmarks/bench_gzip.py [--quick]
"""

from __future__ import annotations

import time
import zlib
from typing import Dict, Iterator, List, Mapping, Tuple

import _harness as h
import _wire as w
import httpx

import anthropic
from anthropic.emulator import Emulator, EmulatorServer, Reply


class GzipServing:
    """An emulator whose results downloads are gzip-encoded when the client accepts it."""

    def __init__(self, emulator: Emulator) -> None:
        self.emulator = emulator
        self.sent: List[Tuple[str, int]] = []  # (content-encoding, body bytes) per download

    def handle(
        self,
        method: str,
        path: str,
        *,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        host: str,
    ) -> Reply:
        reply = self.emulator.handle(
            method, path, query=query, headers=headers, body=body, host=host
        )
        if method != "GET" or not path.endswith("/results") or reply.status != 200:
            return reply
        accept = next((v for k, v in headers.items() if k.lower() == "accept-encoding"), "")
        codings = {part.split(";")[0].strip().lower() for part in accept.split(",")}
        chunks = reply.chunks()
        encoding = "identity"
        if "gzip" in codings:
            encoding = "gzip"
            reply.headers = [*reply.headers, (b"content-encoding", b"gzip")]
            chunks = _gzip(chunks)
        reply.stream, reply.body = self._count(chunks, encoding), b""
        return reply

    def _count(self, chunks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
        total = 0
        try:
            for chunk in chunks:
                total += len(chunk)
                yield chunk
        finally:
            self.sent.append((encoding, total))


def _gzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # wbits 31: the gzip container
    for chunk in chunks:
        out = compressor.compress(chunk)
        if out:
            yield out
    yield compressor.flush()


def _create(base_url: str, lines: int) -> str:
    params = {
        "model": "claude-sonnet-4-20250514",
        "max_tokens": 64,
        "messages": [{"role": "user", "content": "Write one sentence about the sea."}],
    }
    body = {"requests": [{"custom_id": f"r{i}", "params": params} for i in range(lines)]}
    with httpx.Client(base_url=base_url, headers=w.raw_headers(), timeout=300) as client:
        response = client.post("/v1/messages/batches", json=body)
        response.raise_for_status()
        return str(response.json()["id"])


def run(quick: bool) -> List[h.Row]:
    lines = 2_000 if quick else 100_000
    served = GzipServing(Emulator(api_key=w.API_KEY))
    with EmulatorServer(served) as server:
        base_url = server.base_url
        batch_id = _create(base_url, lines)
        path = f"/v1/messages/batches/{batch_id}/results"
        timings: Dict[str, float] = {}

        def download(side: str) -> Tuple[int, str, int]:
            """Fetch the results as ``side`` does: (lines, content-encoding, wire bytes)."""
            start = time.perf_counter()
            if side == "ours":
                with (
                    httpx.Client(timeout=300) as http,
                    anthropic.Anthropic(
                        api_key=w.API_KEY, base_url=base_url, http_client=http
                    ) as client,
                    client.messages.batches.results(batch_id) as results,
                ):
                    count = sum(1 for _ in results)
            elif side == "ours_default":
                with (
                    anthropic.Anthropic(api_key=w.API_KEY, base_url=base_url) as client,
                    client.messages.batches.results(batch_id) as results,
                ):
                    count = sum(1 for _ in results)
            else:
                headers = w.raw_headers()
                if side == "identity":
                    headers["accept-encoding"] = "identity"
                with (
                    httpx.Client(base_url=base_url, headers=headers, timeout=300) as http,
                    http.stream("GET", path) as response,
                ):
                    response.raise_for_status()
                    count = sum(1 for line in response.iter_lines() if line)
            timings[side] = time.perf_counter() - start
            encoding, wire = served.sent[-1]
            return count, encoding, wire

        ours_lines, ours_encoding, ours_bytes = download("ours")
        default_lines, default_encoding, default_bytes = download("ours_default")
        raw_lines, raw_encoding, raw_bytes = download("raw")
        _, _, plain_bytes = download("identity")

    verified = ours_lines == raw_lines == default_lines == lines and (
        ours_encoding == default_encoding == raw_encoding or raw_encoding == "identity"
    )
    note = (
        f"MB on the wire, not seconds: ours {ours_bytes / 1e6:.2f} MB ({ours_encoding}, "
        f"{timings['ours']:.2f} s), plain httpx {raw_bytes / 1e6:.2f} MB ({raw_encoding}, "
        f"{timings['raw']:.2f} s), ours with the SDK's own client {default_bytes / 1e6:.2f} MB "
        f"({default_encoding}), uncompressed {plain_bytes / 1e6:.2f} MB; "
        f"{ours_lines:,}/{raw_lines:,} of {lines:,} lines"
    )
    if raw_encoding != "identity" and raw_encoding not in {ours_encoding} & {default_encoding}:
        note += f"; ours did not negotiate {raw_encoding} as httpx does"
    return [
        h.Row(
            f"gzip: {lines:,}-line results, MB on the wire",
            ours=ours_bytes / 1e6,
            raw=raw_bytes / 1e6,
            target=1.05,
            verified=verified,
            note=note,
            ours_label="ours (MB)",
            raw_label="httpx (MB)",
        )
    ]


if __name__ == "__main__":
    h.main(run)
