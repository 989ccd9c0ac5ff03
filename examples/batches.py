"""Every Message Batches call, sync: create, poll, stream results, list, cancel, delete.

    python examples/batches.py

Runs on the in-process emulator unless ANTHROPIC_API_KEY is set (then on the real API;
note that it creates, cancels and deletes real batches).
"""

from __future__ import annotations

import os
import time
from typing import List

from anthropic import Anthropic
from anthropic.types.messages.batch_create_params import Request

MODEL = "claude-sonnet-4-20250514"


def make_client() -> Anthropic:
    if os.environ.get("ANTHROPIC_API_KEY"):
        return Anthropic()
    from anthropic.emulator import Emulator

    print("(no ANTHROPIC_API_KEY: using the in-process emulator)")
    return Emulator().client()  # processing_time=0: batches end as soon as they are read


def main() -> None:
    with make_client() as client:
        requests: List[Request] = [
            {
                "custom_id": f"greeting-{i}",
                "params": {
                    "model": MODEL,
                    "max_tokens": 64,
                    "messages": [{"role": "user", "content": f"Say hello in language #{i}"}],
                },
            }
            for i in range(5)
        ]
        batch = client.messages.batches.create(requests=requests)
        print("created:", batch.id, batch.processing_status, batch._request_id)

        while True:  # a plain poll loop (client.messages.batches.wait() does it for you)
            batch = client.messages.batches.retrieve(batch.id)
            if batch.processing_status == "ended":
                break
            time.sleep(30)
        print("ended:", dict(batch.request_counts))

        with client.messages.batches.results(batch) as results:
            for entry in results:
                if entry.result.type == "succeeded":
                    text = entry.result.message.content[0]
                    print(" ", entry.custom_id, "->", getattr(text, "text", text.type))
                else:
                    print(" ", entry.custom_id, "->", entry.result.type)

        print("newest batches:")
        for listed in client.messages.batches.list(limit=10):
            print(" ", listed.id, listed.processing_status, listed.created_at.isoformat())

        second = client.messages.batches.create(requests=requests[:2])
        canceled = client.messages.batches.cancel(second.id)
        print("cancel asked:", canceled.id, canceled.processing_status)

        for ended_id in (batch.id, second.id):
            ended = client.messages.batches.retrieve(ended_id)
            if ended.processing_status == "ended":
                deleted = client.messages.batches.delete(ended_id)
                print("deleted:", deleted.id, deleted.type)


if __name__ == "__main__":
    main()
