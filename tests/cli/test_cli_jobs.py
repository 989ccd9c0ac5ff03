"""A many-batch job driven end to end from the shell: several ids and ``--job FILE``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, List

import pytest
from cli_helpers import FakeTerminal, Run, SteppingClock, request_line

from anthropic.cli import _parser
from anthropic.emulator import Emulator

Cli = Callable[..., Run]
Jsonl = Callable[..., Path]

_FAST = ("--poll-interval", "0.001", "--max-poll-interval", "0.001")


def _submit_job(cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator) -> Path:
    job = tmp_path / "job.json"
    path = jsonl(*[request_line(f"r{i}") for i in range(4)], request_line("bad-4"))
    emu.processing_time = 60
    run = cli("submit", str(path), "--max-requests-per-batch", "2", "--save-job", str(job))
    assert run.code == 0 and "Submitted 5 requests as 3 batches:" in run.out
    return job


def _ids(job: Path) -> List[str]:
    ids: List[str] = json.loads(job.read_text())["batch_ids"]
    return ids


def test_a_job_submitted_without_wait_is_finished_with_job_file(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator, clock: SteppingClock
) -> None:
    job = _submit_job(cli, jsonl, tmp_path, emu)
    clock.frozen = False
    waited = cli("wait", "--job", str(job), *_FAST)
    assert waited.code == 0
    # stderr is not a terminal: one plain line per change, then the job's last state.
    lines = waited.err.splitlines()
    assert lines[0].endswith("] 3 batches: 0/5 done (0 ok), 0 ended")
    assert lines[-1].endswith("] 3 batches: 5/5 done (4 ok, 1 errored), 3 ended")
    assert "waited" in waited.out

    status = cli("status", "--job", str(job), "--json")
    assert [b["id"] for b in status.json_lines()] == _ids(job)

    out = tmp_path / "results.jsonl"
    saved = cli("results", "--job", str(job), "-o", str(out), "--json")
    [report] = saved.json_lines()
    assert saved.code == 0 and report["lines"] == 5 and report["batch_ids"] == _ids(job)
    custom_ids = [json.loads(line)["custom_id"] for line in out.read_text().splitlines()]
    assert sorted(custom_ids) == sorted(["r0", "r1", "r2", "r3", "bad-4"])
    assert not Path(f"{out}.parts").exists()
    logged = cli("results", "--job", str(job), "-o", str(tmp_path / "again.jsonl"))
    lines = logged.err.splitlines()  # not a terminal: plain lines, one per saved batch
    assert lines[0].endswith("] 3 batches saving: 0")
    notes = [line for line in lines if " saved " in line and " batches (" in line]
    assert len(notes) == 3 and notes[-1].endswith(")") and "saved 3/3 batches (" in notes[-1]
    assert lines[-1].endswith("] 3 batches saved: 5/5 (100%)")

    summary = cli("summary", "--job", str(job), "--json")
    [body] = summary.json_lines()
    assert body["batch_ids"] == _ids(job) and body["counts"]["errored"] == 1

    human = cli("summary", *_ids(job)[:2])
    assert human.out.startswith("2 batches: 4 results")


def test_several_ids_and_cancel_with_a_job_file(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator
) -> None:
    job = _submit_job(cli, jsonl, tmp_path, emu)
    ids = _ids(job)
    got = cli("get", *ids)
    assert got.code == 0 and "3 batches: 0/5 done (0 ok), 0 ended" in got.out
    canceled = cli("cancel", "--job", str(job), ids[0], "--json")  # each batch once
    assert [b["id"] for b in canceled.json_lines()] == ids
    assert emu.count("cancel") == 3


def test_wait_timeout_hint_names_shell_commands_for_the_job(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator
) -> None:
    job = _submit_job(cli, jsonl, tmp_path, emu)
    run = cli("wait", "--job", str(job), "--timeout", "0")
    assert run.code == 3
    assert "3 batches still running on the server" in run.err
    assert f"anthropic-batches cancel --job {job}" in run.err
    by_id = cli("wait", *_ids(job), "--timeout", "0")
    assert "anthropic-batches cancel " + " ".join(_ids(job)) in by_id.err


def test_job_progress_draws_a_bar_on_a_terminal(
    cli: Cli,
    jsonl: Jsonl,
    tmp_path: Path,
    emu: Emulator,
    clock: SteppingClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = _submit_job(cli, jsonl, tmp_path, emu)
    clock.frozen = False
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run = cli("wait", "--job", str(job), *_FAST)
    drawn = terminal.getvalue()
    assert run.code == 0 and "3/3 ended" in drawn and "5/5" in drawn
    assert "] 3 batches:" not in drawn  # the bar, not the log lines


def test_ctrl_c_says_the_batches_keep_running(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _submit_job(cli, jsonl, tmp_path, emu)

    def interrupt(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("anthropic.lib._job.sync_job_wait", interrupt)
    run = cli("wait", "--job", str(job))
    assert run.code == 130
    assert "the 3 batches keep running on the server" in run.err
    assert f"anthropic-batches cancel --job {job}" in run.err
    assert f"anthropic-batches wait --job {job}" in run.err


def test_input_accepts_a_bom_and_rejects_an_unknown_top_level_key(
    offline_cli: Cli, tmp_path: Path
) -> None:
    bom = tmp_path / "bom.jsonl"
    good = json.dumps(request_line("a"))
    bom.write_bytes(b"\xef\xbb\xbf" + good.encode() + b"\n")
    sent = offline_cli("submit", str(bom))
    assert sent.code == 1 and "Connection error" in sent.err  # parsed, then sent (dead URL)

    extra = tmp_path / "extra.jsonl"
    extra.write_text(good + "\n" + json.dumps({**request_line("b"), "model": "x"}) + "\n")
    run = offline_cli("submit", str(extra))
    assert run.code == 2
    assert f"{extra} line 2: unknown top-level key 'model'" in run.err


def test_help_documents_json_lines_and_every_exit_code(offline_cli: Cli) -> None:
    text = offline_cli("--help").out
    assert "JSON Lines" in text
    for code in ("0", "1", "2", "3", "4", "130", "141"):
        assert f"\n  {code} " in text
    assert _parser.EXIT_BROKEN_PIPE == 141


def test_a_job_file_as_a_batch_id_is_a_usage_error(offline_cli: Cli) -> None:
    run = offline_cli("wait", "job.json")
    assert run.code == 2 and "use: --job job.json" in run.err
    missing = offline_cli("wait", "--job", "nope.json")
    assert missing.code == 2 and "--job nope.json" in missing.err


def test_results_of_several_batches_to_stdout_once_each(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator
) -> None:
    emu.processing_time = 0
    path = jsonl(*[request_line(f"r{i}") for i in range(5)])
    job = tmp_path / "job.json"
    assert (
        cli("submit", str(path), "--max-requests-per-batch", "2", "--save-job", str(job)).code == 0
    )
    run = cli("results", "--job", str(job))
    ids = [json.loads(line)["custom_id"] for line in run.out.splitlines()]
    assert run.code == 0 and sorted(ids) == [f"r{i}" for i in range(5)]


def test_summary_reports_cost_from_a_price_table_and_draws_charts(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    emu.processing_time = 0
    path = jsonl(request_line("a"), request_line("bad-b"))
    job = tmp_path / "job.json"
    assert cli("submit", str(path), "--save-job", str(job)).code == 0
    prices = tmp_path / "prices.json"
    model = request_line("a")["params"]["model"]
    prices.write_text(json.dumps({model: {"input": 1_000_000.0, "output": 0.0}}))
    [body] = cli("summary", "--job", str(job), "--prices", str(prices), "--json").json_lines()
    cost = body["cost"]
    assert cost["batch_discount"] == 0.5 and cost["total"] > 0 and cost["unpriced"] == []
    plain = cli("summary", "--job", str(job), "--prices", str(prices), "--batch-discount", "0")
    assert "results by type" in plain.out and "output tokens per message" in plain.out
    assert "cost: " in plain.out and " #" in plain.out
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert cli("summary", "--job", str(job)).code == 0
    assert "█" in terminal.getvalue()  # rich bars on a terminal
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({model: {"input": -1}}))
    run = cli("summary", "--job", str(job), "--prices", str(bad))
    assert run.code == 2 and "--prices" in run.err and "'input'" in run.err


def test_ctrl_c_outside_a_wait_says_only_interrupted(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = _submit_job(cli, jsonl, tmp_path, emu)

    def interrupt(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr("anthropic.lib.summarize", interrupt)
    run = cli("summary", "--job", str(job))
    assert run.code == 130 and run.err == "error: interrupted\n"
