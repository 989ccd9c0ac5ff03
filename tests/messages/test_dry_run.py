"""``anthropic.lib.dry_run`` / ``adry_run``: try a batch's first requests as direct calls
(on the emulator) and report the ones whose params the API rejects."""

from __future__ import annotations

from typing import Any, Dict, List

import pytest

import anthropic
from anthropic.emulator import Emulator, Fault
from anthropic.lib import DryRunReport, adry_run, dry_run

pytestmark = pytest.mark.anyio


def requests(n: int = 5) -> List[Dict[str, Any]]:
    out: List[Dict[str, Any]] = []
    for i in range(n):
        params: Dict[str, Any] = {
            "model": "claude-sonnet-4-20250514",
            "max_tokens": 64_000,  # fine in a batch; the dry run streams, so no guard
            "messages": [{"role": "user", "content": f"Question {i}"}],
        }
        out.append({"custom_id": f"q-{i}", "params": params})
    out[1]["params"]["temperature"] = 3  # the API rejects it (0 to 1)
    out[2]["params"]["max_tokens"] = 0  # caught locally, nothing sent
    return out


async def run(flavor: str, emu: Emulator, reqs: List[Dict[str, Any]], n: int) -> DryRunReport:
    if flavor == "sync":
        with emu.client() as client:
            return dry_run(client, reqs, n=n)
    async with emu.async_client() as client:
        return await adry_run(client, reqs, n=n)


async def test_dry_run_reports_rejected_params_and_tries_only_n(flavor: str) -> None:
    emu = Emulator()
    report = await run(flavor, emu, requests(), n=3)
    assert [r.custom_id for r in report.results] == ["q-0", "q-1", "q-2"]
    assert [r.ok for r in report.results] == [True, False, False]
    assert not report.ok
    assert [r.custom_id for r in report.rejected] == ["q-1", "q-2"]
    assert isinstance(report.results[1].error, anthropic.BadRequestError)
    assert "temperature" in str(report.results[1].error)
    assert isinstance(report.results[2].error, ValueError)
    assert "max_tokens" in str(report.results[2].error)
    message = report.results[0].message
    assert message is not None and message.content[0].type == "text"
    assert "q-1" in str(report) and "rejected" in str(report)
    sent = [entry for entry in emu.requests_log if entry.route == "messages"]
    assert len(sent) == 2  # q-0 and q-1; q-2 failed locally


async def test_dry_run_of_good_requests_is_ok(flavor: str) -> None:
    good = [r for i, r in enumerate(requests()) if i not in (1, 2)]
    report = await run(flavor, Emulator(), good, n=10)
    assert report.ok and len(report.results) == 3


# Leaving an httpx body early under trio: trio warns about httpx's own inner async
# generators (encode/httpx#3686; see tests/resources/test_batches_results.py).
@pytest.mark.filterwarnings("ignore:Async generator 'httpx\\.:ResourceWarning")
async def test_server_errors_are_raised_not_reported(flavor: str) -> None:
    emu = Emulator()
    emu.faults.add(Fault.error_event(529))
    with pytest.raises(anthropic.OverloadedError):
        await run(flavor, emu, requests(), n=1)


def test_n_must_be_positive() -> None:
    with Emulator().client() as client, pytest.raises(ValueError, match="n must be"):
        dry_run(client, requests(), n=0)
