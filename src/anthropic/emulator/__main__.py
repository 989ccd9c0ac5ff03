"""``python -m anthropic.emulator``: serve the emulator over HTTP.

Usage::

    python -m anthropic.emulator --port 4010 --processing-time 30
    ANTHROPIC_BASE_URL=http://127.0.0.1:4010 python my_pipeline.py
"""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from ._emulator import Emulator

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m anthropic.emulator",
        description="A local, stateful Anthropic Message Batches API emulator.",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=4010, help="port (default: 4010; 0 = any free)")
    p.add_argument("--api-key", default=None, help="accept only this key (default: any key)")
    p.add_argument(
        "--processing-time",
        type=float,
        default=0.0,
        help="seconds from create to ended (default: 0, ended on the first read after create)",
    )
    p.add_argument(
        "--cancel-time",
        type=float,
        default=0.0,
        help="seconds a batch stays canceling (default: 0)",
    )
    p.add_argument("--seed", type=int, default=None, help="seed for ids and random faults")
    p.add_argument("--log-level", default="info", help="uvicorn log level (default: info)")
    return p


def main(argv: Optional[List[str]] = None) -> None:
    args = _parser().parse_args(argv)
    from ._server import EmulatorServer  # here: --help works without uvicorn (optional)

    emulator = Emulator(
        api_key=args.api_key,
        processing_time=args.processing_time,
        cancel_time=args.cancel_time,
        seed=args.seed,
    )
    server = EmulatorServer(emulator, host=args.host, port=args.port, log_level=args.log_level)
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

    server.serve_forever(on_bound=announce)


if __name__ == "__main__":
    main()
