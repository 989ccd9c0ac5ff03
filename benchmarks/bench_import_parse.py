"""Import + first parse in a fresh interpreter: the time until a program holds its first
parsed ``MessageBatch``.

``import anthropic`` alone hides part of the start-up cost: the SDK loads pydantic, its
own models and their validators on first use. So each measurement is a new ``python``
process that times, from before the first import (interpreter start-up is left out):

- ours: ``import anthropic, httpx``; a client over an ``httpx.MockTransport``;
  ``client.messages.batches.retrieve(id)`` -> a parsed ``MessageBatch``;
- raw floor: ``import httpx, pydantic``; define the floor's batch model (the fields of
  ``_raw_batch.RawBatch``: class creation builds its validator); the same client and
  transport; ``get`` + ``raise_for_status`` + ``model_validate_json`` of the same bytes.

Target ``<= 1.5x``: ours also imports the SDK's own modules (client, resources, errors;
the ``import`` scenario holds those to 1.5x as well) and builds the validator of a model
with more fields and types than the floor's, so some overhead is expected; eagerly
building every model's schema, or importing the CLI or emulator on first use, would show
up as 2x or more.

    python benchmarks/bench_import_parse.py [--quick]
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import List

import _harness as h
import _wire as w

BATCH_ID = "msgbatch_000000000000000000firstparse"
BODY = json.dumps(w.batch_dict(BATCH_ID, 3)).encode()

_PROGRAM = """
import time
t0 = time.perf_counter()
IMPORTS
BODY = BODY_LITERAL
HEADERS = HEADERS_LITERAL

def handler(request):
    return httpx.Response(200, headers=HEADERS, content=BODY)

PARSE
dt = time.perf_counter() - t0
import json
print(json.dumps({"s": dt, "id": batch.id, "status": batch.processing_status,
    "succeeded": batch.request_counts.succeeded, "created": batch.created_at.isoformat()}))
"""


def _program(imports: str, parse: str) -> str:
    """The child's source: both sides share everything but their imports and parse."""
    parts = {
        "IMPORTS": imports,
        "BODY_LITERAL": repr(BODY),
        "HEADERS_LITERAL": repr(w.JSON_HEADERS),
        "PARSE": parse,
    }
    code = _PROGRAM
    for marker, text in parts.items():
        code = code.replace(marker, text, 1)
    return code


OURS = _program(
    "import anthropic, httpx",
    f"""
with anthropic.Anthropic(
    api_key={w.API_KEY!r},
    base_url={w.BASE_URL!r},
    http_client=httpx.Client(transport=httpx.MockTransport(handler)),
) as client:
    batch = client.messages.batches.retrieve({BATCH_ID!r})
""",
)

RAW = _program(
    """import httpx, pydantic
from datetime import datetime
from typing import Optional

class RawRequestCounts(pydantic.BaseModel):
    processing: int
    succeeded: int
    errored: int
    canceled: int
    expired: int

class RawBatch(pydantic.BaseModel):
    id: str
    type: str
    processing_status: str
    request_counts: RawRequestCounts
    created_at: datetime
    expires_at: datetime
    ended_at: Optional[datetime] = None
    cancel_initiated_at: Optional[datetime] = None
    archived_at: Optional[datetime] = None
    results_url: Optional[str] = None
""",
    f"""
with httpx.Client(
    transport=httpx.MockTransport(handler), base_url={w.BASE_URL!r}, headers={w.raw_headers()!r}
) as client:
    response = client.get("/v1/messages/batches/{BATCH_ID}")
    response.raise_for_status()
    batch = RawBatch.model_validate_json(response.content)
""",
)

EXPECTED = {
    "id": BATCH_ID,
    "status": "ended",
    "succeeded": 2,
    "created": "2024-09-13T18:37:24.100435+00:00",
}


def _fresh(code: str) -> h.Measured:
    out = subprocess.run(
        [sys.executable, "-c", code], env=h.child_env(), capture_output=True, text=True, timeout=60
    )
    h.check(out.returncode == 0, f"child failed: {out.stderr.strip()[-800:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return h.Measured(data, data.pop("s"))


def _verify(data: dict) -> None:
    h.check(data == EXPECTED, f"first parse gave {data}, want {EXPECTED}")


def run(quick: bool) -> List[h.Row]:
    rounds = 1 if quick else 15
    row = h.compare(
        "import + first parse (fresh interpreter)",
        ours=lambda: _fresh(OURS),
        raw=lambda: _fresh(RAW),
        verify=_verify,
        rounds=rounds,
        target=1.5,
        warmup=0 if quick else 1,
        memory=False,
        note="ours: import anthropic + client.retrieve; raw: import httpx, pydantic + model "
        "class + httpx get + model_validate_json (same MockTransport and bytes)",
    )
    return [row]


if __name__ == "__main__":
    h.main(run)
