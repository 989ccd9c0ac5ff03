"""Decoding a 20,000-event Messages stream (``messages.create(stream=True)``).

The body is a realistic stream (``message_start``, a ``ping``, one text block of 19,995
``text_delta`` events, ``message_delta``, ``message_stop``), about 2.5 MB, delivered in
64 KiB chunks by an in-process transport to both sides; every event is checked.

Raw floor: httpx streams the body, ``iter_lines()`` splits it, every ``data:`` line is
validated with one pydantic-core ``TypeAdapter`` of a discriminated union of plain models
of the event types (pings included, as a floor would not special-case them). Ours
additionally handles any line ending, multi-line data, comments, unknown events and
error events. Target: ours <= 1.3x the floor. A second row times reaching the first text
delta (then closing the stream), 200 times: target within 10 % of the floor.

    python benchmarks/bench_sse.py [--quick]
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Literal, Union

import _harness as h
import _wire as w
import httpx
import pydantic
from typing_extensions import Annotated

import anthropic

SSE_HEADERS = [("content-type", "text/event-stream"), ("request-id", "req_bench_sse")]
PARAMS: Dict[str, Any] = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 32_000,
    "messages": [{"role": "user", "content": "Write a long story."}],
    "stream": True,
}


def _event(name: str, data: Dict[str, Any]) -> bytes:
    return b"event: " + name.encode() + b"\ndata: " + json.dumps(data).encode() + b"\n\n"


def stream_body(n_events: int) -> bytes:
    start = {
        "id": "msg_bench",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-20250514",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 20, "output_tokens": 1},
    }
    parts = [
        _event("message_start", {"type": "message_start", "message": start}),
        _event("ping", {"type": "ping"}),
        _event(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        ),
    ]
    deltas = n_events - 6
    for i in range(deltas):
        delta = {"type": "text_delta", "text": f" word{i % 997} and"}
        parts.append(
            _event(
                "content_block_delta", {"type": "content_block_delta", "index": 0, "delta": delta}
            )
        )
    parts.append(_event("content_block_stop", {"type": "content_block_stop", "index": 0}))
    parts.append(
        _event(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": deltas},
            },
        )
    )
    parts.append(_event("message_stop", {"type": "message_stop"}))
    return b"".join(parts)


class RawTextDelta(pydantic.BaseModel):
    type: Literal["text_delta"]
    text: str


class RawDeltaEvent(pydantic.BaseModel):
    type: Literal["content_block_delta"]
    index: int
    delta: RawTextDelta


class RawStartEvent(pydantic.BaseModel):
    type: Literal["message_start"]
    message: Dict[str, Any]


class RawBlockStart(pydantic.BaseModel):
    type: Literal["content_block_start"]
    index: int
    content_block: Dict[str, Any]


class RawBlockStop(pydantic.BaseModel):
    type: Literal["content_block_stop"]
    index: int


class RawMessageDelta(pydantic.BaseModel):
    type: Literal["message_delta"]
    delta: Dict[str, Any]
    usage: Dict[str, Any]


class RawStop(pydantic.BaseModel):
    type: Literal["message_stop"]


class RawPing(pydantic.BaseModel):
    type: Literal["ping"]


RawEvent = Annotated[
    Union[
        RawStartEvent, RawBlockStart, RawDeltaEvent, RawBlockStop, RawMessageDelta, RawStop, RawPing
    ],
    pydantic.Field(discriminator="type"),
]
RAW_EVENT: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(RawEvent)


def make_transport(body: bytes) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=SSE_HEADERS, stream=w.ChunkStream.of(body))

    return w.mock_transport(handler)


def make_verify(n_events: int, skipped: int):
    def verify(events: list) -> None:
        h.check(len(events) == n_events - skipped, f"{len(events)} events")
        h.check(events[0].type == "message_start", "first event")
        h.check(events[-1].type == "message_stop", "last event")
        deltas = [e for e in events if e.type == "content_block_delta"]
        h.check(len(deltas) == n_events - 6, f"{len(deltas)} deltas")
        h.check(deltas[2].delta.text == " word2 and", "a delta's text")

    return verify


def run(quick: bool) -> List[h.Row]:
    n_events = 200 if quick else 20_000
    rounds = 1 if quick else 7
    body = stream_body(n_events)
    with (
        httpx.Client(transport=make_transport(body)) as http,
        anthropic.Anthropic(api_key=w.API_KEY, base_url=w.BASE_URL, http_client=http) as client,
        httpx.Client(
            transport=make_transport(body), base_url=w.BASE_URL, headers=w.raw_headers()
        ) as raw_client,
    ):

        def ours() -> list:
            with client.messages.create(**PARAMS) as stream:
                return list(stream)

        def raw() -> list:
            out = []
            validate = RAW_EVENT.validate_json
            with raw_client.stream("POST", "/v1/messages", json=PARAMS) as response:
                response.raise_for_status()
                for line in response.iter_lines():
                    if line.startswith("data: "):
                        out.append(validate(line[6:]))
            return out

        repeats = 5 if quick else 200

        def ours_first() -> list:
            out = []
            for _ in range(repeats):
                with client.messages.create(**PARAMS) as stream:
                    for event in stream:
                        if event.type == "content_block_delta":
                            out.append(event)
                            break
            return out

        def raw_first() -> list:
            out = []
            validate = RAW_EVENT.validate_json
            for _ in range(repeats):
                with raw_client.stream("POST", "/v1/messages", json=PARAMS) as response:
                    response.raise_for_status()
                    for line in response.iter_lines():
                        if line.startswith("data: "):
                            event = validate(line[6:])
                            if event.type == "content_block_delta":
                                out.append(event)
                                break
            return out

        def verify_first(events: list) -> None:
            h.check(len(events) == repeats, f"{len(events)} first deltas")
            h.check(all(e.delta.text == " word0 and" for e in events), "first delta text")

        first_row = h.compare(
            f"SSE time to first text delta x{repeats} (sync)",
            ours=ours_first,
            raw=raw_first,
            verify=verify_first,
            rounds=rounds,
            target=1.1,
            memory=False,
        )
        row = h.compare(
            f"SSE stream, {n_events:,} events (sync)",
            ours=ours,
            raw=raw,
            verify=make_verify(n_events, skipped=1),  # ours does not yield the ping
            verify_raw=make_verify(n_events, skipped=0),
            rounds=rounds,
            target=1.3,
        )
    return [row, first_row]


if __name__ == "__main__":
    h.main(run)
