"""Download a batch's results to a JSONL file that is complete or absent, never partial.

    python examples/save_results.py [BATCH_ID] [PATH]

``save_results`` writes ``PATH.partial`` and renames it to PATH at the end. If the
connection drops mid-download, it requests the results again and skips every custom_id
already written. Offline (ANTHROPIC_API_KEY unset) the emulator creates a batch and cuts
the results stream twice, mid-line, to show the resume.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Tuple

from anthropic import Anthropic
from anthropic.lib import save_results

MODEL = "claude-sonnet-4-20250514"


def offline_batch() -> Tuple[Anthropic, str]:
    from anthropic.emulator import Emulator, Fault, ManualClock

    clock = ManualClock()
    emu = Emulator(clock=clock, processing_time=60)
    client = emu.client(_sleep=emu.advance, _clock=clock.now)
    requests = [
        {
            "custom_id": f"doc-{i}",
            "params": {
                "model": MODEL,
                "max_tokens": 64,
                "messages": [{"role": "user", "content": f"Summarize document {i}."}],
            },
        }
        for i in range(500)
    ]
    batch = client.messages.batches.create(requests=requests)  # type: ignore[arg-type]
    client.messages.batches.wait(batch)
    emu.faults.add(Fault.cut_stream(after_bytes=40_000, times=1))
    emu.faults.add(Fault.cut_stream(after_bytes=150_007, times=1))
    return client, batch.id


def main() -> None:
    if os.environ.get("ANTHROPIC_API_KEY"):
        if len(sys.argv) < 2:
            sys.exit("usage: save_results.py BATCH_ID [PATH]")
        print("Running on the real Anthropic API (ANTHROPIC_API_KEY is set).")
        client, batch_id = Anthropic(), sys.argv[1]
    else:
        print(
            "No ANTHROPIC_API_KEY: running on the in-process emulator (virtual time, no network)."
        )
        client, batch_id = offline_batch()
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "results.jsonl"

    with client:
        report = save_results(client, batch_id, path)
    print(f"wrote {report.lines} results to {path} in {report.attempts} attempt(s)")
    print(f"  skipped {report.skipped} lines already written; complete: {report.complete}")
    print(f"  by type: {report.counts}")

    with open(path, "rb") as f:
        ids = [json.loads(line)["custom_id"] for line in f]
    assert len(ids) == len(set(ids)) == report.lines, "no duplicates, nothing lost"


if __name__ == "__main__":
    main()
