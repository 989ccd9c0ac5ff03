"""Create a batch, wait for it with progress, then summarize and read its results.

    python examples/wait_and_summarize.py

With ANTHROPIC_API_KEY set this talks to the API (3 small requests); without it, it runs
offline on the in-process emulator, whose clock jumps forward instead of sleeping.
"""

from __future__ import annotations

import os

from anthropic import Anthropic
from anthropic.lib import BatchResultError, BatchWaitTimeout, summarize, unwrap
from anthropic.types.messages import MessageBatch

MODEL = "claude-sonnet-4-20250514"


def make_client() -> Anthropic:
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Running on the real Anthropic API (ANTHROPIC_API_KEY is set).")
        return Anthropic()
    from anthropic.emulator import Emulator, ManualClock

    print("No ANTHROPIC_API_KEY: running on the in-process emulator (virtual time, no network).")

    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=240)  # batches take 4 "minutes"
    return emu.client(_sleep=emu.advance, _clock=clock.now)


def show(batch: MessageBatch) -> None:
    counts = batch.request_counts
    print(f"  {batch.processing_status:<11} processing={counts.processing} done={counts.succeeded}")


def main() -> None:
    client = make_client()
    questions = {"q-paris": "Capital of France?", "q-primes": "Name three primes."}
    questions["q-tea"] = "One word for a hot drink?"
    requests = [
        {
            "custom_id": custom_id,
            "params": {
                "model": MODEL,
                "max_tokens": 64,
                "messages": [{"role": "user", "content": text}],
            },
        }
        for custom_id, text in questions.items()
    ]
    with client:
        batch = client.messages.batches.create(requests=requests)  # type: ignore[arg-type]
        print(f"created {batch.id}; waiting:")
        try:
            batch = client.messages.batches.wait(batch, timeout=3 * 3600, on_progress=show)
        except BatchWaitTimeout as exc:
            print(f"gave up: {exc}")
            return

        with client.messages.batches.results(batch) as results:
            summary = summarize(results, submitted=list(questions), batches=[batch])
        print(
            f"results: {summary.counts}; tokens in/out: "
            f"{summary.usage.input_tokens}/{summary.usage.output_tokens}"
        )
        print("all good" if summary.ok else summary.describe_failures())

        with client.messages.batches.results(batch) as results:
            for entry in results:
                try:
                    message = unwrap(entry)
                except BatchResultError as exc:
                    print(f"  {exc.custom_id}: {exc.result_type} ({exc.error_type})")
                    continue
                text = "".join(b.text for b in message.content if b.type == "text")
                print(f"  {entry.custom_id}: {text[:60]!r}")


if __name__ == "__main__":
    main()
