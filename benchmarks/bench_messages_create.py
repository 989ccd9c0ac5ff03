"""2,000 sequential non-streaming ``messages.create`` calls over an in-process transport.

Both sides POST the same params to one ``httpx.MockTransport`` that answers with the same
pre-encoded Message (a text block and a tool_use block, usage); every answer is checked.

Raw floor: one ``httpx.Client`` with the same auth/version headers, the body serialized
with ``pydantic_core.to_json`` (as the SDK does), ``POST /v1/messages``,
``raise_for_status()``, ``RawMessage.model_validate_json(response.content)`` (a plain
pydantic model with a discriminated content union). Target: ours <= 1.2x the floor.

    python benchmarks/bench_messages_create.py [--quick]
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

import _harness as h
import _wire as w
import httpx
import pydantic_core
from _raw_results import RawMessage  # the floor's message model, shared with results

import anthropic

PARAMS: Dict[str, Any] = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 1024,
    "system": "Answer briefly.",
    "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
}
MESSAGE = {
    "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-20250514",
    "content": [
        {"type": "text", "text": "Let me check the weather in Paris for you."},
        {
            "type": "tool_use",
            "id": "toolu_01A09q90qw90lq917835lq9",
            "name": "get_weather",
            "input": {"location": "Paris, France", "unit": "celsius"},
        },
    ],
    "stop_reason": "tool_use",
    "stop_sequence": None,
    "usage": {
        "input_tokens": 412,
        "output_tokens": 71,
        "cache_creation_input_tokens": 0,
        "cache_read_input_tokens": 0,
        "service_tier": "standard",
    },
}
BODY = json.dumps(MESSAGE).encode()


def make_transport(seen: List[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if not seen:
            seen.append(request)
        return httpx.Response(200, headers=w.JSON_HEADERS, content=BODY)

    return w.mock_transport(handler)


def verify(messages: list) -> None:
    h.check(len(messages) > 0, "no messages")
    for message in messages:
        h.check(message.stop_reason == "tool_use", "stop_reason")
        h.check(message.content[1].input["location"] == "Paris, France", "tool input")
        h.check(message.usage.output_tokens == 71, "usage")


def verify_request(request: httpx.Request) -> None:
    h.check(request.method == "POST" and request.url.path == "/v1/messages", "path")
    h.check(json.loads(request.content) == PARAMS, "body")
    h.check(request.headers.get("x-api-key") == w.API_KEY, "x-api-key missing")


def run(quick: bool) -> List[h.Row]:
    n = 20 if quick else 2_000
    rounds = 1 if quick else 7
    seen_ours: List[httpx.Request] = []
    seen_raw: List[httpx.Request] = []
    with (
        httpx.Client(transport=make_transport(seen_ours)) as http,
        anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
        httpx.Client(
            transport=make_transport(seen_raw), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):

        def ours() -> list:
            create = client.messages.create
            return [create(**PARAMS) for _ in range(n)]

        def raw() -> list:
            out = []
            headers = {"content-type": "application/json"}
            for _ in range(n):
                body = pydantic_core.to_json(PARAMS)
                response = raw_client.post("/v1/messages", content=body, headers=headers)
                response.raise_for_status()
                out.append(RawMessage.model_validate_json(response.content))
            return out

        row = h.compare(
            f"messages.create x{n:,} (sync)",
            ours=ours,
            raw=raw,
            verify=verify,
            rounds=rounds,
            target=1.2,
        )
    verify_request(seen_ours[0])
    verify_request(seen_raw[0])
    return [row]


if __name__ == "__main__":
    h.main(run)
