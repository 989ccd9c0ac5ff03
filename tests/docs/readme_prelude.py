"""What the README's fragments (``<!-- docs: fragment -->``) take as already defined.

Each fragment is checked and run as ``from readme_prelude import *`` followed by its
code, against the emulator the test starts (``ANTHROPIC_BASE_URL``): a client, a few
requests, an ended batch and an ended job, as the README's tour has them by then.
"""

from __future__ import annotations

from typing import List

import httpx

from anthropic import Anthropic, AsyncAnthropic
from anthropic.lib import (
    BatchWaitTimeout,
    join_results,
    progress_bar,
    retryable_requests,
    save_results,
    summarize,
)
from anthropic.types import Message, MessageCreateParamsNonStreaming
from anthropic.types.messages.batch_create_params import Request

__all__ = [
    "BatchWaitTimeout",
    "async_client",
    "batch",
    "batch_id",
    "client",
    "handle",
    "httpx",
    "job",
    "join_results",
    "params",
    "progress_bar",
    "requests",
    "retry_later",
    "retryable_requests",
    "save_results",
    "summarize",
]

client = Anthropic()
async_client = AsyncAnthropic()
params: MessageCreateParamsNonStreaming = {
    "model": "claude-sonnet-4-20250514",
    "max_tokens": 64,
    "messages": [{"role": "user", "content": "Hello"}],
}
requests: List[Request] = [{"custom_id": f"q-{i}", "params": params} for i in range(3)]
batch = client.messages.batches.wait(
    client.messages.batches.create(requests=requests), poll_interval=0.01
)
batch_id = batch.id
job = client.messages.batches.submit(requests)
job.wait(poll_interval=0.01)


def handle(custom_id: str, message: Message) -> None:
    print(custom_id, message.stop_reason)


def retry_later(custom_id: str, reason: str) -> None:
    print("retry", custom_id, reason)
