"""``submit``: stream any number of requests into as many batches as the limits need.

    job = client.messages.batches.submit(generate_requests())     # -> BatchJob
    job = await async_client.messages.batches.submit(requests)    # -> AsyncBatchJob

Each request is validated and serialized once, then ``Chunker`` decides where batches
end; a full batch is created from the joined bytes as soon as the next request does not
fit, so memory holds one batch of encoded requests at most and a generator is consumed
lazily.

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
from typing import TYPE_CHECKING, Any, AsyncIterable, Iterable, List, Optional, Union

from .._base_client import model_parser
from .._core import batch_specs as specs
from .._core.batch_requests import InvalidBatchRequestError
from .._core.request import RequestSpec
from .._types import Headers, NotGiven, Query, Timeout
from ..types.messages import MessageBatch
from ._chunker import Chunk, Chunker, encode_request
from ._errors import BatchSubmitError
from ._job import AsyncBatchJob, BatchJob

if TYPE_CHECKING:
    from ..resources.messages.batches import AsyncBatches, Batches

__all__ = ["async_submit", "sync_submit"]

_BATCH = model_parser(MessageBatch)
log = logging.getLogger("anthropic.lib")


def _check_iterable(requests: object) -> None:
    name = type(requests).__name__
    if requests is None or isinstance(requests, (str, bytes, dict)):
        raise TypeError(
            f"requests must be an iterable of request dicts (a list or a generator), got {name}"
        )


def _wants_precheck(requests: object, precheck: Optional[bool]) -> bool:
    if precheck is None:
        return isinstance(requests, (list, tuple))
    if precheck and not isinstance(requests, (list, tuple)):
        raise ValueError("precheck=True needs requests that can be iterated twice (list/tuple)")
    return precheck


def _precheck(requests: Iterable[Any], chunker: Chunker) -> None:
    """Validate, encode and size every request; nothing is kept but the custom_ids."""
    probe = Chunker(max_requests=chunker.max_requests, max_bytes=chunker.max_bytes)
    for index, item in enumerate(requests):
        _, custom_id, encoded = encode_request(index, item)
        probe.check(index, custom_id, encoded)
        probe.seen[custom_id] = index


def _interrupted(batch_ids: List[str]) -> None:
    if batch_ids:
        log.warning(
            "submit was interrupted after creating batches %s; they keep running "
            "(resume them with client.messages.batches.job([...ids]))",
            ", ".join(batch_ids),
        )


def _empty() -> InvalidBatchRequestError:
    return InvalidBatchRequestError(
        "requests is empty: submit needs at least one request.",
        index=None,
        custom_id=None,
        field="requests",
    )


def _create_spec(chunk: Chunk, opts: specs.Options) -> RequestSpec:
    return specs.create_spec_from_body(chunk.body(), chunk.count, opts)


def sync_submit(
    batches: Batches,
    requests: Iterable[Any],
    *,
    max_requests_per_batch: int,
    max_bytes_per_batch: int,
    precheck: Optional[bool],
    extra_headers: Optional[Headers],
    extra_query: Optional[Query],
    timeout: Union[Timeout, NotGiven],
) -> BatchJob:
    _check_iterable(requests)
    chunker = Chunker(max_requests=max_requests_per_batch, max_bytes=max_bytes_per_batch)
    if _wants_precheck(requests, precheck):
        _precheck(requests, chunker)
    opts = specs.Options(extra_headers, extra_query, None, timeout)
    job = BatchJob(batches)
    client = batches._client

    def create(chunk: Chunk) -> None:
        batch = client._execute(_create_spec(chunk, opts), _BATCH)
        job._state.added(batch, chunk.count)

    try:
        for index, item in enumerate(requests):
            full = chunker.add(*encode_request(index, item))
            if full is not None:
                create(full)
        last = chunker.finish()
        if last is not None:
            create(last)
    except Exception as exc:
        if job._state.batch_ids:
            raise BatchSubmitError(job, exc) from exc
        raise
    except BaseException:  # Ctrl-C or cancellation: say what is left running
        _interrupted(job._state.batch_ids)
        raise
    if not job._state.batch_ids:
        raise _empty()
    return job


async def async_submit(
    batches: AsyncBatches,
    requests: Union[Iterable[Any], AsyncIterable[Any]],
    *,
    max_requests_per_batch: int,
    max_bytes_per_batch: int,
    precheck: Optional[bool],
    extra_headers: Optional[Headers],
    extra_query: Optional[Query],
    timeout: Union[Timeout, NotGiven],
) -> AsyncBatchJob:
    _check_iterable(requests)
    chunker = Chunker(max_requests=max_requests_per_batch, max_bytes=max_bytes_per_batch)
    if _wants_precheck(requests, precheck):
        _precheck(requests, chunker)  # type: ignore[arg-type]  # a list or tuple here
    opts = specs.Options(extra_headers, extra_query, None, timeout)
    job = AsyncBatchJob(batches)
    client = batches._client

    async def create(chunk: Chunk) -> None:
        batch = await client._execute(_create_spec(chunk, opts), _BATCH)
        job._state.added(batch, chunk.count)

    async def add(index: int, item: object) -> None:
        full = chunker.add(*encode_request(index, item))
        if full is not None:
            await create(full)

    try:
        if isinstance(requests, AsyncIterable):
            index = 0
            async for item in requests:  # pyright: ignore[reportUnknownVariableType]
                await add(index, item)  # pyright: ignore[reportUnknownArgumentType]
                index += 1
        else:
            for index, item in enumerate(requests):
                await add(index, item)
        last = chunker.finish()
        if last is not None:
            await create(last)
    except Exception as exc:
        if job._state.batch_ids:
            raise BatchSubmitError(job, exc) from exc
        raise
    except BaseException:  # Ctrl-C or cancellation: say what is left running
        _interrupted(job._state.batch_ids)
        raise
    if not job._state.batch_ids:
        raise _empty()
    return job
