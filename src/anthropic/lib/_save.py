"""``save_results`` / ``asave_results``: a batch's results to a JSONL file, completely.

    report = save_results(client, batch, "results.jsonl")
    report = await asave_results(async_client, batch.id, "results.jsonl")

The file appears only when every line is written (temporary ``<path>.partial`` in the
same directory, then ``os.replace``). If the connection drops mid-stream, the results are
requested again and lines whose custom_id is already written are skipped: nothing is lost
and nothing is written twice. It gives up (re-raising the last error) after
``max_attempts`` failed attempts in a row, where an attempt that wrote new lines before
failing starts the count again (so a long download on a flaky network still finishes,
and one that cannot progress stops). The partial file stays, and a later call with
``resume=True`` (the default) continues from it. Errors that are not transient
(``BatchNotEndedError``, 4xx other than 408/409/429) are raised at once.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Union

import anyio
import httpx

from .._core import batch_specs as specs
from .._exceptions import BatchNotEndedError
from .._response import Parser
from .._sending.errors import translate
from .._types import NOT_GIVEN
from ..types.messages import MessageBatch
from ._poll import is_transient
from ._results_file import ResultsFile, SaveReport

if TYPE_CHECKING:
    from .._client import Anthropic, AsyncAnthropic

__all__ = ["asave_results", "save_results"]

_RAW: Parser[httpx.Response] = Parser(lambda response, _retries: response, lazy=True)
PathArg = Union[str, "os.PathLike[str]"]


def _backoff(failures: int) -> float:
    return float(min(0.5 * 2 ** (failures - 1), 8.0))


def _expected(batch: MessageBatch) -> int:
    return sum(batch.request_counts.values())


def _check_attempts(max_attempts: int) -> None:
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
        raise ValueError(f"max_attempts must be an integer >= 1, got {max_attempts!r}")


def save_results(
    client: Anthropic,
    batch_or_id: Union[str, MessageBatch],
    path: PathArg,
    *,
    resume: bool = True,
    max_attempts: int = 5,
) -> SaveReport:
    """Write every result line of an ended batch to ``path`` (see the module docstring)."""
    _check_attempts(max_attempts)
    batch, batch_id = specs.batch_or_id(batch_or_id)
    opts = specs.Options(None, None, None, NOT_GIVEN)
    if batch is None or batch.processing_status != "ended":
        batch = client.messages.batches.retrieve(batch_id)
    if batch.processing_status != "ended":
        raise BatchNotEndedError(batch)
    spec = specs.results_spec(batch, client._config.base_url, opts)
    out = ResultsFile(path, resume=resume)
    attempts = failures = 0
    try:
        while True:
            attempts += 1
            before = out.written
            try:
                response = client._execute(spec, _RAW)
                try:
                    out.start_stream(response)
                    try:
                        for chunk in response.iter_bytes():
                            out.feed(chunk)
                    except httpx.HTTPError as exc:
                        raise translate(exc, response.request) from exc
                    out.end_stream()
                finally:
                    response.close()
                break
            except Exception as exc:
                if not is_transient(exc):
                    raise
                failures = 1 if out.written > before else failures + 1
                if failures >= max_attempts:
                    raise
                client._sleep(_backoff(failures))
        return out.commit(batch_id, attempts, _expected(batch))
    finally:
        out.close()


async def asave_results(
    client: AsyncAnthropic,
    batch_or_id: Union[str, MessageBatch],
    path: PathArg,
    *,
    resume: bool = True,
    max_attempts: int = 5,
) -> SaveReport:
    """See ``save_results`` (file writes are plain buffered writes, fsync at the end)."""
    _check_attempts(max_attempts)
    batch, batch_id = specs.batch_or_id(batch_or_id)
    opts = specs.Options(None, None, None, NOT_GIVEN)
    if batch is None or batch.processing_status != "ended":
        batch = await client.messages.batches.retrieve(batch_id)
    if batch.processing_status != "ended":
        raise BatchNotEndedError(batch)
    spec = specs.results_spec(batch, client._config.base_url, opts)
    out = ResultsFile(path, resume=resume)
    attempts = failures = 0
    try:
        while True:
            attempts += 1
            before = out.written
            try:
                response = await client._execute(spec, _RAW)
                try:
                    out.start_stream(response)
                    try:
                        async for chunk in response.aiter_bytes():
                            out.feed(chunk)
                    except httpx.HTTPError as exc:
                        raise translate(exc, response.request) from exc
                    out.end_stream()
                finally:
                    with anyio.CancelScope(shield=True):
                        await response.aclose()
                break
            except Exception as exc:
                if not is_transient(exc):
                    raise
                failures = 1 if out.written > before else failures + 1
                if failures >= max_attempts:
                    raise
                await client._sleep(_backoff(failures))
        return out.commit(batch_id, attempts, _expected(batch))
    finally:
        out.close()
