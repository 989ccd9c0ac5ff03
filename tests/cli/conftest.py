"""Fixtures for the CLI tests: an emulator served over HTTP and a way to run ``main``.

Every test runs the real command line in-process (``main([...])``) against an
``EmulatorServer`` on 127.0.0.1, with the key in the environment as a user would have it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, List

import pytest
from cli_helpers import DEAD_URL, SECRET, Run, SteppingClock, request_line, responder

from anthropic import Anthropic
from anthropic.cli import main
from anthropic.emulator import Emulator, EmulatorServer


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(step=10.0)


@pytest.fixture
def emu(clock: SteppingClock) -> Emulator:
    return Emulator(clock=clock, api_key=SECRET, responder=responder, seed=7)


@pytest.fixture(scope="session")
def _stopping_servers() -> Iterator[List[threading.Thread]]:
    threads: List[threading.Thread] = []
    yield threads
    for thread in threads:
        thread.join(timeout=30)


@pytest.fixture
def server(emu: Emulator, _stopping_servers: List[threading.Thread]) -> Iterator[EmulatorServer]:
    running = EmulatorServer(emu, host="127.0.0.1", port=0).start()
    try:
        yield running
    finally:
        # uvicorn notices a stop request only every ~0.1 s: stop in the background rather
        # than wait for it after every test (all are joined at the end of the session).
        stopper = threading.Thread(target=running.stop, name="stop-emulator-server")
        stopper.start()
        _stopping_servers.append(stopper)


@pytest.fixture
def env(server: EmulatorServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the CLI at the emulator the way a user would: environment variables."""
    monkeypatch.setenv("ANTHROPIC_BASE_URL", server.base_url)
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)


def _runner(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*argv: str) -> Run:
        capsys.readouterr()  # drop anything printed before
        code = main(list(argv))
        captured = capsys.readouterr()
        assert SECRET not in captured.out and SECRET not in captured.err
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli(env: None, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run ``main([...])`` against the emulator; every run asserts the key is not printed."""
    return _runner(capsys)


@pytest.fixture
def offline_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Run]:
    """Like ``cli`` with no server: the base URL is a closed port, so any request that is
    sent fails with exit 1 (tests of local errors prove nothing was sent by exiting 2)."""
    monkeypatch.setenv("ANTHROPIC_BASE_URL", DEAD_URL)
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    return _runner(capsys)


@pytest.fixture
def client(server: EmulatorServer) -> Iterator[Anthropic]:
    with Anthropic(base_url=server.base_url, api_key=SECRET) as c:
        yield c


@pytest.fixture
def make_batch(client: Anthropic, emu: Emulator) -> Callable[..., str]:
    """Create a batch over HTTP; ``ids`` are the custom_ids (``bad*`` ones will error)."""

    def make(*ids: str, processing_time: float = 0.0) -> str:
        emu.processing_time = processing_time
        batch = client.messages.batches.create(requests=[request_line(i) for i in ids])  # type: ignore[misc]
        return batch.id

    return make


@pytest.fixture
def jsonl(tmp_path: Path) -> Callable[..., Path]:
    def write(*lines: Any, name: str = "requests.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
        return path

    return write
