"""The argument parser of ``anthropic-batches`` (stdlib ``argparse`` only).

Connection options (``--base-url``, ``--api-key``, ``--json``, ...) are accepted both
before and after the command name: ``anthropic-batches --json list`` and
``anthropic-batches list --json`` mean the same. The subcommands' copies default to
``SUPPRESS`` so that a value given before the command is not overwritten by the
subcommand's default.
"""

from __future__ import annotations

import argparse
from typing import Any, NoReturn, Optional

from .._version import __version__

__all__ = [
    "EXIT_API_ERROR",
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILURES",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TIMEOUT",
    "EXIT_USAGE",
    "UsageError",
    "build_parser",
]

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 3
EXIT_FAILURES = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: stdout was closed (e.g. piped into `head`)

DESCRIPTION = """\
Submit, watch and collect Anthropic Message Batches from the shell.

Point it at the real API or at the local emulator with --base-url or
ANTHROPIC_BASE_URL; authenticate with ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN).
Output is human-readable by default. With --json, stdout is JSON Lines (one JSON
object per line) of one shape per command:
  submit, list, get/status, cancel, wait   a message_batch object per batch
  delete                                   a message_batch_deleted object per batch
  results                                  a result line per request (as the API
                                           sends them); with -o, one save report
                                           {"path", "batch_ids", "lines", "counts",
                                           "complete"}
  summary                                  one {"batch_ids", "total", "counts", ...}
Errors go to stderr as {"error": {"type", "message", ...}}.

Commands that act on batches take several BATCH_IDs and/or --job FILE (a job saved by
submit --save-job), so a job can be finished from another shell or machine.
"""

EXIT_CODES = """\
exit codes:
  0    success
  1    API or connection error (the message names the status and request id)
  2    usage error, missing credentials, invalid input, or a local file error
  3    wait timed out before the batch ended
  4    summary --strict found requests that did not succeed (or results missing)
  130  interrupted (Ctrl-C); the batches keep running on the server
  141  stdout was closed early (e.g. piped into head)
"""

EPILOG = (
    EXIT_CODES
    + """
examples:
  anthropic-batches submit requests.jsonl --wait --save-job job.json
  anthropic-batches list --limit 5
  anthropic-batches wait msgbatch_01... --timeout 3600
  anthropic-batches wait --job job.json
  anthropic-batches results --job job.json -o results.jsonl
  anthropic-batches summary msgbatch_01... msgbatch_02... --strict --json
"""
)


class UsageError(Exception):
    """A command line argparse rejected; ``main`` prints it (scrubbed) and exits 2."""

    def __init__(self, message: str, *, usage: str, prog: str) -> None:
        super().__init__(message)
        self.usage = usage
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    # argparse prints and exits on errors; raise instead, so ``main`` decides what is
    # printed (no secret ever echoed) and returns the exit code rather than exiting.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message, usage=self.format_usage(), prog=self.prog)


def _whole_number(text: str, minimum: int, rule: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < minimum:
        raise argparse.ArgumentTypeError(f"must be {rule}, got {value}")
    return value


def _positive_int(text: str) -> int:
    return _whole_number(text, 1, "at least 1")


def _non_negative_int(text: str) -> int:
    return _whole_number(text, 0, "0 or more")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not value >= 0 or value == float("inf"):  # also rejects NaN
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds >= 0, got {text}")
    return value


def _positive_seconds(text: str) -> float:
    value = _seconds(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value


def _batch_id(text: str) -> str:
    """A ``BATCH_ID`` argument: refused here when it cannot name a batch, so a typo is a
    usage error (exit 2) rather than a request, or a traceback."""
    shape = "a batch id such as 'msgbatch_01...'"
    if not text.strip():
        raise argparse.ArgumentTypeError(f"must be {shape}, got {text!r}")
    if text in (".", ".."):
        raise argparse.ArgumentTypeError(f"{text!r} is a path segment, not {shape}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(
            f"must be {shape}, got text that is not valid UTF-8: {text!r}"
        ) from None
    if not text.isprintable():
        raise argparse.ArgumentTypeError(
            f"must be {shape}, got text with a control character: {text!r}"
        )
    if any(c in text for c in "./\\"):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a batch id (batch ids have no '.' or '/'); "
            f"for a job saved by submit --save-job, use: --job {text}"
        )
    return text


def _output_file(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(f"must name a file to write, got {text!r}")
    return text


def _add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """The connection/output options. ``suppress``: leave unset unless given."""

    def default(value: Any) -> Any:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("connection and output")
    group.add_argument(
        "--base-url",
        default=default(None),
        metavar="URL",
        help="API base URL (default: $ANTHROPIC_BASE_URL, else https://api.anthropic.com)",
    )
    group.add_argument(
        "--api-key",
        default=default(None),
        metavar="KEY",
        help="API key (default: $ANTHROPIC_API_KEY or $ANTHROPIC_AUTH_TOKEN; prefer the "
        "environment, as a command line is visible to other users)",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="machine-readable output: JSON Lines on stdout (one JSON object per line, one "
        "shape per command: see anthropic-batches --help)",
    )
    group.add_argument(
        "--max-retries",
        type=_non_negative_int,
        default=default(None),
        metavar="N",
        help="retries per API request on connection errors, 429 and 5xx (default: 2)",
    )
    group.add_argument(
        "--request-timeout",
        type=_positive_seconds,
        default=default(None),
        metavar="S",
        help="timeout of each HTTP request in seconds (default: 600)",
    )


def _add_wait_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="S",
        help="give up waiting after S seconds and exit 3 (default: wait until it ends)",
    )
    parser.add_argument(
        "--poll-interval",
        type=_positive_seconds,
        default=5.0,
        metavar="S",
        help="seconds between status checks at first (default: 5)",
    )
    parser.add_argument(
        "--max-poll-interval",
        type=_positive_seconds,
        default=60.0,
        metavar="S",
        help="the interval grows up to this many seconds (default: 60)",
    )


def build_parser(prog: Optional[str] = None) -> argparse.ArgumentParser:
    """The full parser; each subcommand sets ``args.command`` to its name."""
    parser = _Parser(
        prog=prog or "anthropic-batches",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_common(sub, suppress=True)
        return sub

    submit = add("submit", "submit a JSONL file of requests as one or more batches")
    submit.add_argument(
        "file",
        metavar="FILE",
        help='JSONL file, one {"custom_id": ..., "params": {...}} per line ("-" for stdin)',
    )
    submit.add_argument(
        "--max-requests-per-batch",
        type=_positive_int,
        default=100_000,
        metavar="N",
        help="split into batches of at most N requests (default: 100000, the API's limit)",
    )
    submit.add_argument(
        "--save-job", metavar="PATH", help="write the job (its batch ids) to PATH as JSON"
    )
    submit.add_argument(
        "--wait", action="store_true", help="wait until every batch has ended (see 'wait')"
    )
    _add_wait_options(submit)

    listing = add("list", "list batches, newest first")
    listing.add_argument(
        "--limit",
        type=_positive_int,
        default=20,
        metavar="N",
        help="show at most N batches (default: 20)",
    )
    listing.add_argument("--all", action="store_true", help="show every batch (all pages)")

    def add_targets(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "batch_ids",
            metavar="BATCH_ID",
            type=_batch_id,
            nargs="*",
            help="one or more batch ids",
        )
        sub.add_argument(
            "--job",
            metavar="FILE",
            help="also every batch of a job file written by submit --save-job",
        )

    for name, text in (
        ("get", "show batches' status and request counts (also: status)"),
        ("status", "the same as get"),
        ("cancel", "ask the API to cancel batches (each moves to 'canceling', then 'ended')"),
        ("delete", "delete batches whose processing has ended"),
    ):
        add_targets(add(name, text))

    wait = add("wait", "wait for batches to end, with progress on stderr")
    add_targets(wait)
    _add_wait_options(wait)

    results = add(
        "results",
        "download batches' results as JSONL (several batches side by side: each batch's "
        "lines in order, batches interleaved on stdout; in batch order with -o)",
    )
    add_targets(results)
    results.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=_output_file,
        help="write to FILE atomically (resuming a partial download; several batches are "
        "downloaded side by side) instead of stdout; progress on stderr: a bar on a "
        "terminal, else timestamped lines (none with --json)",
    )

    summary = add("summary", "count results by type and total the token usage")
    add_targets(summary)
    summary.add_argument(
        "--strict",
        action="store_true",
        help="exit 4 unless every request succeeded and no result is missing",
    )
    summary.add_argument(
        "--prices",
        metavar="FILE",
        help='report the cost from your price table: JSON {"MODEL": {"input": ..., '
        '"output": ..., "cache_write": ..., "cache_read": ...}} per million tokens',
    )
    summary.add_argument(
        "--batch-discount",
        type=float,
        default=0.5,
        metavar="F",
        help="fraction taken off the table's prices (default: 0.5, half price; 0 for a "
        "table of batch prices)",
    )
    return parser
