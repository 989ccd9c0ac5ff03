"""The emulator's command line and shutdown at the edges: a clear line, never a traceback."""

from __future__ import annotations

import logging
import socket
import sys
import threading
from typing import List

import httpx
import pytest

from anthropic.emulator import Emulator, Fault
from anthropic.emulator.__main__ import main


def test_port_in_use_is_one_clear_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code = main(["--port", str(port), "--log-level", "warning"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"error: cannot listen on 127.0.0.1:{port}: " in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_without_uvicorn_is_one_clear_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # "not installed"
    monkeypatch.delitem(sys.modules, "anthropic.emulator._server", raising=False)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "needs uvicorn: pip install 'anthropic-batches[emulator]'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv0", "name"),
    [
        ("/venv/bin/anthropic-emulator", "anthropic-emulator"),
        ("/src/anthropic/emulator/__main__.py", "python -m anthropic.emulator"),
    ],
)
def test_help_names_the_command_that_was_run(
    argv0: str, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", [argv0])
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: {name} ")


def test_leaving_serve_with_a_delayed_request_pending_is_quiet(
    caplog: pytest.LogCaptureFixture,
) -> None:
    emu = Emulator(faults=[Fault.delay(3600, route="list")])
    errors: List[BaseException] = []
    caplog.set_level(logging.INFO)
    with emu.serve() as server:
        url = f"{server.base_url}/v1/messages/batches"
        received = threading.Event()

        def call() -> None:
            try:
                received.set()
                httpx.get(url, headers={"x-api-key": "k"}, timeout=60)
            except httpx.HTTPError as exc:
                errors.append(exc)

        caller = threading.Thread(target=call)
        caller.start()
        received.wait(5)
        while emu.count("list") == 0 and caller.is_alive():  # the request is held back
            caller.join(0.01)
    caller.join(30)
    assert not caller.is_alive()
    assert errors and isinstance(errors[0], httpx.RemoteProtocolError)  # closed, not answered
    noisy = [r for r in caplog.records if r.levelno >= logging.ERROR or "Cancelled" in r.message]
    assert noisy == []
