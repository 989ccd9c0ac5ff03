"""submit, summary and results -o: the commands built on ``anthropic.lib``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest
from cli_helpers import Run, SteppingClock, request_line

from anthropic import Anthropic
from anthropic.emulator import Emulator

Cli = Callable[..., Run]
MakeBatch = Callable[..., str]
Jsonl = Callable[..., Path]


# -- submit ----------------------------------------------------------------------------------


def test_submit_chunks_and_saves_the_job(
    cli: Cli, jsonl: Jsonl, tmp_path: Path, client: Anthropic
) -> None:
    path = jsonl(*(request_line(f"r{i}") for i in range(5)), "")  # a blank line is fine
    job_file = tmp_path / "job.json"
    run = cli("submit", str(path), "--max-requests-per-batch", "2", "--save-job", str(job_file))
    assert run.code == 0 and run.err == ""
    lines = run.out.splitlines()
    assert lines[0] == "Submitted 5 requests as 3 batches:"
    ids = [line.strip() for line in lines[1:4]]
    assert all(i.startswith("msgbatch_") for i in ids)
    assert lines[4] == f"Saved the job to {job_file}"
    assert json.loads(job_file.read_text())["batch_ids"] == ids
    counts = [sum(client.messages.batches.retrieve(i).request_counts.values()) for i in ids]
    assert counts == [2, 2, 1]


def test_submit_json_and_wait(cli: Cli, jsonl: Jsonl, clock: SteppingClock, emu: Emulator) -> None:
    path = jsonl(request_line("a"), request_line("bad-b"), request_line("c"))
    emu.processing_time = 60
    clock.frozen = False
    run = cli(
        "submit", str(path), "--json", "--wait",
        "--max-requests-per-batch", "2", "--poll-interval", "0.001", "--max-poll-interval", "0.001",
    )  # fmt: skip
    assert run.code == 0 and run.err == ""  # --json: stderr holds only JSON errors
    # One shape on stdout: a message_batch per line (as created, then as ended).
    lines = run.json_lines()
    assert {b["type"] for b in lines} == {"message_batch"} and len(lines) == 4
    created, batches = lines[:2], lines[2:]
    assert sum(sum(b["request_counts"].values()) for b in created) == 3
    assert [b["id"] for b in batches] == [b["id"] for b in created]
    assert all(b["processing_status"] == "ended" for b in batches)
    assert sum(b["request_counts"]["errored"] for b in batches) == 1
    assert emu.count("retrieve") > 2  # it really polled


def test_submit_wait_timeout_exits_3(cli: Cli, jsonl: Jsonl, emu: Emulator) -> None:
    emu.processing_time = 3600  # the clock is frozen: never ends
    run = cli("submit", str(jsonl(request_line("a"))), "--wait", "--timeout", "0")
    assert run.code == 3
    assert run.out.startswith("Submitted 1 request as 1 batch:")
    assert "1 batch still running on the server" in run.err
    assert "anthropic-batches cancel msgbatch_" in run.err


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"custom_id": "a", "params": '], "line 1: not valid JSON"),
        ([request_line("a"), request_line("b", max_tokens=0)], "line 2: requests[1] (custom_id"),
        ([request_line("a"), "", request_line("a")], "line 3: custom_id 'a' is already used"),
        ([request_line("has space")], "line 1: requests[0] (custom_id 'has space'): custom_id"),
        (["", "  "], "no requests"),
    ],
)  # fmt: skip
def test_submit_validation_errors_exit_2_naming_the_line(
    offline_cli: Cli, jsonl: Jsonl, lines: list, message: str
) -> None:
    path = jsonl(*lines)
    run = offline_cli("submit", str(path))
    assert run.code == 2 and run.out == ""  # 2, not 1: nothing was sent to the dead URL
    assert run.err.startswith(f"error: {path}")
    assert message in run.err


def test_submit_missing_file_exits_2(offline_cli: Cli, tmp_path: Path) -> None:
    run = offline_cli("--json", "submit", str(tmp_path / "nope.jsonl"))
    assert run.code == 2
    assert json.loads(run.err)["error"]["type"] == "usage_error"


def test_submit_from_stdin(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(request_line("x")) + "\n"))
    run = cli("submit", "-", "--json")
    [batch] = run.json_lines()
    assert run.code == 0 and batch["request_counts"]["processing"] == 1


# -- summary ---------------------------------------------------------------------------------


def test_summary_human_and_json(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("ok-1", "ok-2", "bad-3")
    run = cli("summary", batch_id)
    assert run.code == 0 and run.err == ""
    out = run.out.splitlines()
    assert out[0] == f"{batch_id}: 3 results"
    assert ["succeeded", "2"] in [line.split() for line in out]
    assert ["errored", "1"] in [line.split() for line in out]
    assert ["invalid_request_error", "1"] in [line.split() for line in out]
    assert any(line.startswith("output_tokens") for line in out)
    assert "1 of 3 requests did not succeed" in run.out

    [body] = cli("summary", batch_id, "--json").json_lines()
    assert body["batch_ids"] == [batch_id] and body["ok"] is False
    assert body["counts"] == {"succeeded": 2, "errored": 1, "canceled": 0, "expired": 0}
    assert body["usage"]["output_tokens"] > 0


def test_summary_strict_exits_4_only_on_failures(cli: Cli, make_batch: MakeBatch) -> None:
    failed = cli("summary", make_batch("ok", "bad"), "--strict")
    assert failed.code == 4
    assert failed.err.startswith("error: 1 of 2 requests did not succeed")

    clean = cli("summary", make_batch("ok-1", "ok-2"), "--strict", "--json")
    assert clean.code == 0 and clean.json_lines()[0]["ok"] is True


# -- results -o ------------------------------------------------------------------------------


def test_results_to_a_file(cli: Cli, make_batch: MakeBatch, tmp_path: Path) -> None:
    batch_id = make_batch("ok-1", "bad-2")
    target = tmp_path / "out" / "results.jsonl"
    target.parent.mkdir()
    run = cli("results", batch_id, "-o", str(target))
    assert run.code == 0  # stderr is no terminal: progress as plain lines, start and end
    logged = [line[11:] for line in run.err.splitlines()]
    assert logged[0] == f"{batch_id} saving: 0/2 (0%)"
    assert logged[-1] == f"{batch_id} saved: 2/2 (100%)"
    assert run.out == f"Saved 2 results: 1 succeeded, 1 errored of {batch_id} to {target}\n"
    ids = {json.loads(line)["custom_id"] for line in target.read_text().splitlines()}
    assert ids == {"ok-1", "bad-2"}
    assert [p.name for p in target.parent.iterdir()] == ["results.jsonl"]  # no temp files

    again = cli("--json", "results", batch_id, "--output", str(target))
    [report] = again.json_lines()
    assert report["complete"] is True and report["lines"] == 2 and again.err == ""


def test_results_to_an_unwritable_place_exits_2(
    cli: Cli, make_batch: MakeBatch, tmp_path: Path
) -> None:
    run = cli("results", make_batch("a"), "-o", str(tmp_path / "no" / "such" / "dir" / "r.jsonl"))
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("error: ") and "No such file or directory" in run.err


def test_results_while_another_save_writes_the_file_exits_2(
    cli: Cli, make_batch: MakeBatch, tmp_path: Path
) -> None:
    from anthropic.lib._results_file import ResultsFile

    target = tmp_path / "r.jsonl"
    with ResultsFile(target):  # another save holds the partial file
        run = cli("results", make_batch("a"), "-o", str(target))
        assert run.code == 2 and run.out == ""
        assert run.err.startswith("error: ") and f"{target}.partial" in run.err
        as_json = json.loads(cli("--json", "results", make_batch("b"), "-o", str(target)).err)
        assert as_json["error"]["type"] == "file_locked"
    assert not target.exists()


def test_results_discarding_a_partial_of_another_batch_says_so(
    cli: Cli, make_batch: MakeBatch, tmp_path: Path
) -> None:
    target = tmp_path / "r.jsonl"
    (tmp_path / "r.jsonl.partial").write_text('{"custom_id": "ok-1", "result": {}}\n')
    run = cli("results", make_batch("ok-1", "ok-2"), "-o", str(target))
    assert run.code == 0 and "discarded" in run.err
    assert len(target.read_text().splitlines()) == 2


def test_results_to_a_directory_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    run = cli("results", "msgbatch_any", "-o", str(tmp_path))
    assert run.code == 2 and run.err.startswith("error: -o ") and "is a directory" in run.err
    assert list(tmp_path.iterdir()) == []
