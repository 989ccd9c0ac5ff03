"""``python -m anthropic.emulator``: serve the emulator over HTTP.

Usage::

    python -m anthropic.emulator --port 4010 --processing-time 30
    ANTHROPIC_BASE_URL=http://127.0.0.1:4010 python my_pipeline.py

Served this way a batch takes a few seconds, as a real one takes a while: a create
answers ``in_progress``, a ``cancel`` right after it answers ``canceling``, and the
batch ends (with ``canceled`` results for a canceled one) after
``DEFAULT_PROCESSING_TIME`` / ``DEFAULT_CANCEL_TIME`` seconds. ``--processing-time 0
--cancel-time 0`` gives the instant batches of ``Emulator()`` (the in-process default,
which tests drive with a ``ManualClock`` instead of waiting).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from typing import List, Optional

from .._distribution import installation_conflicts
from ._clock import Clock
from ._emulator import Emulator

__all__ = ["DEFAULT_CANCEL_TIME", "DEFAULT_PROCESSING_TIME", "build_emulator", "main"]

DEFAULT_PROCESSING_TIME = 5.0
"""Seconds from create to ``ended`` on the command-line server (``--processing-time``)."""

DEFAULT_CANCEL_TIME = 2.0
"""Seconds a canceled batch stays ``canceling`` on the command-line server."""


def _seconds(text: str) -> float:
    """An argparse type: a finite number of seconds >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds >= 0")
    return value


def _positive_seconds(text: str) -> float:
    """An argparse type: a finite number of seconds > 0."""
    value = _seconds(text)
    if value == 0:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds > 0")
    return value


def _prog() -> str:
    """How the user ran us: ``anthropic-emulator`` (the console script) or ``python -m``."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    if name.startswith("anthropic-emulator"):
        return "anthropic-emulator"
    return "python -m anthropic.emulator"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=_prog(),
        description="A local, stateful Anthropic Message Batches API emulator.",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=4010, help="port (default: 4010; 0 = any free)")
    p.add_argument("--api-key", default=None, help="accept only this key (default: any key)")
    p.add_argument(
        "--processing-time",
        type=_seconds,
        default=DEFAULT_PROCESSING_TIME,
        help=(
            f"seconds from create to ended (default: {DEFAULT_PROCESSING_TIME:g}; "
            "0 = ended on the first read after create)"
        ),
    )
    p.add_argument(
        "--cancel-time",
        type=_seconds,
        default=DEFAULT_CANCEL_TIME,
        help=f"seconds a batch stays canceling (default: {DEFAULT_CANCEL_TIME:g}; 0 = none)",
    )
    p.add_argument("--seed", type=int, default=None, help="seed for ids and random faults")
    p.add_argument("--log-level", default="info", help="uvicorn log level (default: info)")
    p.add_argument(
        "--idle-timeout",
        type=_positive_seconds,
        default=5.0,
        help="close a connection that owes or sends nothing for this many seconds (default: 5)",
    )
    return p


def build_emulator(argv: Optional[List[str]] = None, *, clock: Optional[Clock] = None) -> Emulator:
    """The ``Emulator`` the command line would serve for ``argv`` (tests pass a clock)."""
    args = _parser().parse_args(argv)
    return Emulator(
        clock=clock,
        api_key=args.api_key,
        processing_time=args.processing_time,
        cancel_time=args.cancel_time,
        seed=args.seed,
    )


def main(argv: Optional[List[str]] = None) -> int:
    """Serve until Ctrl-C; returns the exit code (1, after one line on stderr, when the
    server cannot start: uvicorn missing, the port in use, ...)."""
    args = _parser().parse_args(argv)
    prog = _prog()
    try:
        from ._server import EmulatorServer  # here: --help works without uvicorn (optional)
    except ImportError:
        sys.stderr.write(
            f"{prog}: error: serving over HTTP needs uvicorn: "
            "pip install 'anthropic-batches[emulator]'\n"
        )
        return 1

    for conflict in installation_conflicts():
        sys.stderr.write(f"warning: {conflict}\n")
    emulator = build_emulator(argv)
    server = EmulatorServer(
        emulator,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        idle_timeout=args.idle_timeout,
    )
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        sys.stderr.write(
            f"warning: listening on {args.host}, not loopback: anyone who can reach it can "
            "use it (it accepts any key unless --api-key is given)\n"
        )

    def announce(base_url: str) -> None:
        sys.stdout.write(
            f"Anthropic Message Batches emulator listening on {base_url}\n"
            f"  export ANTHROPIC_BASE_URL={base_url}\n"
        )
        sys.stdout.flush()

    try:
        server.serve_forever(on_bound=announce)
    except OSError as exc:  # binding: the port in use, an address not on this host, ...
        reason = exc.strerror or str(exc)
        sys.stderr.write(f"{prog}: error: cannot listen on {args.host}:{args.port}: {reason}\n")
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
