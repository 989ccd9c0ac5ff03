"""The create body's writer: many small requests per pydantic-core call, memory bounded.

    writer = BodyWriter(limit, b'{"requests":[', b"]}")
    writer.add_all(requests)                # or add(index, request) one at a time
    body = writer.finish(extra_body)        # BodyTooLarge / BadValue name the request

See ``json_body`` for why the body is built from small pieces (pydantic-core needs about
twice a value's size to encode it).
"""

from __future__ import annotations

import io
from typing import Callable, Mapping, Optional, Sequence, cast

from .group_floor import Floor, plain_floor
from .json_body import (
    BadValue,
    BodyTooLarge,
    NonFiniteNumber,
    Unencodable,
    encode,
    encode_checked,
    size_floor,
    write_streamed,
)

__all__ = ["GROUP_ITEMS", "BodyWriter"]

GROUP_ITEMS = 1024
"""Most items ``BodyWriter`` encodes in one pydantic-core call."""


class BodyWriter:
    """Writes ``prefix`` + the JSON of each item added, comma-separated + ``suffix`` into
    one growing buffer (``io.BytesIO``, whose ``getvalue()`` hands over the buffer itself).

    Small items are encoded in groups, one pydantic-core call per group of about
    ``limit / 64`` bytes; an item whose ``size_floor`` reaches that is streamed. An item
    whose lower bound cannot fit is refused before it is encoded (``BodyTooLarge``).
    """

    def __init__(self, limit: int, prefix: bytes, suffix: bytes) -> None:
        self.limit = limit
        self.suffix = suffix
        self.chunk = max(limit // 64, 16 * 1024)
        self.out = io.BytesIO()
        self.out.write(prefix)
        self.prefix_size = len(prefix)
        self.written = 0
        self.group: list[object] = []
        self.group_start = 0
        self.group_floor = 0
        self.group_finite = False  # its floats are known finite: no token scan needed

    def _size_with(self, more: int) -> int:
        separators = self.written + len(self.group)
        return self.out.tell() + more + separators + len(self.suffix)

    def add_all(
        self,
        items: Sequence[object],
        first: int = 0,
        measure: Optional[Callable[[int, int, int], Optional[Floor]]] = None,
        *,
        final: bool = True,
    ) -> None:
        """``add`` each item in order (``items[i]`` is item number ``first + i``), the
        common case faster: wherever no group is pending, the next ``GROUP_ITEMS`` items
        (or, if ``final``, the last few) are measured together and, if they are plain
        JSON, below the chunk and within the limit, become the very group ``add`` would
        have built and flushed (same bytes, same errors); else ``add`` takes them one by
        one. ``measure(start, stop, cap)`` is the ``plain_floor`` of ``items[start:stop]``
        (by default) or a bound at least as large. ``final``: no item is added after
        these (a measured floor exceeds ``add``'s, so a group may only stay pending when
        nothing follows it)."""
        index, count = 0, len(items)
        while index < count:
            stop = min(index + GROUP_ITEMS, count)
            if not self.group and (stop - index == GROUP_ITEMS or final):
                if measure is None:
                    floor = plain_floor(items[index:stop], self.chunk)
                else:
                    floor = measure(index, stop, self.chunk)
                if (
                    floor is not None
                    and floor.size < self.chunk
                    and self._size_with(floor.size + stop - index - 1) <= self.limit
                ):
                    self.group, self.group_start = list(items[index:stop]), first + index
                    self.group_floor, self.group_finite = floor
                    if stop - index == GROUP_ITEMS:  # full: ``add`` would flush it now
                        self.flush()
                    index = stop
                    continue
            self.add(first + index, items[index])
            index += 1

    def add(self, index: int, item: object) -> None:
        self.group_finite = False
        try:
            floor = size_floor(item)
        except Unencodable as exc:  # a value that contains itself
            raise BadValue(index, exc) from None
        if self._size_with(self.group_floor + floor) > self.limit:
            self.flush()
            if self._size_with(floor) > self.limit:  # refused before it is encoded
                alone = self.prefix_size + floor + len(self.suffix) > self.limit
                raise BodyTooLarge(self._size_with(floor), index, alone=alone)
        if floor < self.chunk:
            if not self.group:
                self.group_start = index
            self.group.append(item)
            self.group_floor += floor
            if self.group_floor >= self.chunk or len(self.group) >= GROUP_ITEMS:
                self.flush()
            return
        self.flush()
        if self.written:
            self.out.write(b",")
        self.written += 1
        try:
            write_streamed(self.out, item, limit=self.limit - len(self.suffix))
        except BodyTooLarge as exc:
            raise BodyTooLarge(exc.size + len(self.suffix), index) from None  # stopped midway
        except (NonFiniteNumber, Unencodable) as exc:
            raise BadValue(index, exc) from None

    def flush(self) -> None:
        group, self.group, self.group_floor = self.group, [], 0
        finite, self.group_finite = self.group_finite, False
        if not group:
            return
        try:
            piece = encode(group) if finite else encode_checked(group)
        except (NonFiniteNumber, Unencodable):
            raise self._locate(group) from None
        if self.written:
            self.out.write(b",")
        self.out.write(memoryview(piece)[1:-1])  # the list's items, without a copy
        self.written += len(group)
        del piece
        if self.out.tell() + len(self.suffix) > self.limit:
            raise BodyTooLarge(
                self.out.tell() + len(self.suffix), self.group_start + len(group) - 1
            )

    def _locate(self, group: list[object]) -> BadValue:
        for offset, whole in enumerate(group):
            params: object = whole
            path = ""
            if isinstance(whole, Mapping) and "params" in whole:
                params, path = cast("Mapping[str, object]", whole)["params"], "params"
            try:
                encode_checked(params, path)
            except (NonFiniteNumber, Unencodable) as exc:
                return BadValue(self.group_start + offset, exc)
        return BadValue(self.group_start, Unencodable("params", "unknown"))  # pragma: no cover

    def finish(self, extra: Mapping[str, object]) -> bytes:
        """Close the list, append ``extra`` keys, the suffix's last byte; the body."""
        self.flush()
        out = self.out
        out.write(self.suffix[:-1])
        try:
            for key, value in extra.items():
                name = key if isinstance(key, str) else str(key)  # JSON keys are strings
                out.write(b"," + encode_checked(name) + b":" + encode_checked(value, name))
        except (NonFiniteNumber, Unencodable) as exc:
            raise BadValue(None, exc) from None
        out.write(self.suffix[-1:])
        if out.tell() > self.limit:
            raise BodyTooLarge(out.tell(), exact=True)
        return out.getvalue()
