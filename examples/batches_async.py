"""Every Message Batches call, async (asyncio here; trio works the same way).

    python examples/batches_async.py

Runs on the in-process emulator unless ANTHROPIC_API_KEY is set.
"""

from __future__ import annotations

import asyncio
import os
from typing import List

from anthropic import AsyncAnthropic
from anthropic.types.messages.batch_create_params import Request

MODEL = "claude-sonnet-4-20250514"


def make_client() -> AsyncAnthropic:
    if os.environ.get("ANTHROPIC_API_KEY"):
        return AsyncAnthropic()
    from anthropic.emulator import Emulator

    print("(no ANTHROPIC_API_KEY: using the in-process emulator)")
    return Emulator().async_client()


async def main() -> None:
    async with make_client() as client:
        requests: List[Request] = [
            {
                "custom_id": f"fact-{i}",
                "params": {
                    "model": MODEL,
                    "max_tokens": 64,
                    "messages": [{"role": "user", "content": f"Tell me fact number {i}"}],
                },
            }
            for i in range(4)
        ]
        batch = await client.messages.batches.create(requests=requests)
        print("created:", batch.id, batch.processing_status)

        while True:
            batch = await client.messages.batches.retrieve(batch.id)
            if batch.processing_status == "ended":
                break
            await asyncio.sleep(30)
        print("ended:", dict(batch.request_counts))

        async with client.messages.batches.results(batch) as results:
            async for entry in results:
                print(" ", entry.custom_id, entry.result.type)

        print("all batches:")
        async for listed in client.messages.batches.list(limit=10):
            print(" ", listed.id, listed.processing_status)

        first_page = await client.messages.batches.list(limit=1)
        print("first page:", [b.id for b in first_page.data], "more:", first_page.has_more)

        other = await client.messages.batches.create(requests=requests[:1])
        print("cancel asked:", (await client.messages.batches.cancel(other.id)).processing_status)
        deleted = await client.messages.batches.delete(batch.id)
        print("deleted:", deleted.id)


if __name__ == "__main__":
    asyncio.run(main())
