"""Try one, then batch: run a few requests with messages.create using the exact params that
go into the batch, fix what the API rejects, then submit the whole batch.

    python examples/try_then_batch.py

A batch of 100,000 requests whose params the API rejects comes back as 100,000 errored
results a day later; a direct call answers in seconds. The params of a batch request and
the keyword arguments of messages.create are the same TypedDict, so the dict you try is
the dict you batch. Without ANTHROPIC_API_KEY it runs on the in-process emulator.
"""

from __future__ import annotations

import os
import sys
from typing import List

from anthropic import Anthropic, BadRequestError
from anthropic.types import MessageCreateParamsNonStreaming
from anthropic.types.messages.batch_create_params import Request

MODEL = "claude-sonnet-4-20250514"
CITIES = ["Paris", "Tokyo", "Lima", "Nairobi", "Oslo", "Hanoi", "Quito", "Perth"]


def build_requests() -> List[Request]:
    requests: List[Request] = []
    for i, city in enumerate(CITIES):
        params: MessageCreateParamsNonStreaming = {
            "model": MODEL,
            "max_tokens": 200,
            "system": "Answer in one short sentence.",
            "messages": [{"role": "user", "content": f"What is {city} known for?"}],
        }
        if i == 1:
            params["temperature"] = 1.5  # a mistake the API rejects (0.0 to 1.0)
        requests.append({"custom_id": f"city-{i}", "params": params})
    return requests


def open_client() -> Anthropic:
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Running on the real Anthropic API (ANTHROPIC_API_KEY is set).")
        return Anthropic()
    from anthropic.emulator import Emulator, ManualClock

    print("No ANTHROPIC_API_KEY: running on the in-process emulator (virtual time, no network).")
    return Emulator(clock=ManualClock(), processing_time=10 * 60, seed=7).client()


def main() -> int:
    with open_client() as client:
        requests = build_requests()

        # 1. Try the first few with the very params that will go into the batch.
        print("Trying 3 requests before batching:")
        for request in requests[:3]:
            try:
                message = client.messages.create(**request["params"])
            except BadRequestError as exc:
                print(f"  {request['custom_id']}: rejected: {exc.message}")
                request["params"].pop("temperature", None)  # the fix
                message = client.messages.create(**request["params"])
            text = next((b.text for b in message.content if b.type == "text"), "")
            print(
                f"  {request['custom_id']}: ok ({message.usage.output_tokens} tokens) {text[:50]}"
            )

        # Streaming the same params shows the answer as it is written.
        params = requests[0]["params"]
        print("Streaming city-0: ", end="")
        with client.messages.stream(**params) as stream:
            for piece in stream.text_stream:
                print(piece, end="", flush=True)
        print()

        # Size the batch: count the input tokens of one request.
        count = client.messages.count_tokens(model=MODEL, messages=params["messages"])
        print(f"city-0 uses {count.input_tokens} input tokens")

        # 2. Then batch everything (the fix above applies to the batch too).
        for request in requests:
            request["params"].pop("temperature", None)
        batch = client.messages.batches.create(requests=requests)
        print(f"Created {batch.id} with {len(requests)} requests")
        batch = client.messages.batches.wait(batch.id, poll_interval=60)
        counts = batch.request_counts
        print(f"Ended: {counts.succeeded} succeeded, {counts.errored} errored")
        return 0 if counts.errored == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
