"""``anthropic-batches`` (also ``python -m anthropic``): Message Batches from the shell.

    anthropic-batches submit requests.jsonl --wait
    anthropic-batches results msgbatch_01... -o results.jsonl

``main(argv)`` parses ``argv`` (default: ``sys.argv[1:]``), runs one command and
returns the exit code; it never calls ``sys.exit`` itself (the console-script wrapper
and ``python -m anthropic`` do), so tests and other programs can call it directly.
Exit codes are listed in ``EPILOG`` (and ``anthropic-batches --help``).

rich (the ``cli`` extra) is imported only to draw tables and progress bars on a
terminal; without it the output is plain text.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from typing import Callable, List, Optional, Sequence

import httpx

from .._client import Anthropic
from .._core.config import DEFAULT_MAX_RETRIES
from .._distribution import installation_conflicts
from .._exceptions import (
    AnthropicError,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BatchNotEndedError,
    MissingCredentialsError,
)
from .._types import NOT_GIVEN
from ._commands import COMMANDS
from ._context import Context
from ._format import safe_url
from ._input import InputError
from ._output import Output
from ._parser import (
    EXIT_API_ERROR,
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    build_parser,
)

__all__ = ["main"]

_SECRET_ENV = ("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN")


def _secrets(argv: Sequence[str]) -> List[str]:
    """Every credential this run could know, so no message can ever print one."""
    found = [os.environ.get(name, "") for name in _SECRET_ENV]
    for i, arg in enumerate(argv):
        if arg == "--api-key" and i + 1 < len(argv):
            found.append(argv[i + 1])
        elif arg.startswith("--api-key="):
            found.append(arg.split("=", 1)[1])
    return [s for s in found if s]


def _scrub(text: str, secrets: Sequence[str]) -> str:
    """``text`` with each secret masked where it can appear: as a whole token.

    Our own messages never contain a credential (errors carry redacted requests, header
    checks never quote the value); what can echo one is argparse quoting a command-line
    word, e.g. a key pasted in the wrong place (``unrecognized arguments: sk-...``). So a
    secret is masked only where it stands alone (not inside a longer word made of key
    characters): ``ANTHROPIC_API_KEY=e`` leaves ``not_found_error`` intact.
    """
    for secret in secrets:
        secret = secret.strip()
        if secret and secret in text:
            text = re.sub(rf"(?<![\w-]){re.escape(secret)}(?![\w-])", "***", text)
    return text


def _wants_json(argv: Sequence[str]) -> bool:
    """``--json`` among the options (before a ``--``), for errors found while parsing."""
    for arg in argv:
        if arg == "--":
            return False
        if arg == "--json":
            return True
    return False


def _make_client(args: argparse.Namespace) -> Anthropic:
    return Anthropic(
        api_key=args.api_key,
        base_url=args.base_url,
        timeout=args.request_timeout if args.request_timeout is not None else NOT_GIVEN,
        max_retries=args.max_retries if args.max_retries is not None else DEFAULT_MAX_RETRIES,
    )


def main(
    argv: Optional[Sequence[str]] = None,
    *,
    prog: Optional[str] = None,
    _clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run one command; return the process exit code (0 ok, see ``--help`` for the rest).
    ``_clock``: the monotonic clock that paces progress lines (for tests)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    secrets = _secrets(argv)
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        if _wants_json(argv):
            Output(json_mode=True).error(_scrub(str(exc), secrets), kind="usage_error")
        else:
            sys.stderr.write(exc.usage + f"{exc.prog}: error: {_scrub(str(exc), secrets)}\n")
        return EXIT_USAGE
    except SystemExit as exc:  # --help / --version print and "exit" 0
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    if args.api_key:
        secrets.append(args.api_key)
    if any(arg in secrets or arg.startswith("sk-") for arg in getattr(args, "batch_ids", [])):
        # A key pasted where an id goes: never send it to the server in a URL.
        message = (
            "unrecognized arguments: *** (an API key where a BATCH_ID goes: not sent; "
            "pass the key in ANTHROPIC_API_KEY)"
        )
        if _wants_json(argv):
            Output(json_mode=True).error(message, kind="usage_error")
        else:
            sys.stderr.write(f"{parser.prog}: error: {message}\n")
        return EXIT_USAGE
    for conflict in installation_conflicts():  # on stderr: stdout stays the command's output
        sys.stderr.write(f"warning: {conflict}\n")
    out = Output(json_mode=args.json)
    try:
        return _run(args, out, secrets, _clock)
    except KeyboardInterrupt:
        out.error(_interrupted_message(args), kind="interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _run(
    args: argparse.Namespace, out: Output, secrets: List[str], clock: Callable[[], float]
) -> int:
    def fail(message: str, kind: str, code: int, **details: object) -> int:
        out.error(_scrub(message, secrets), kind=kind, details=details or None)
        return code

    try:
        client = _make_client(args)
    except (ValueError, TypeError) as exc:
        return fail(str(exc), "usage_error", EXIT_USAGE)
    except httpx.InvalidURL as exc:  # a base URL httpx cannot parse (--base-url or the env)
        return fail(f"invalid base URL: {exc}", "usage_error", EXIT_USAGE)
    base_url = safe_url(client._config.base_url)
    try:
        with client:
            code = COMMANDS[args.command](Context(client, out, args, clock))
            out.flush()
            return code
    except InputError as exc:
        return fail(str(exc), "usage_error", EXIT_USAGE)
    except MissingCredentialsError:
        return fail(
            "no API key: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), or pass --api-key.",
            "missing_credentials",
            EXIT_USAGE,
        )
    except APIStatusError as exc:
        return fail(
            str(exc),
            "api_status_error",
            EXIT_API_ERROR,
            status_code=exc.status_code,
            error_type=exc.type,
            request_id=exc.request_id,
        )
    except APIConnectionError as exc:
        kind = "timeout" if isinstance(exc, APITimeoutError) else "connection_error"
        return fail(f"{exc} (base URL: {base_url})", kind, EXIT_API_ERROR)
    except BatchNotEndedError as exc:
        return fail(
            f"batch {exc.batch.id} has not ended (processing_status: {exc.processing_status}); "
            f"results exist once it has. Wait for it: anthropic-batches wait {exc.batch.id}",
            "batch_not_ended",
            EXIT_API_ERROR,
            batch_id=exc.batch.id,
        )
    except AnthropicError as exc:
        return fail(str(exc), type(exc).__name__, EXIT_API_ERROR)
    except ValueError as exc:  # the SDK refused an argument before any request was sent
        return fail(str(exc), "usage_error", EXIT_USAGE)
    except BrokenPipeError:
        raise
    except OSError as exc:  # a local file that cannot be written (results -o, --save-job)
        return fail(str(exc), "os_error", EXIT_USAGE)


def _interrupted_message(args: argparse.Namespace) -> str:
    """What Ctrl-C leaves behind: the batches run on; how to stop or resume them."""
    ids: List[str] = list(getattr(args, "active_ids", None) or [])
    if not ids:
        return "interrupted"
    job_file: Optional[str] = getattr(args, "job", None) or getattr(args, "save_job", None)
    target = f"--job {job_file}" if job_file else " ".join(ids)
    noun = "the batch keeps" if len(ids) == 1 else f"the {len(ids)} batches keep"
    return (
        f"interrupted: {noun} running on the server. Cancel with: anthropic-batches "
        f"cancel {target}; or resume with: anthropic-batches wait {target}"
    )


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
