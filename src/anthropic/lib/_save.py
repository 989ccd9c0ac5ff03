"""``save_results`` / ``asave_results``: a batch's results to a JSONL file, completely.

    report = save_results(client, batch, "results.jsonl")
    report = await asave_results(async_client, batch.id, "results.jsonl")

The file appears only when it holds every line: as many results as the batch's
``request_counts`` add up to (temporary ``<path>.partial`` in the same directory, then
``os.replace``); otherwise the call raises and nothing is published. If the connection
drops mid-stream, or the stream ends cleanly but short (a proxy closing a close-delimited
body early), the results are requested again and lines whose custom_id is already
written are skipped: nothing is lost and nothing is written twice. Status errors and
connection failures before the body starts are the client's to retry (its
``max_retries``); a cut or short stream is this function's: it gives up (raising the cut,
or ``APIConnectionError`` for a short stream) once ``max_attempts`` attempts in a row have
failed, where an attempt that wrote new lines before failing starts the count again (so a
long download on a flaky network still finishes, and one that cannot progress stops).

The partial file stays, and a later call with ``resume=True`` (the default) continues
from it, but only if it holds results of the same batch id and results URL (recorded in
``<path>.partial.meta``); a partial of anything else is discarded and the save starts
fresh (``report.discarded``), never merged. While a save runs it holds an exclusive lock
on the partial: a second save to the same path, in any process, raises
``ResultsFileLockedError`` at once. Errors that are not cuts (``BatchNotEndedError``, an error
status the client gave up on, a line that is not a result) are raised at once.
``SaveMachine`` makes every decision and states the bound on requests; the drivers here
only read, write and sleep.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import Optional, Union

import anyio
import httpx

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._base_client import model_parser
from .._exceptions import APIConnectionError
from .._response import Parser
from .._sending.errors import translate
from ..types.messages import MessageBatch
from ._results_file import ResultsFile, SaveReport
from ._save_machine import Fetch, GiveUp, SaveMachine, Step

__all__ = ["asave_results", "save_results"]

_RAW: Parser[httpx.Response] = Parser(lambda response, _retries: response, lazy=True)
_BATCH = model_parser(MessageBatch)
PathArg = Union[str, "os.PathLike[str]"]


class _Attempt:
    """One results response written into ``out``, and ``step``: what the machine says next.

    A clean end of the stream writes its last line and asks the machine whether the file
    is complete (a short one is resumed, or raised as ``APIConnectionError`` when it gives
    up); a cut (an httpx error while the body is read) goes to the machine and is
    swallowed when it resumes, or raised as our ``APIConnectionError`` when it gives up.
    Any other error passes through.
    """

    def __init__(self, save: SaveMachine, out: ResultsFile, response: httpx.Response) -> None:
        self._save, self._out, self._response = save, out, response
        self.step: Step = GiveUp()

    def __enter__(self) -> _Attempt:
        self._out.start_stream(self._response)
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> bool:
        if exc is None:
            self._out.end_stream()
            self.step = self._save.on_end(self._out.lines)
            if isinstance(self.step, GiveUp):
                raise APIConnectionError(message=self.step.reason, request=self._response.request)
            return False
        if not isinstance(exc, httpx.HTTPError):
            return False
        self.step = self._save.on_cut(self._out.lines)
        if isinstance(self.step, GiveUp):
            raise translate(exc, self._response.request) from exc
        return True


def save_results(
    client: SyncAPIClient,
    batch_or_id: Union[str, MessageBatch],
    path: PathArg,
    *,
    resume: bool = True,
    max_attempts: int = 5,
) -> SaveReport:
    """Write every result line of an ended batch to ``path`` (see the module docstring)."""
    save = SaveMachine(batch_or_id, max_attempts)
    batch = save.ended_batch()
    if batch is None:
        batch = client._execute(save.retrieve_spec(), _BATCH)
    spec = save.results_spec(batch, client._config.base_url)
    with ResultsFile(path, resume=resume, owner=save.owner, expected=save.expected) as out:
        step: Step = save.start()
        while isinstance(step, Fetch):
            if step.delay > 0:
                client._sleep(step.delay)
            response = client._execute(spec, _RAW)
            try:
                with _Attempt(save, out, response) as attempt:
                    for chunk in response.iter_bytes():
                        out.feed(chunk)
                step = attempt.step
            finally:
                response.close()
        return out.commit(save.batch_id, save.attempts, save.expected)


async def asave_results(
    client: AsyncAPIClient,
    batch_or_id: Union[str, MessageBatch],
    path: PathArg,
    *,
    resume: bool = True,
    max_attempts: int = 5,
) -> SaveReport:
    """See ``save_results`` (file writes are plain buffered writes, fsync at the end)."""
    save = SaveMachine(batch_or_id, max_attempts)
    batch = save.ended_batch()
    if batch is None:
        batch = await client._execute(save.retrieve_spec(), _BATCH)
    spec = save.results_spec(batch, client._config.base_url)
    with ResultsFile(path, resume=resume, owner=save.owner, expected=save.expected) as out:
        step: Step = save.start()
        while isinstance(step, Fetch):
            if step.delay > 0:
                await client._sleep(step.delay)
            response = await client._execute(spec, _RAW)
            try:
                with _Attempt(save, out, response) as attempt:
                    async for chunk in response.aiter_bytes():
                        out.feed(chunk)
                step = attempt.step
            finally:
                with anyio.CancelScope(shield=True):
                    await response.aclose()
        return out.commit(save.batch_id, save.attempts, save.expected)
