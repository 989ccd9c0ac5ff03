"""Installed beside the official SDK (distribution ``anthropic``), we say so loudly where
it costs nothing: the CLI and the emulator at start-up, and ``check_installation()``."""

from __future__ import annotations

import importlib.metadata
from typing import Callable

import pytest
from cli_helpers import Run

import anthropic.lib
from anthropic import _distribution


def _official_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    real_version = importlib.metadata.version

    def version(name: str) -> str:
        return "0.66.0" if name == "anthropic" else real_version(name)

    monkeypatch.setattr(importlib.metadata, "version", version)


def test_no_conflict_when_only_we_are_installed() -> None:
    assert anthropic.lib.check_installation() == []
    assert importlib.metadata.distribution("anthropic-batches").metadata["Name"] == (
        "anthropic-batches"
    )


def test_conflict_names_both_distributions_and_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    _official_installed(monkeypatch)
    (message,) = anthropic.lib.check_installation()
    assert "'anthropic-batches'" in message
    assert "official 'anthropic' 0.66.0" in message
    assert "pip uninstall -y anthropic anthropic-batches && pip install anthropic-batches" in (
        message
    )
    assert anthropic.lib.check_installation is _distribution.installation_conflicts


def test_cli_warns_on_stderr_and_keeps_stdout_clean(
    monkeypatch: pytest.MonkeyPatch, offline_cli: Callable[..., Run]
) -> None:
    _official_installed(monkeypatch)
    run = offline_cli("--json", "get", "msgbatch_01")
    assert run.err.startswith("warning: both 'anthropic-batches' and the official 'anthropic'")
    assert "warning:" not in run.out


def test_cli_is_quiet_without_a_conflict(offline_cli: Callable[..., Run]) -> None:
    run = offline_cli("--json", "get", "msgbatch_01")
    assert "warning: both" not in run.err
