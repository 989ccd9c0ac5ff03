"""``MessageBatchRequestCounts``: how many requests of a batch are in each state.

The counts read both as attributes and as a read-only mapping of status to count:

    counts.succeeded                  # 2
    counts["succeeded"]               # 2
    dict(counts)                      # {"processing": 0, "succeeded": 2, ...}
    sum(counts.values())              # the number of requests in the batch
    for status, n in counts.items(): ...

Iterating over the counts yields the status names (the mapping's keys), as iterating over
a dict does, so ``list(counts) == list(counts.keys())``. This replaces pydantic's default
iteration over ``(name, value)`` pairs; ``dict(counts)`` gives the same result either way.

A count added by a newer API version (an extra integer field) is part of the mapping too,
so ``sum(counts.values())`` stays the number of requests.
"""

from __future__ import annotations

from typing import Dict, Iterator, Mapping, Optional, cast

import pydantic

from ..._models import BaseModel

__all__ = ["MessageBatchRequestCounts", "readable_counts"]


class MessageBatchRequestCounts(BaseModel, Mapping[str, int]):
    """Requests per status. Until the batch ends, all but ``processing`` stay 0."""

    canceled: int
    """Requests canceled before they were processed."""

    errored: int
    """Requests that failed (invalid params or an internal error)."""

    expired: int
    """Requests that were not processed before the batch expired."""

    processing: int
    """Requests still being processed."""

    succeeded: int
    """Requests that produced a message."""

    def __getitem__(self, status: str) -> int:
        fields = self.__dict__
        if status in fields:
            return cast(int, fields[status])
        extra = self.__pydantic_extra__
        if extra and _is_count(extra.get(status)):
            return cast(int, extra[status])
        raise KeyError(status)

    def __iter__(self) -> Iterator[str]:  # type: ignore[override]  # pyright: ignore[reportIncompatibleMethodOverride]
        yield from self.__dict__
        extra = self.__pydantic_extra__
        if extra:
            yield from (key for key, value in extra.items() if _is_count(value))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __eq__(self, other: object) -> bool:
        # Models compare as models; plain mappings compare as the status -> count mapping.
        if isinstance(other, pydantic.BaseModel) or not isinstance(other, Mapping):
            return super().__eq__(other)
        return dict(self.items()) == dict(cast("Mapping[object, object]", other).items())


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def readable_counts(counts: object) -> Optional[Dict[str, int]]:
    """The status -> count mapping of ``batch.request_counts``, or ``None`` if it cannot
    be read (a leniently parsed batch may hold ``None`` or a string there).

    Counts that are not integers are left out. Helpers that sum or compare counts use this
    instead of ``counts.items()``, so a surprising batch never raises ``TypeError``.
    """
    if not isinstance(counts, Mapping):
        return None
    out: Dict[str, int] = {}
    for key, value in cast("Mapping[object, object]", counts).items():
        if isinstance(key, str) and _is_count(value):
            out[key] = cast(int, value)
    return out
