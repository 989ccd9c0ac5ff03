"""Developer sessions mirroring .ci/run: ``nox -s tests lint typecheck examples bench``."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.reuse_existing_virtualenvs = True

SRC_AND_FRIENDS = ["src", "tests", "examples", "benchmarks", "noxfile.py"]


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (async tests under asyncio and trio)."""
    session.install("-e", ".[dev]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff lint and format check."""
    session.install("ruff")
    session.run("ruff", "check", *SRC_AND_FRIENDS)
    session.run("ruff", "format", "--check", *SRC_AND_FRIENDS)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict and pyright strict on src/ (and the type-only test files)."""
    session.install("-e", ".[dev]")
    session.run("mypy", "--strict", "src")
    session.run("pyright")
    session.run("mypy", "--strict", "tests/typing")
    session.run("pyright", "tests/typing")


@nox.session
def examples(session: nox.Session) -> None:
    """Run every script in examples/ against the in-process emulator."""
    session.install("-e", ".[dev]")
    session.run("pytest", "tests/examples", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The benchmark suite with ratios against the raw-httpx floor (pass --quick for tiny sizes)."""
    session.install("-e", ".[dev]")
    session.run("python", "benchmarks/run.py", *session.posargs)
