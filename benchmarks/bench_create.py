"""``create`` with 10,000 requests: validation + serialization + send + parse.

The transport keeps a reference to each request body (no work on the timed path); after
every run the body is decoded and compared with the input, so neither side can skip
or mangle requests and still look fast.

Raw floor: ``client.post("/v1/messages/batches", content=pydantic_core.to_json(body))``
with a JSON content-type, ``raise_for_status()``, ``RawBatch.model_validate_json``. It
serializes with the same encoder as the SDK (pydantic-core's, several times faster than
the ``json.dumps`` behind httpx's ``json=``), so the ratio is the cost of what only ours
does: checking every request locally (custom_id format and uniqueness, model,
max_tokens, messages, stream).

    python benchmarks/bench_create.py [--quick]
"""

from __future__ import annotations

import json
from typing import List

import _harness as h
import _wire as w
import httpx
import pydantic_core
from _raw_batch import RawBatch

import anthropic

BATCH_ID = "msgbatch_0000000000000000000000bench"


def make_requests(n: int) -> List[dict]:
    """Realistic, varied requests (plain, system + temperature, multi-turn)."""
    out = []
    for i in range(n):
        params: dict = {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 1024,
            "messages": [
                {
                    "role": "user",
                    "content": f"Summarize document {i} in two sentences. "
                    "Keep names, numbers and dates exactly as written.",
                }
            ],
        }
        if i % 3 == 1:
            params["system"] = "You are a concise assistant."
            params["temperature"] = 0.2
            params["metadata"] = {"user_id": f"u-{i % 97}"}
        if i % 5 == 2:
            params["messages"] += [
                {"role": "assistant", "content": "Sure."},
                {"role": "user", "content": [{"type": "text", "text": "Go on, please."}]},
            ]
        out.append({"custom_id": f"req-{i:07d}", "params": params})
    return out


def make_transport(n: int, bodies: List[bytes]) -> httpx.MockTransport:
    response_body = json.dumps(w.batch_dict(BATCH_ID, status="in_progress", n=n)).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method != "POST" or request.url.path != "/v1/messages/batches":
            return httpx.Response(404, headers=w.JSON_HEADERS, content=b"{}")
        bodies.append(request.content)
        return httpx.Response(200, headers=w.JSON_HEADERS, content=response_body)

    return w.mock_transport(handler)


def run(quick: bool) -> List[h.Row]:
    n = 50 if quick else 10_000
    rounds = 1 if quick else 7
    requests = make_requests(n)
    ours_bodies: List[bytes] = []
    raw_bodies: List[bytes] = []
    json_type = {"content-type": "application/json"}
    with (
        httpx.Client(transport=make_transport(n, ours_bodies)) as http,
        anthropic.Anthropic(
            api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http
        ) as ours_client,
        httpx.Client(
            transport=make_transport(n, raw_bodies), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):

        def ours() -> object:
            ours_bodies.clear()
            return ours_client.messages.batches.create(requests=requests)

        def raw() -> object:
            raw_bodies.clear()
            body = pydantic_core.to_json({"requests": requests})
            response = raw_client.post("/v1/messages/batches", content=body, headers=json_type)
            response.raise_for_status()
            return RawBatch.model_validate_json(response.content)

        def verify_with(bodies: List[bytes]):
            def verify(batch: object) -> None:
                h.check(getattr(batch, "id", None) == BATCH_ID, "batch id")
                h.check(batch.request_counts.processing == n, "request_counts")  # type: ignore[attr-defined]
                h.check(len(bodies) == 1, f"{len(bodies)} requests sent, want 1")
                sent = json.loads(bodies[0])
                h.check(sent == {"requests": requests}, "the sent body differs from the input")

            return verify

        row = h.compare(
            f"create with {n:,} requests",
            ours=ours,
            raw=raw,
            verify=verify_with(ours_bodies),
            verify_raw=verify_with(raw_bodies),
            rounds=rounds,
            target=2.0,
            note="both serialize with pydantic_core.to_json; only ours validates each request",
        )
    return [row]


if __name__ == "__main__":
    h.main(run)
