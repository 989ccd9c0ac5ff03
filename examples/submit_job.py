"""Submit more requests than one batch holds, save the job, resume it elsewhere.

    python examples/submit_job.py [N]        # N requests (default 2,500)

``submit`` streams the generator into as many batches as the limits need (here at most
1,000 requests per batch, to show the split), holding one batch in memory at most. The
job is saved to JSON and resumed from a second client, as another process would.

With ANTHROPIC_API_KEY set this talks to the API (mind the cost of N requests); without
it, it runs offline on the in-process emulator.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Dict, Iterator

from anthropic import Anthropic
from anthropic.lib import BatchSubmitError, JobProgress

MODEL = "claude-sonnet-4-20250514"


def client_factory() -> Callable[[], Anthropic]:
    """New clients: each stands for one process (they share the emulator offline)."""
    if os.environ.get("ANTHROPIC_API_KEY"):
        print("Running on the real Anthropic API (ANTHROPIC_API_KEY is set).")
        return Anthropic
    from anthropic.emulator import Emulator, ManualClock

    print("No ANTHROPIC_API_KEY: running on the in-process emulator (virtual time, no network).")

    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=1800)
    return lambda: emu.client(_sleep=emu.advance, _clock=clock.now)


def requests(n: int) -> Iterator[Dict[str, Any]]:
    for i in range(n):
        yield {
            "custom_id": f"row-{i}",
            "params": {
                "model": MODEL,
                "max_tokens": 32,
                "messages": [{"role": "user", "content": f"Say the number {i} in French."}],
            },
        }


def show(progress: JobProgress) -> None:
    print(
        f"  {progress.ended_batches}/{progress.batch_count} batches ended, "
        f"{progress.total} requests: {progress.counts}"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_500
    new_client = client_factory()
    job_file = Path(tempfile.mkdtemp()) / "job.json"

    with new_client() as client:  # "process 1": submit and save
        try:
            job = client.messages.batches.submit(requests(n), max_requests_per_batch=1_000)
        except BatchSubmitError as exc:
            print(f"submit stopped: {exc}; canceling what was created")
            exc.job.cancel()
            raise
        job.save(job_file)
        print(f"submitted {job.request_count} requests as {len(job.batch_ids)} batches")
        print(f"saved the job to {job_file}")

    with new_client() as client:  # "process 2": resume, wait, read
        job = client.messages.batches.job(job_file)
        show(job.progress())
        job.wait(timeout=26 * 3600)
        show(job.progress())
        seen = sum(1 for _ in job.results())
        print(f"read {seen} results from {len(job.batch_ids)} batches")


if __name__ == "__main__":
    main()
