"""Re-submit only the requests worth retrying, then join every result to its input.

    python examples/retry_failed.py

After a job, ``retryable_requests`` picks the requests that expired or errored on the
server side (never ``invalid_request_error``: sending those again cannot help) and
returns the original request dicts, ready for the next ``submit``. ``join_results`` pairs
each request with its result by custom_id.

Offline (ANTHROPIC_API_KEY unset) the emulator fails some requests on purpose: one in
five is "overloaded" on the first try, and one has invalid params.
"""

from __future__ import annotations

import os
from typing import Any, Dict, List, Tuple

from anthropic import Anthropic
from anthropic.lib import BatchResultError, join_results, retryable_requests, summarize, unwrap

MODEL = "claude-sonnet-4-20250514"


def make_client() -> Anthropic:
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Running on the real Anthropic API (ANTHROPIC_API_KEY is set).")
        return Anthropic()
    from anthropic.emulator import BatchRequest, Emulator, ManualClock, ResponderError

    print("No ANTHROPIC_API_KEY: running on the in-process emulator (virtual time, no network).")

    tried: Dict[str, int] = {}

    def responder(req: BatchRequest) -> str:
        tried[req.custom_id] = tried.get(req.custom_id, 0) + 1
        if req.custom_id == "item-7":
            raise ResponderError("temperature: must be <= 1", type="invalid_request_error")
        if int(req.custom_id.split("-")[1]) % 5 == 0 and tried[req.custom_id] == 1:
            raise ResponderError("Overloaded", type="overloaded_error")
        return f"answer to {req.custom_id}"

    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=120, responder=responder)
    return emu.client(_sleep=emu.advance, _clock=clock.now)


def request(i: int) -> Dict[str, Any]:
    return {
        "custom_id": f"item-{i}",
        "params": {
            "model": MODEL,
            "max_tokens": 32,
            "messages": [{"role": "user", "content": f"Classify item {i}."}],
        },
    }


def run(client: Anthropic, requests: List[Dict[str, Any]]) -> List[Any]:
    job = client.messages.batches.submit(requests)  # type: ignore[arg-type]
    batches = job.wait()
    results = list(job.results())
    summary = summarize(results, submitted=[r["custom_id"] for r in requests], batches=batches)
    print(f"  {summary.counts} errors: {summary.error_types}")
    return results


def main() -> None:
    requests = [request(i) for i in range(20)]
    final: Dict[str, Any] = {}
    with make_client() as client:
        pending = requests
        for round_ in range(1, 4):  # a few rounds at most, never forever
            print(f"round {round_}: {len(pending)} requests")
            results = run(client, pending)
            final.update({entry.custom_id: entry for entry in results})
            pending = retryable_requests(results, pending)
            if not pending:
                break

    pairs: List[Tuple[Dict[str, Any], Any]] = list(join_results(requests, final.values()))
    for req, entry in pairs:
        if entry is None:
            print(f"  {req['custom_id']}: no result")
            continue
        try:
            unwrap(entry)
        except BatchResultError as exc:
            print(f"  {exc.custom_id}: {exc.result_type} / {exc.error_type}: {exc.error_message}")
    ok = sum(1 for _, entry in pairs if entry is not None and entry.result.type == "succeeded")
    print(f"{ok} of {len(requests)} succeeded in the end")


if __name__ == "__main__":
    main()
