"""The main job: create a batch of 20 varied requests, wait for it while showing progress,
stream the results and print a summary.

    python examples/quickstart.py

Without ANTHROPIC_API_KEY it runs on the in-process emulator, on virtual time: the batch
"takes" a quarter of an hour but the script finishes at once, with no network. With a key
it runs the same job on the real API (and takes as long as the API needs).
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from typing import Callable, Dict, List

from anthropic import Anthropic
from anthropic.types.messages import MessageBatch
from anthropic.types.messages.batch_create_params import Request

MODEL = "claude-sonnet-4-20250514"

QUESTIONS = [
    "What is the capital of France?",
    "Name three primary colours.",
    "How many legs does a spider have?",
    "What is 17 times 23?",
    "Translate 'good morning' into Spanish.",
    "Who wrote 'Pride and Prejudice'?",
    "What is the boiling point of water at sea level in Celsius?",
    "Give a synonym for 'rapid'.",
    "What gas do plants absorb from the air?",
    "What is the largest planet in the solar system?",
    "Summarize the plot of Hamlet in one sentence.",
    "What does HTTP stand for?",
    "Suggest a name for a grey cat.",
    "What is the square root of 144?",
    "Which ocean is the largest?",
]


def build_requests() -> List[Request]:
    """Twenty requests: plain questions, a system prompt, a forced tool call, extended
    thinking with an assistant prefill, and two the API will reject as errored results."""
    requests: List[Request] = [
        {
            "custom_id": f"question-{i:02d}",
            "params": {
                "model": MODEL,
                "max_tokens": 256,
                "messages": [{"role": "user", "content": question}],
            },
        }
        for i, question in enumerate(QUESTIONS)
    ]
    requests.append(
        {
            "custom_id": "concise-system",
            "params": {
                "model": MODEL,
                "max_tokens": 128,
                "system": "Answer in five words or fewer.",
                "messages": [{"role": "user", "content": "Why is the sky blue?"}],
            },
        }
    )
    requests.append(
        {
            "custom_id": "weather-tool",
            "params": {
                "model": MODEL,
                "max_tokens": 512,
                "tools": [
                    {
                        "name": "get_weather",
                        "description": "Current weather for a city",
                        "input_schema": {
                            "type": "object",
                            "properties": {"city": {"type": "string"}},
                            "required": ["city"],
                        },
                    }
                ],
                "tool_choice": {"type": "tool", "name": "get_weather"},
                "messages": [{"role": "user", "content": "What's the weather in Paris?"}],
            },
        }
    )
    requests.append(
        {
            "custom_id": "think-primes",
            "params": {
                "model": MODEL,
                "max_tokens": 4096,
                "thinking": {"type": "enabled", "budget_tokens": 2048},
                "messages": [
                    {"role": "user", "content": "Prove that there are infinitely many primes."},
                    {"role": "assistant", "content": "Suppose"},
                ],
            },
        }
    )
    # Two requests with mistakes only the API checks: they come back as errored results.
    requests.append(
        {
            "custom_id": "bad-role",
            "params": {
                "model": MODEL,
                "max_tokens": 64,
                "messages": [{"role": "robot", "content": "beep"}],  # type: ignore[typeddict-item]
            },
        }
    )
    requests.append(
        {
            "custom_id": "bad-temperature",
            "params": {
                "model": MODEL,
                "max_tokens": 64,
                "temperature": 7.5,
                "messages": [{"role": "user", "content": "Hello"}],
            },
        }
    )
    return requests


def open_client() -> tuple[Anthropic, Callable[[], float]]:
    """The real API when ANTHROPIC_API_KEY is set, else the in-process emulator."""
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Running on the real Anthropic API (ANTHROPIC_API_KEY is set).")
        return Anthropic(), time.time
    from anthropic.emulator import Emulator, ManualClock

    print("No ANTHROPIC_API_KEY: running on the in-process emulator (virtual time, no network).")
    clock = ManualClock()
    emulator = Emulator(clock=clock, processing_time=15 * 60, seed=2026)
    return emulator.client(), clock.now


def main() -> int:
    client, now = open_client()
    with client:
        requests = build_requests()
        batch = client.messages.batches.create(requests=requests)
        print(f"Created {batch.id} with {len(requests)} requests ({batch.processing_status}).")

        started = now()

        def show(b: MessageBatch) -> None:
            elapsed = int(now() - started)
            counts = ", ".join(f"{k} {v}" for k, v in b.request_counts.items() if v)
            print(f"  [{elapsed // 60:02d}:{elapsed % 60:02d}] {b.processing_status:<11} {counts}")

        batch = client.messages.batches.wait(
            batch.id, poll_interval=60, max_poll_interval=120, on_progress=show
        )
        print(f"Ended after {int(now() - started) // 60} minutes: {dict(batch.request_counts)}")

        kinds: Counter[str] = Counter()
        answers: Dict[str, str] = {}
        failures: List[str] = []
        output_tokens = 0
        with client.messages.batches.results(batch) as results:
            for entry in results:
                result = entry.result
                kinds[result.type] += 1
                if result.type == "succeeded":
                    output_tokens += result.message.usage.output_tokens
                    content = result.message.content
                    tool = next((b for b in content if b.type == "tool_use"), None)
                    text = next((b.text for b in content if b.type == "text"), "")
                    shown = f"(calls tool {tool.name} with {tool.input})" if tool else text
                    answers[entry.custom_id] = shown[:70]
                elif result.type == "errored":
                    failures.append(
                        f"  {entry.custom_id:<16} {result.error.error.type}: "
                        f"{result.error.error.message[:60]}"
                    )

        print("\nResults by type: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        print(f"Output tokens: {output_tokens}")
        print("A few answers:")
        for custom_id in ("question-00", "question-03", "concise-system", "weather-tool"):
            if custom_id in answers:
                print(f"  {custom_id:<16} {answers[custom_id]}")
        if failures:
            print("Errored (fix these requests before retrying):")
            print("\n".join(sorted(failures)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
