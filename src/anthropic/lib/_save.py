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
``on_progress(SaveProgress)`` is called before each results request and whenever the
file has gained lines (after a chunk of the body is written), so a caller can draw a bar
or log a line now and then: ``lines`` of ``expected``, and ``attempts``.

``SaveMachine`` makes every decision and states the bound on requests; ``_Save`` holds
one save's state for both drivers, which only send, read, sleep and close.
"""

from __future__ import annotations

import os
from typing import Callable, Iterator, Optional, Union

import anyio
import httpx

from .._api_client import AsyncAPIClient, SyncAPIClient
from .._base_client import model_parser
from .._body_stream import body_chunks, release_body
from .._exceptions import APIConnectionError
from .._response import Parser
from .._sending.errors import translate
from ..types.messages import MessageBatch
from ._results_file import ResultsFile, SaveReport
from ._save_machine import Fetch, GiveUp, SaveMachine, SaveProgress, Step

__all__ = ["SaveProgressCallback", "asave_results", "save_results"]

_RAW: Parser[httpx.Response] = Parser(lambda response, _retries: response, lazy=True)
_BATCH = model_parser(MessageBatch)
PathArg = Union[str, "os.PathLike[str]"]
SaveProgressCallback = Callable[[SaveProgress], object]
"""``on_progress`` of ``save_results`` / ``asave_results`` (a plain function, also for the
async one: it runs between chunks, so it should be quick)."""


class _Save:
    """One save between its retrieve and its commit: the machine, the open file, the
    results request, the step the machine asked for last, and the progress callback.

    ``fetches()`` yields the delay before each results request while the machine asks for
    one; ``reading(response)`` wraps the read of one response and sets the next step.
    """

    def __init__(
        self,
        machine: SaveMachine,
        batch: MessageBatch,
        base_url: str,
        path: PathArg,
        resume: bool,
        on_progress: Optional[SaveProgressCallback],
    ) -> None:
        self.machine = machine
        self.spec = machine.results_spec(batch, base_url)  # BatchNotEndedError: no file
        self.out = ResultsFile(path, resume=resume, owner=machine.owner, expected=machine.expected)
        self.step: Step = GiveUp()
        self._on_progress = on_progress
        self._reported = -1  # the lines of the last report

    def fetches(self) -> Iterator[float]:
        self.step = self.machine.start()
        while isinstance(self.step, Fetch):
            self._report()
            yield self.step.delay

    def reading(self, response: httpx.Response) -> _Attempt:
        return _Attempt(self, response)

    def feed(self, chunk: bytes) -> None:
        self.out.feed(chunk)
        if self._on_progress is not None and self.out.lines != self._reported:
            self._report()

    def _report(self) -> None:
        if self._on_progress is not None:
            self._reported = self.out.lines
            self._on_progress(self.machine.progress(self._reported))

    def commit(self) -> SaveReport:
        machine = self.machine
        return self.out.commit(machine.batch_id, machine.attempts, machine.expected)

    def __enter__(self) -> _Save:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.out.close()


class _Attempt:
    """One results response written into the file, and the save's next step.

    A clean end of the stream writes its last line and asks the machine whether the file
    is complete (a short one is resumed, or raised as ``APIConnectionError`` when it gives
    up); a cut (an httpx error while the body is read) goes to the machine and is
    swallowed when it resumes, or raised as our ``APIConnectionError`` when it gives up.
    Any other error passes through.
    """

    def __init__(self, save: _Save, response: httpx.Response) -> None:
        self._save, self._response = save, response

    def __enter__(self) -> _Attempt:
        self._save.out.start_stream(self._response)
        return self

    def __exit__(self, exc_type: object, exc: Optional[BaseException], tb: object) -> bool:
        save, out = self._save, self._save.out
        if exc is None:
            out.end_stream()
            save.step = save.machine.on_end(out.lines)
            if isinstance(save.step, GiveUp):
                raise APIConnectionError(message=save.step.reason, request=self._response.request)
            return False
        if not isinstance(exc, httpx.HTTPError):
            return False
        save.step = save.machine.on_cut(out.lines)
        if isinstance(save.step, GiveUp):
            raise translate(exc, self._response.request) from exc
        return True


def save_results(
    client: SyncAPIClient,
    batch_or_id: Union[str, MessageBatch],
    path: PathArg,
    *,
    resume: bool = True,
    max_attempts: int = 5,
    on_progress: Optional[SaveProgressCallback] = None,
) -> SaveReport:
    """Write every result line of an ended batch to ``path`` (see the module docstring);
    ``on_progress(SaveProgress)`` hears how far it is."""
    machine = SaveMachine(batch_or_id, max_attempts)
    batch = machine.ended_batch()
    if batch is None:
        batch = client._execute(machine.retrieve_spec(), _BATCH)
    with _Save(machine, batch, client._config.base_url, path, resume, on_progress) as save:
        for delay in save.fetches():
            if delay > 0:
                client._sleep(delay)
            response = client._execute(save.spec, _RAW)
            try:
                with save.reading(response):
                    for chunk in response.iter_bytes():
                        save.feed(chunk)
            finally:
                response.close()
        return save.commit()


async def asave_results(
    client: AsyncAPIClient,
    batch_or_id: Union[str, MessageBatch],
    path: PathArg,
    *,
    resume: bool = True,
    max_attempts: int = 5,
    on_progress: Optional[SaveProgressCallback] = None,
) -> SaveReport:
    """See ``save_results`` (file writes are plain buffered writes, fsync at the end;
    ``on_progress`` is a plain function here too)."""
    machine = SaveMachine(batch_or_id, max_attempts)
    batch = machine.ended_batch()
    if batch is None:
        batch = await client._execute(machine.retrieve_spec(), _BATCH)
    with _Save(machine, batch, client._config.base_url, path, resume, on_progress) as save:
        for delay in save.fetches():
            if delay > 0:
                await client._sleep(delay)
            response = await client._execute(save.spec, _RAW)
            chunks = body_chunks(response)
            try:
                with save.reading(response):
                    async for chunk in chunks:
                        save.feed(chunk)
            finally:  # also when a write, ``on_progress`` or a cancellation stops it
                with anyio.CancelScope(shield=True):
                    await release_body(response, chunks)
        return save.commit()
