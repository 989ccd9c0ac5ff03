"""Import cost in a fresh interpreter: ``import anthropic`` vs ``import httpx, pydantic``.

Each measurement is a new ``python`` process that times only the import statement
(interpreter start-up is the same for both and is left out). The raw floor is the
issue's: ``import httpx, pydantic``. pydantic 2 imports lazily, and so does ``anthropic``
(pydantic's models load on the first parse), so both sides pay the same way; the note also
reports the floor that touches ``pydantic.BaseModel``.

    python benchmarks/bench_import.py [--quick]
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import List

import _harness as h

OURS = (
    "import time; t = time.perf_counter(); import anthropic; dt = time.perf_counter() - t; "
    "import json, sys; print(json.dumps({'s': dt, 'ok': callable(anthropic.Anthropic), "
    "'httpx': 'httpx' in sys.modules}))"
)
RAW = (
    "import time; t = time.perf_counter(); import httpx, pydantic; "
    "from pydantic import BaseModel; dt = time.perf_counter() - t; "
    "import json; print(json.dumps({'s': dt, 'ok': callable(httpx.Client) "
    "and isinstance(BaseModel, type), 'httpx': True}))"
)
RAW_BARE = (
    "import time; t = time.perf_counter(); import httpx, pydantic; "
    "dt = time.perf_counter() - t; import json; print(json.dumps({'s': dt, 'ok': True, "
    "'httpx': True}))"
)


def _fresh(code: str) -> h.Measured:
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=h.child_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    h.check(out.returncode == 0, f"import failed: {out.stderr.strip()[-500:]}")
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return h.Measured(data, data["s"])


def _verify(data: dict) -> None:
    h.check(bool(data["ok"]) and bool(data["httpx"]), f"import did not produce the API: {data}")


def run(quick: bool) -> List[h.Row]:
    rounds = 1 if quick else 15
    row = h.compare(
        "import anthropic (fresh interpreter)",
        ours=lambda: _fresh(OURS),
        raw=lambda: _fresh(RAW_BARE),
        verify=_verify,
        rounds=rounds,
        target=1.5,
        warmup=0 if quick else 1,
        memory=False,
    )
    with_model = sorted(_fresh(RAW).seconds for _ in range(1 if quick else 5))
    model_median = with_model[len(with_model) // 2]
    row.raw_label = "import httpx, pydantic"
    row.note = (
        "raw = `import httpx, pydantic`; vs `import httpx, pydantic; from pydantic import "
        f"BaseModel` ({model_median * 1000:.0f} ms) the ratio is {row.ours / model_median:.2f}x"
    )
    return [row]


if __name__ == "__main__":
    h.main(run)
