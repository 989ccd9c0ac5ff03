"""Exit codes, error output, secrets, progress on terminals only, and the real executables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from cli_helpers import SECRET, FakeTerminal, Run, SteppingClock

from anthropic.cli import _commands, _progress
from anthropic.emulator import EmulatorServer

Cli = Callable[..., Run]
MakeBatch = Callable[..., str]


# -- usage (2) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "the following arguments are required: COMMAND"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["get"], "name at least one batch: BATCH_ID ... or --job FILE"),
        (["wait", "job.json"], "for a job saved by submit --save-job, use: --job job.json"),
        (["list", "--limit", "0"], "argument --limit: must be at least 1"),
        (["list", "--limit", "many"], "expected a whole number"),
        (["--max-retries", "-1", "list"], "must be 0 or more"),
        (["list", "--request-timeout", "0"], "must be more than 0 seconds"),
        (["list", "--base-url", "ftp://example.com"], "base_url must be an absolute http(s) URL"),
        (["list", "--base-url", "http://[::1"], "invalid base URL: "),
        (["results", "msgbatch_1", "-o", ""], "argument -o/--output: must name a file"),
    ],
)
def test_usage_errors_exit_2(offline_cli: Cli, argv: list, message: str) -> None:
    run = offline_cli(*argv)
    assert run.code == 2 and run.out == ""
    assert message in run.err


BAD_IDS = ["", " ", ".", "..", "msgbatch_\udcff", "msgbatch_1\n", "\x01"]
ID_COMMANDS = [
    ["get"],
    ["cancel"],
    ["delete"],
    ["wait"],
    ["results"],
    ["results", "-o", "out.jsonl"],
    ["summary"],
]


@pytest.mark.parametrize("command", ID_COMMANDS, ids=lambda c: "-".join(c))
@pytest.mark.parametrize("bad_id", BAD_IDS, ids=repr)
def test_a_batch_id_that_cannot_name_a_batch_is_a_usage_error(
    offline_cli: Cli, command: list, bad_id: str
) -> None:
    name, *rest = command
    run = offline_cli(name, bad_id, *rest)
    assert (run.code, run.out) == (2, "")
    assert "error: argument BATCH_ID: " in run.err and "Traceback" not in run.err
    as_json = offline_cli("--json", name, bad_id, *rest)
    assert (as_json.code, as_json.out) == (2, "")
    error = json.loads(as_json.err)["error"]
    assert error["type"] == "usage_error" and "BATCH_ID" in error["message"]


def test_an_argument_the_sdk_refuses_is_a_usage_error_not_a_traceback(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = "message_batch_id must be a non-empty string"

    def refuse(ctx: object) -> int:
        raise ValueError(message)

    monkeypatch.setitem(_commands.COMMANDS, "get", refuse)
    run = cli("get", "msgbatch_1")
    assert (run.code, run.err) == (2, f"error: {message}\n")
    error = json.loads(cli("get", "msgbatch_1", "--json").err)["error"]
    assert error == {"type": "usage_error", "message": message}


def test_help_lists_commands_and_exit_codes(offline_cli: Cli) -> None:
    cli = offline_cli
    run = cli("--help")
    assert run.code == 0
    for word in ("submit", "list", "get", "cancel", "delete", "wait", "results", "summary"):
        assert f"    {word} " in run.out
    assert "exit codes:" in run.out and "130  interrupted" in run.out
    assert cli("--version").out.startswith("anthropic-batches ")
    assert "exit codes:" in cli("wait", "--help").out


def test_options_work_before_and_after_the_command(cli: Cli, make_batch: MakeBatch) -> None:
    batch_id = make_batch("a")
    before = cli("--json", "--max-retries", "0", "get", batch_id)
    after = cli("get", batch_id, "--json", "--max-retries", "0")
    assert before.out == after.out and json.loads(before.out)["id"] == batch_id


def test_missing_credentials_exit_2(offline_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    run = offline_cli("list")
    assert run.code == 2
    assert run.err == (
        "error: no API key: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), or pass --api-key.\n"
    )


# -- API and connection errors (1) -----------------------------------------------------------


def test_not_found_exit_1_with_json_error(cli: Cli) -> None:
    run = cli("get", "msgbatch_missing", "--json")
    assert run.code == 1 and run.out == ""
    error = json.loads(run.err)["error"]
    assert error["type"] == "api_status_error"
    assert error["status_code"] == 404 and error["error_type"] == "not_found_error"
    assert error["request_id"].startswith("req_")


def test_connection_error_exit_1_names_the_base_url(offline_cli: Cli) -> None:
    run = offline_cli("list", "--max-retries", "0")
    assert run.code == 1
    assert run.err.startswith("error: Connection error")
    assert "(base URL: http://127.0.0.1:9)" in run.err


# -- secrets ---------------------------------------------------------------------------------


def test_key_is_never_printed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, make_batch: MakeBatch
) -> None:
    # (``cli`` itself asserts SECRET is absent from stdout and stderr of every run.)
    wrong = cli("list", "--api-key", "sk-wrong-key-42")
    assert wrong.code == 1 and "401 authentication_error" in wrong.err
    assert "sk-wrong-key-42" not in wrong.err
    echoed = cli("get", make_batch("a"), SECRET)  # a key pasted in the wrong place
    assert echoed.code == 2 and "unrecognized arguments: *** (an API key" in echoed.err
    assert "--api-key KEY" in cli("--help").out
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    assert cli("--api-key", SECRET, "get", make_batch("b")).code == 0
    assert cli(f"--api-key={SECRET}", "get", "x", "--bogus").code == 2


# -- interrupted (130) -----------------------------------------------------------------------


def test_ctrl_c_exits_130(offline_cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(ctx: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setitem(_commands.COMMANDS, "list", interrupted)
    run = offline_cli("list")
    assert (run.code, run.out, run.err) == (130, "", "error: interrupted\n")


# -- progress: stderr, terminals only --------------------------------------------------------


def _wait_on_terminal(
    cli: Cli, make_batch: MakeBatch, clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> tuple:
    batch_id = make_batch("a", "b", processing_time=60)
    clock.frozen = False
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run = cli("wait", batch_id, "--poll-interval", "0.001", "--max-poll-interval", "0.001")
    return run, terminal.getvalue(), batch_id


def test_wait_draws_a_rich_bar_on_a_terminal(
    cli: Cli, make_batch: MakeBatch, clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    run, drawn, batch_id = _wait_on_terminal(cli, make_batch, clock, monkeypatch)
    assert run.code == 0 and run.out.startswith(f"{batch_id} ended")
    assert f"{batch_id} ended" in drawn and "2/2" in drawn and "100%" in drawn
    assert "0:00:0" in drawn  # elapsed time column


def test_wait_draws_a_plain_bar_without_rich(
    cli: Cli, make_batch: MakeBatch, clock: SteppingClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_progress, "load_rich", lambda: False)
    run, drawn, batch_id = _wait_on_terminal(cli, make_batch, clock, monkeypatch)
    assert run.code == 0
    assert drawn.startswith('note: pip install "anthropic-batches[cli]" for a live progress bar\n')
    final = drawn.rstrip("\n").rsplit("\r", 1)[1]
    assert final.startswith(f"{batch_id} ended [########################] 2/2 100% ")


def test_results_progress_only_on_a_terminal(
    cli: Cli, make_batch: MakeBatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch_id = make_batch("a", "b", "c")
    plain = cli("results", batch_id)
    assert plain.err == ""
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    on_tty = cli("results", batch_id)
    assert on_tty.out == plain.out  # stdout is the same JSONL either way
    assert "3/3" in terminal.getvalue()


# -- the real executables --------------------------------------------------------------------


def _env(server: EmulatorServer) -> dict:
    # As a user's shell would have it (the suite itself runs with ANTHROPIC_LOG=debug).
    env = {**os.environ, "ANTHROPIC_BASE_URL": server.base_url, "ANTHROPIC_API_KEY": SECRET}
    env.pop("ANTHROPIC_LOG", None)
    return env


def test_python_dash_m_anthropic(server: EmulatorServer, make_batch: MakeBatch) -> None:
    batch_id = make_batch("a", "bad-b")
    proc = subprocess.run(
        [sys.executable, "-m", "anthropic", "--json", "summary", batch_id, "--strict"],
        env=_env(server), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 4
    assert json.loads(proc.stdout)["counts"]["errored"] == 1
    assert json.loads(proc.stderr)["error"]["type"] == "failures"
    assert SECRET not in proc.stdout + proc.stderr


def test_console_script(server: EmulatorServer, make_batch: MakeBatch) -> None:
    script = Path(sys.executable).with_name("anthropic-batches")
    if not script.exists():
        pytest.skip("the anthropic-batches console script is not installed in this environment")
    batch_id = make_batch("a")
    proc = subprocess.run(
        [str(script), "list"], env=_env(server), capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.splitlines()[1].split()[:2] == [batch_id, "ended"]


def test_tables_use_rich_when_stdout_is_a_terminal(
    cli: Cli, make_batch: MakeBatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch_id = make_batch("ok", "bad")
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert cli("summary", batch_id).code == 0
    drawn = terminal.getvalue()
    assert drawn.startswith(f"{batch_id}: 2 results\n")
    assert "┏" in drawn  # a rich table, not plain columns
    assert any(line.startswith("│ succeeded ") for line in drawn.splitlines())
