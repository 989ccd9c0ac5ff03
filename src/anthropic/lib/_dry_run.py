"""Try the first few requests of a batch as direct calls before submitting it.

    report = dry_run(client, requests, n=3)       # or: await adry_run(async_client, ...)
    if not report.ok:
        print(report)                             # which custom_id, which field, what fix
        raise SystemExit(1)
    client.messages.batches.create(requests=requests)

A batch whose params the API rejects comes back a day later as thousands of ``errored``
results; a direct call with the same params says so in seconds. Each tried request is
first checked locally (the batch rules), then sent as a streaming Messages request (so a
large ``max_tokens`` needs no special timeout) and read to the end. A request the API
refuses with 400/404/413/422 is reported, not raised; authentication, rate-limit, server
and connection errors are raised, since they say nothing about the params. The tried
requests are billed like any other call.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, List, Mapping, Optional, cast

import httpx

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._core import message_specs as specs
from .._core.batch_requests import normalize_request
from .._core.batch_specs import Options
from .._core.request import RequestSpec
from .._exceptions import (
    BadRequestError,
    NotFoundError,
    RequestTooLargeError,
    UnprocessableEntityError,
)
from .._response import Parser
from .._streaming import AsyncStream, MessageEventDecoder, Stream
from ..types.message import Message
from .streaming._accumulate import Accumulator

__all__ = ["DryRunReport", "DryRunResult", "adry_run", "dry_run"]

_REJECTED = (BadRequestError, NotFoundError, RequestTooLargeError, UnprocessableEntityError)
_SYNC: Parser[Stream[Any]] = Parser(
    lambda response, _r: Stream(response, MessageEventDecoder(response)), lazy=True
)
_ASYNC: Parser[AsyncStream[Any]] = Parser(
    lambda response, _r: AsyncStream(response, MessageEventDecoder(response)), lazy=True
)


class DryRunResult:
    """One tried request: its ``message``, or the ``error`` that rejected its params."""

    __slots__ = ("custom_id", "error", "index", "message")

    def __init__(
        self,
        index: int,
        custom_id: Optional[str],
        message: Optional[Message] = None,
        error: Optional[Exception] = None,
    ) -> None:
        self.index = index
        self.custom_id = custom_id
        self.message = message
        self.error = error

    @property
    def ok(self) -> bool:
        return self.error is None

    def __repr__(self) -> str:
        outcome = "ok" if self.error is None else f"rejected: {self.error}"
        return f"<DryRunResult requests[{self.index}] {self.custom_id!r} {outcome}>"


class DryRunReport:
    """The tried requests; ``ok`` when none was rejected. ``str()`` is a readable summary."""

    def __init__(self, results: List[DryRunResult]) -> None:
        self.results = results

    @property
    def ok(self) -> bool:
        return all(result.ok for result in self.results)

    @property
    def rejected(self) -> List[DryRunResult]:
        return [result for result in self.results if not result.ok]

    def __str__(self) -> str:
        lines = [f"Tried {len(self.results)} request(s), {len(self.rejected)} rejected."]
        for result in self.results:
            who = f"requests[{result.index}] ({result.custom_id})"
            if result.error is None:
                tokens = result.message.usage.output_tokens if result.message else 0
                lines.append(f"  ok        {who}: {tokens} output tokens")
            else:
                lines.append(f"  rejected  {who}: {result.error}")
        return "\n".join(lines)


def _first(requests: Iterable[object], n: int) -> List[tuple[int, Optional[str], object]]:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    out: List[tuple[int, Optional[str], object]] = []
    for index, item in enumerate(requests):
        if index >= n:
            break
        out.append((index, _custom_id(item), item))
    return out


def _custom_id(item: object) -> Optional[str]:
    if not isinstance(item, Mapping):
        return None
    value = cast("Mapping[str, object]", item).get("custom_id")
    return value if isinstance(value, str) else None


def _params(index: int, item: object) -> dict[str, Any]:
    params = dict(normalize_request(index, item)["params"])
    params["stream"] = True
    return params


class _Attempt:
    """One request to try: the spec its local checks built, or the error they raised; the
    message its stream builds in ``acc``."""

    __slots__ = ("acc", "custom_id", "error", "index", "spec")

    def __init__(self, index: int, custom_id: Optional[str]) -> None:
        self.index = index
        self.custom_id = custom_id
        self.spec: Optional[RequestSpec] = None
        self.error: Optional[Exception] = None
        self.acc = Accumulator()

    def result(self) -> DryRunResult:
        if self.error is not None:
            return DryRunResult(self.index, self.custom_id, error=self.error)
        return DryRunResult(self.index, self.custom_id, message=self.acc.message)


def _attempts(requests: Iterable[object], n: int, timeout: httpx.Timeout) -> Iterator[_Attempt]:
    """The first ``n`` requests, each checked locally (a batch rule, then the Messages
    params) just before it is tried."""
    for index, custom_id, item in _first(requests, n):
        attempt = _Attempt(index, custom_id)
        try:
            attempt.spec = specs.create_spec(
                _params(index, item), Options(), client_timeout=timeout
            )
        except (ValueError, TypeError) as exc:  # InvalidBatchRequestError is a ValueError
            attempt.error = exc
        yield attempt


def dry_run(client: SyncAPIClient, requests: Iterable[object], n: int = 3) -> DryRunReport:
    """Send the first ``n`` requests of a batch as Messages calls; report rejected params."""
    results: List[DryRunResult] = []
    for attempt in _attempts(requests, n, client._config.timeout):
        if attempt.spec is not None:
            try:
                with client._execute(attempt.spec, _SYNC) as stream:
                    for event in stream:
                        attempt.acc.feed(event)
            except _REJECTED as exc:
                attempt.error = exc
        results.append(attempt.result())
    return DryRunReport(results)


async def adry_run(client: AsyncAPIClient, requests: Iterable[object], n: int = 3) -> DryRunReport:
    """See ``dry_run`` (async client)."""
    results: List[DryRunResult] = []
    for attempt in _attempts(requests, n, client._config.timeout):
        if attempt.spec is not None:
            try:
                async with await client._execute(attempt.spec, _ASYNC) as stream:
                    async for event in stream:
                        attempt.acc.feed(event)
            except _REJECTED as exc:
                attempt.error = exc
        results.append(attempt.result())
    return DryRunReport(results)
