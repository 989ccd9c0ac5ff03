"""``submit``: stream any number of requests into as many batches as the limits need.

    job = client.messages.batches.submit(generate_requests())     # -> BatchJob
    job = await async_client.messages.batches.submit(requests)    # -> AsyncBatchJob

Each request is validated and serialized once, then ``Chunker`` decides where batches
end; a full batch is created from the joined bytes as soon as the next request does not
fit, so memory holds one batch of encoded requests at most and a generator is consumed
lazily. ``Submission`` is everything but the creates; the sync and async drivers only
send them.

Errors. Input that can be iterated twice (a list or tuple; ``precheck=None`` decides by
that) is checked completely first - format, custom_id uniqueness across the whole job,
per-request size - so a bad request raises ``InvalidBatchRequestError`` before anything is
created. A one-shot iterable (a generator) is checked as it streams: a bad request still
raises before *its* batch is created, but batches already created keep running, so the
error is a ``BatchSubmitError`` whose ``.job`` holds them (``__cause__`` is the
``InvalidBatchRequestError``). The same goes for an API error on a later create. When no
batch was created yet, the original error is raised unchanged.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import AsyncIterable, Generator, Iterable, Iterator, Optional, Sequence, Union

from .._api_client import AsyncAPIClient
from .._base_client import model_parser
from .._core import batch_specs as specs
from .._core.batch_requests import InvalidBatchRequestError
from .._core.request import RequestSpec
from .._exceptions import AnthropicError
from ..types.messages import MessageBatch
from ..types.messages.batch_create_params import AcceptedRequest
from ._api import AsyncBatchesAPI, SyncBatchesAPI, is_async_iterable
from ._chunker import Chunk, Chunker, encode_request
from ._created import note_created
from ._job import AsyncBatchJob, BatchJob
from ._job_state import JobState

__all__ = ["BatchSubmitError", "Submission", "async_submit", "sync_submit"]

_BATCH = model_parser(MessageBatch)
_Requests = Union[Iterable[AcceptedRequest], AsyncIterable[AcceptedRequest]]
log = logging.getLogger("anthropic.lib")


class BatchSubmitError(AnthropicError):
    """``submit`` stopped after creating some batches (``__cause__`` says why).

    ``job`` is a handle over the batches already created: wait for them, save it, or
    ``job.cancel()`` them. ``request_count`` is how many requests those batches hold.
    """

    def __init__(self, job: Union[BatchJob, AsyncBatchJob], cause: BaseException) -> None:
        ids = ", ".join(job.batch_ids)
        super().__init__(
            f"submit failed after creating {len(job.batch_ids)} batch(es) ({ids}) holding "
            f"{job.request_count} requests: {cause}. Those batches are running; the error's "
            f".job can wait for them, save them or cancel them (job.cancel())."
        )
        self.job = job


class Submission:
    """One submit without its I/O: input checks, chunking, the job's state, error wrapping.

    ``add``/``finish`` (or ``chunks``) hand back the chunks to create; ``spec(chunk)`` is
    the create to send and ``created(batch, chunk)`` records its answer.
    """

    def __init__(
        self,
        requests: _Requests,
        max_requests_per_batch: int,
        max_bytes_per_batch: int,
        precheck: Optional[bool],
        options: specs.Options,
    ) -> None:
        _check_iterable(requests)
        self.chunker = Chunker(max_requests=max_requests_per_batch, max_bytes=max_bytes_per_batch)
        listed = _to_precheck(requests, precheck)
        if listed is not None:
            self._precheck(listed)
        self.options = options
        self.state = JobState()
        self._index = 0

    def _precheck(self, requests: Sequence[object]) -> None:
        """Validate, encode and size every request; nothing is kept but the custom_ids."""
        probe = Chunker(max_requests=self.chunker.max_requests, max_bytes=self.chunker.max_bytes)
        for index, item in enumerate(requests):
            _, custom_id, encoded = encode_request(index, item)
            probe.check(index, custom_id, encoded)
            probe.seen[custom_id] = index

    def add(self, item: object) -> Optional[Chunk]:
        """The next request; a full chunk to create first, if this one did not fit."""
        index, self._index = self._index, self._index + 1
        return self.chunker.add(*encode_request(index, item))

    def finish(self) -> Optional[Chunk]:
        return self.chunker.finish()

    def chunks(self, requests: Iterable[object]) -> Iterator[Chunk]:
        """Every chunk of ``requests`` to create, in order, the last partly filled one too."""
        for item in requests:
            full = self.add(item)
            if full is not None:
                yield full
        last = self.finish()
        if last is not None:
            yield last

    def spec(self, chunk: Chunk) -> RequestSpec:
        return specs.create_spec_from_body(chunk.body(), chunk.count, self.options)

    def created(self, batch: MessageBatch, chunk: Chunk) -> None:
        self.state.added(batch, chunk.count)

    @contextmanager
    def guard(self, job: Union[BatchJob, AsyncBatchJob]) -> Generator[None, None, None]:
        """Around the creates: a failure after some batches exist is a ``BatchSubmitError``
        carrying ``job``; an interruption logs what is left running; nothing at all sent
        is an empty ``requests``."""
        try:
            yield
        except Exception as exc:
            if self.state.batch_ids:
                raise BatchSubmitError(job, exc) from exc
            raise
        except BaseException:  # Ctrl-C or cancellation: say what is left running
            if self.state.batch_ids:
                log.warning(
                    "submit was interrupted after creating batches %s; they keep running "
                    "(resume them with client.messages.batches.job([...ids]))",
                    ", ".join(self.state.batch_ids),
                )
            raise
        if not self.state.batch_ids:
            raise InvalidBatchRequestError(
                "requests is empty: submit needs at least one request.",
                index=None,
                custom_id=None,
                field="requests",
            )


def _check_iterable(requests: object) -> None:
    name = type(requests).__name__
    if requests is None or isinstance(requests, (str, bytes, dict)):
        raise TypeError(
            f"requests must be an iterable of request dicts (a list or a generator), got {name}"
        )


def _to_precheck(requests: _Requests, precheck: Optional[bool]) -> Optional[Sequence[object]]:
    """The requests to check before any create: a list or tuple unless ``precheck=False``."""
    if isinstance(requests, (list, tuple)):
        return None if precheck is False else requests
    if precheck:
        raise ValueError("precheck=True needs requests that can be iterated twice (list/tuple)")
    return None


def sync_submit(
    batches: SyncBatchesAPI, requests: Iterable[AcceptedRequest], submission: Submission
) -> BatchJob:
    job = BatchJob(batches, submission.state)
    with submission.guard(job):
        for chunk in submission.chunks(requests):
            batch = batches._client._execute(submission.spec(chunk), _BATCH)
            note_created(batches._client, batch)
            submission.created(batch, chunk)
    return job


async def async_submit(
    batches: AsyncBatchesAPI,
    requests: _Requests,
    submission: Submission,
) -> AsyncBatchJob:
    job, client = AsyncBatchJob(batches, submission.state), batches._client
    with submission.guard(job):
        if is_async_iterable(requests):
            async for item in requests:
                await _acreate(client, submission, submission.add(item))
            await _acreate(client, submission, submission.finish())
        else:
            for chunk in submission.chunks(requests):
                await _acreate(client, submission, chunk)
    return job


async def _acreate(client: AsyncAPIClient, submission: Submission, chunk: Optional[Chunk]) -> None:
    if chunk is not None:
        batch = await client._execute(submission.spec(chunk), _BATCH)
        note_created(client, batch)
        submission.created(batch, chunk)
