"""Each command end to end: ``main([...])`` against the emulator over HTTP."""

from __future__ import annotations

import json
from typing import Callable

import pytest
from cli_helpers import Run, SteppingClock

from anthropic import Anthropic
from anthropic.emulator import Emulator

Cli = Callable[..., Run]
MakeBatch = Callable[..., str]


# -- list ------------------------------------------------------------------------------------


def test_list_empty(cli: Cli) -> None:
    run = cli("list")
    assert (run.code, run.out, run.err) == (0, "No batches.\n", "")
    assert cli("list", "--json").out == ""


def test_list_table_is_newest_first_and_limited(cli: Cli, make_batch: MakeBatch) -> None:
    ids = [make_batch("a", "b"), make_batch("c"), make_batch("d")]
    run = cli("list")
    assert run.code == 0 and run.err == ""
    header, *rows = run.out.splitlines()
    assert header.split() == [
        "ID", "STATUS", "REQUESTS", "SUCCEEDED", "ERRORED", "CANCELED", "EXPIRED", "CREATED",
    ]  # fmt: skip
    assert [row.split()[0] for row in rows] == ids[::-1]
    assert rows[-1].split()[1:5] == ["ended", "2", "2", "0"]
    assert rows[0].endswith(" UTC")

    limited = cli("list", "--limit", "2")
    assert [row.split()[0] for row in limited.out.splitlines()[1:]] == ids[:0:-1]


def test_list_json_lines_and_all_pages(cli: Cli, make_batch: MakeBatch) -> None:
    ids = [make_batch(f"r{i}") for i in range(3)]
    run = cli("--json", "list", "--limit", "2")
    assert [b["id"] for b in run.json_lines()] == ids[:0:-1]
    everything = cli("list", "--all", "--json").json_lines()
    assert [b["id"] for b in everything] == ids[::-1]
    assert everything[0]["request_counts"]["succeeded"] == 1
    assert everything[0]["type"] == "message_batch"


# -- get / cancel / delete -------------------------------------------------------------------


def test_get_human_and_json(cli: Cli, make_batch: MakeBatch, client: Anthropic) -> None:
    batch_id = make_batch("ok-1", "ok-2", "bad-1")
    run = cli("get", batch_id)
    assert run.code == 0 and run.err == ""
    lines = run.out.splitlines()
    assert lines[0] == batch_id
    assert "  status    ended" in lines
    assert "  requests  3 requests: 2 succeeded, 1 errored" in lines
    assert any(line.startswith("  results   http://127.0.0.1:") for line in lines)

    as_json = cli("get", batch_id, "--json")
    assert as_json.code == 0
    [body] = as_json.json_lines()
    assert body == client.messages.batches.retrieve(batch_id).to_dict(mode="json")


def test_cancel_shows_canceling(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("a", "b", processing_time=3600)
    run = cli("cancel", batch_id)
    assert run.code == 0
    assert run.out.splitlines()[0] == f"{batch_id}: cancel requested"
    assert "  status        canceling" in run.out
    [body] = cli("cancel", batch_id, "--json").json_lines()
    assert body["processing_status"] in ("canceling", "ended")
    assert body["cancel_initiated_at"]


def test_delete(cli: Cli, make_batch: MakeBatch) -> None:
    running = make_batch("a", processing_time=3600)
    refused = cli("delete", running)
    assert refused.code == 1 and refused.out == ""
    assert refused.err.startswith("error: 400 invalid_request_error: ")
    assert "(request_id: req_" in refused.err

    done = make_batch("b")
    assert cli("delete", done).out == f"Deleted {done}\n"
    gone = cli("--json", "delete", done)
    assert gone.code == 1
    assert json.loads(gone.err)["error"]["status_code"] == 404

    again = make_batch("c")
    assert cli("delete", again, "--json").json_lines() == [
        {"id": again, "type": "message_batch_deleted"}
    ]


# -- results ---------------------------------------------------------------------------------


def test_results_to_stdout(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("ok-1", "bad-2", "ok-3")
    run = cli("results", batch_id)
    assert run.code == 0 and run.err == ""
    lines = run.json_lines()
    by_id = {line["custom_id"]: line["result"] for line in lines}
    assert set(by_id) == {"ok-1", "bad-2", "ok-3"}
    assert by_id["ok-1"]["type"] == "succeeded"
    assert by_id["ok-1"]["message"]["content"][0]["text"] == "answer to ok-1"
    assert by_id["bad-2"]["error"]["error"]["type"] == "invalid_request_error"
    assert cli("results", batch_id, "--json").out == run.out  # JSONL either way


def test_results_of_a_running_batch_says_wait(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("a", processing_time=3600)
    run = cli("results", batch_id)
    assert run.code == 1 and run.out == ""
    assert "has not ended" in run.err
    assert f"anthropic-batches wait {batch_id}" in run.err


# -- wait ------------------------------------------------------------------------------------


def test_wait_polls_until_ended(
    cli: Cli, make_batch: MakeBatch, clock: SteppingClock, emu: Emulator
) -> None:
    batch_id = make_batch("a", "b", "bad-c", processing_time=60)
    clock.frozen = False  # every read moves the emulator's clock 10 s: ends after a few polls
    run = cli("wait", batch_id, "--poll-interval", "0.001", "--max-poll-interval", "0.002")
    assert run.code == 0
    # stderr is not a terminal: plain progress lines, one per change of the counts
    progress = run.err.splitlines()
    assert progress[0].endswith("] 1 batch: 0/3 done (0 ok), 0 ended")
    assert progress[-1].endswith("] 1 batch: 3/3 done (2 ok, 1 errored), 1 ended")
    assert len(progress) == len({line[11:] for line in progress})  # no repeats
    first = run.out.splitlines()[0]
    assert first.startswith(f"{batch_id} ended (waited ")
    assert "3 requests: 2 succeeded, 1 errored" in run.out
    assert emu.count("retrieve") >= 3  # the first retrieve, then polls until it ended


def test_wait_json_prints_the_final_batch(
    cli: Cli, make_batch: MakeBatch, clock: SteppingClock
) -> None:
    batch_id = make_batch("a", processing_time=30)
    clock.frozen = False
    run = cli(
        "--json", "wait", batch_id, "--poll-interval", "0.001", "--max-poll-interval", "0.001"
    )
    [body] = run.json_lines()
    assert run.code == 0 and body["id"] == batch_id and body["processing_status"] == "ended"


def test_wait_on_an_ended_batch_returns_at_once(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("a")
    run = cli("wait", batch_id, "--timeout", "0")
    assert run.code == 0 and f"{batch_id} ended" in run.out


def test_wait_timeout_exits_3_with_the_last_state(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("a", processing_time=3600)  # the clock is frozen: never ends
    run = cli("wait", batch_id, "--timeout", "0")
    assert run.code == 3
    assert run.out.splitlines()[0] == f"{batch_id} (still in_progress)"
    assert "error: timed out after 0s: 1 batch still running on the server" in run.err
    assert f"anthropic-batches cancel {batch_id}" in run.err  # a shell command, not Python
    assert "client.messages" not in run.err

    as_json = cli("--json", "wait", batch_id, "--timeout", "0")
    assert as_json.code == 3
    assert as_json.json_lines()[0]["processing_status"] == "in_progress"
    assert json.loads(as_json.err)["error"]["type"] == "wait_timeout"


def test_wait_unknown_id_fails_at_once(cli: Cli) -> None:
    run = cli("wait", "msgbatch_nope", "--poll-interval", "0.001")
    assert run.code == 1 and "404" in run.err


@pytest.mark.parametrize("flag", ["--timeout", "--poll-interval"])
def test_wait_rejects_bad_seconds(cli: Cli, flag: str) -> None:
    run = cli("wait", "x", flag, "-1")
    assert run.code == 2 and f"argument {flag}" in run.err
