"""The JSON encoding primitives behind the create body: bounded memory, finite numbers only.

    floor = size_floor(request)            # a lower bound of its encoded size, no encoding
    piece = encode_checked(value)          # pydantic-core's bytes; NonFiniteNumber if NaN/inf
    write_streamed(out, request, limit=n)  # a huge value, written in small slices

Why: pydantic-core builds its output in a buffer of its own and copies it into a ``bytes``,
so encoding a value of R bytes needs about 2 x R at its peak. The create body is written
into one growing buffer instead, from pieces that stay small: many small requests are
encoded in groups, and a request whose ``size_floor`` is large is walked here and only its
leaves (a long string in slices) go through pydantic-core. The output is byte for byte
what ``pydantic_core.to_json`` gives for the same value.

JSON has no NaN or Infinity; pydantic-core would write them as bare ``NaN``/``Infinity``
tokens that the API refuses (after the whole upload). ``NonFiniteNumber`` names the path.
"""

from __future__ import annotations

import gc
import io
import math
from itertools import compress, repeat
from operator import is_, length_hint
from typing import IO, Any, Callable, Iterable, Mapping, NamedTuple, Optional, Sequence, Union, cast

from .request import serialize_json

__all__ = [
    "GROUP_ITEMS",
    "BadValue",
    "BodyTooLarge",
    "BodyWriter",
    "Floor",
    "NonFiniteNumber",
    "Unencodable",
    "dicts_floor",
    "encode_checked",
    "find_non_finite",
    "has_non_finite_token",
    "plain_floor",
    "size_floor",
    "write_streamed",
]

STRING_SLICE = 1 << 16
"""Characters of a long string encoded at a time by ``write_streamed``."""
STREAM_DEPTH = 64
"""Levels ``write_streamed`` descends before it encodes what is below in one piece."""

_MARKERS = (b"NaN", b"Infinity")
_KIND_OF: Callable[[object], object] = type  # ``type(x)``, typed for the checkers
_PLAIN = frozenset((str, int, float, bool, type(None), dict, list, tuple))
GROUP_ITEMS = 1024
"""Most items ``BodyWriter`` encodes in one pydantic-core call."""


class NonFiniteNumber(ValueError):
    """A float that JSON cannot carry (NaN, Infinity, -Infinity) at ``path``."""

    def __init__(self, path: str, value: object) -> None:
        super().__init__(f"{path} is {value!r}")
        self.path = path
        self.value = value


class Unencodable(ValueError):
    """A value at ``path`` that pydantic-core cannot encode (``reason`` says why)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class BodyTooLarge(Exception):
    """The output passes ``limit``: ``size`` is its exact size if ``exact``, else a lower
    bound (of what was written plus what was still to come). ``index``: the item being
    added when it was refused; ``alone``: that item would not fit even by itself."""

    def __init__(
        self, size: int, index: Optional[int] = None, *, exact: bool = False, alone: bool = False
    ) -> None:
        super().__init__(size)
        self.size = size
        self.index = index
        self.exact = exact
        self.alone = alone


class BadValue(ValueError):
    """Item ``index`` (``None``: an extra key) holds a value JSON cannot carry (``cause``)."""

    def __init__(self, index: Optional[int], cause: Union[NonFiniteNumber, Unencodable]) -> None:
        super().__init__(str(cause))
        self.index = index
        self.cause = cause


def size_floor(value: object) -> int:
    """A lower bound of ``len(to_json(value))``, without encoding: the characters of every
    string and one byte per container item or scalar. Linear in the number of nodes;
    strings and scalars are counted where they are met, only containers are stacked.
    (Hot path: no ``cast`` calls, they cost a function call each.)"""
    total = 0
    stack: list[Any] = [value]
    pop, push, kind_of = stack.pop, stack.append, _KIND_OF
    while stack:
        item: Any = pop()
        kind = kind_of(item)
        if kind is dict:
            children: Iterable[Any] = item.values()
        elif kind is list or kind is tuple:
            children = item
        else:
            total += len(item) if kind is str else 1
            continue
        for child in children:
            total += 1
            child_kind = kind_of(child)
            if child_kind is str:
                total += len(child)
            elif child_kind is dict or child_kind is list or child_kind is tuple:
                push(child)
    return total


def _children_are_referents() -> bool:
    # ``plain_floor`` reads a level's children with gc.get_referents: CPython visits
    # every item of a list or tuple and every value of a dict (and, for dicts with keys
    # that are not all strings, the keys too, which only raises a lower bound that was
    # already safe). Checked once here; elsewhere ``plain_floor`` is never used.
    got = gc.get_referents(["ab", 7, None], {"k": 1.5}, ("t",))
    return sorted(map(repr, got)) == sorted(map(repr, ["ab", 7, None, 1.5, "t"]))


_REFERENTS_OK = _children_are_referents()


class Floor(NamedTuple):
    """A lower bound of an encoded size, and whether every float counted was finite."""

    size: int
    finite: bool


def plain_floor(items: Sequence[object], cap: int) -> Optional[Floor]:
    """For ``items`` made only of dicts, lists, tuples, str, int, float, bool and None:
    a lower bound of their encoded sizes together (at least the sum of their
    ``size_floor``), and whether every float inside is finite. ``None`` for anything
    else, or once the bound reaches ``cap`` (the caller then measures item by item).

    The tree is read one level at a time with builtin passes over the whole level and
    no Python code per node: ``gc.get_referents`` gives the children of all of a
    level's containers in one call. Each node counts 1 plus its ``len`` (a string's
    characters, a container's items), never more than the bytes it encodes to.
    Iterative, so depth costs no recursion; a cycle only grows the bound to ``cap``.
    """
    if not _REFERENTS_OK:
        return None
    level: Sequence[object] = items
    total = 0
    finite = True
    while level:
        kinds = set(map(type, level))
        if not kinds <= _PLAIN:
            return None
        total += len(level) + sum(map(length_hint, level))
        if total >= cap:
            return None
        if finite and float in kinds:
            floats = cast(
                "Iterable[float]", compress(level, map(is_, map(type, level), repeat(float)))
            )
            finite = math.isfinite(sum(floats))  # a NaN or an infinity makes the sum one
        level = gc.get_referents(*level)
    return Floor(total, finite)


def dicts_floor(dicts: Sequence[Mapping[str, object]], cap: int) -> Optional[Floor]:
    """``plain_floor`` of values the caller has checked are plain dicts: their own level
    costs one ``len`` each, and the walk starts at their values."""
    if not _REFERENTS_OK:
        return None
    own = len(dicts) + sum(map(len, dicts))
    inner = plain_floor(gc.get_referents(*dicts), cap - own)
    return None if inner is None else Floor(own + inner.size, inner.finite)


def find_non_finite(value: object, path: str = "") -> Optional[NonFiniteNumber]:
    """The first NaN/Infinity float inside dicts and lists, with its path; else ``None``."""
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, float):
            if not math.isfinite(item):
                return NonFiniteNumber(where or "value", item)
        elif isinstance(item, Mapping):
            entries = list(cast("Mapping[object, object]", item).items())
            for key, child in reversed(entries):
                stack.append((f"{where}.{key}" if where else str(key), child))
        elif isinstance(item, (list, tuple)):
            seq = cast("Sequence[object]", item)
            stack.extend((f"{where}[{i}]", seq[i]) for i in range(len(seq) - 1, -1, -1))
    return None


def _encode(value: object, path: str) -> bytes:
    try:
        return serialize_json(value)
    except Exception as exc:  # pydantic_core.PydanticSerializationError and friends
        raise Unencodable(path or "value", str(exc)) from None


def has_non_finite_token(encoded: bytes) -> bool:
    """Whether ``encoded`` (valid output of pydantic-core) holds a NaN/Infinity token,
    not merely those letters inside a string. A fast scan; parses only on a hit."""
    if not any(marker in encoded for marker in _MARKERS):
        return False
    import json

    def refuse(_name: str) -> Any:
        raise _Found

    try:
        json.loads(encoded, parse_constant=refuse)
    except _Found:
        return True
    except (ValueError, RecursionError):  # pragma: no cover - pydantic-core wrote it
        return False
    return False


class _Found(Exception):
    pass


def encode_checked(value: object, path: str = "") -> bytes:
    """``to_json(value)``; ``NonFiniteNumber`` (with its path) for a NaN/Infinity inside,
    ``Unencodable`` for a value pydantic-core cannot encode."""
    encoded = _encode(value, path)
    if has_non_finite_token(encoded):
        raise find_non_finite(value, path) or NonFiniteNumber(path or "value", "NaN/Infinity")
    return encoded


def write_streamed(
    out: IO[bytes], value: object, *, limit: int, path: str = "", depth: int = 0
) -> None:
    """Write ``to_json(value)`` to ``out`` without ever holding more than a slice of it
    twice. Raises ``BodyTooLarge`` as soon as ``out.tell()`` passes ``limit``.

    Below ``STREAM_DEPTH`` levels a value is handed to pydantic-core whole (no real body
    nests that deep): its depth limit applies as on the grouped path (``Unencodable``),
    and no nesting reaches the interpreter's recursion limit."""
    kind = type(value)
    if depth >= STREAM_DEPTH and (kind is dict or kind is list or kind is tuple):
        out.write(encode_checked(value, path))
    elif kind is str:
        text = cast(str, value)
        if len(text) <= STRING_SLICE:
            out.write(_encode(text, path))
        else:
            out.write(b'"')
            for start in range(0, len(text), STRING_SLICE):
                quoted = _encode(text[start : start + STRING_SLICE], path)
                out.write(memoryview(quoted)[1:-1])
                if out.tell() > limit:
                    raise BodyTooLarge(out.tell())
            out.write(b'"')
    elif kind is dict:
        mapping = cast("dict[object, object]", value)
        if not all(type(key) is str for key in mapping):
            out.write(encode_checked(mapping, path))  # keys pydantic-core converts itself
        else:
            out.write(b"{")
            for n, (key, child) in enumerate(mapping.items()):
                if n:
                    out.write(b",")
                out.write(_encode(key, path))
                out.write(b":")
                where = f"{path}.{key}" if path else str(key)
                write_streamed(out, child, limit=limit, path=where, depth=depth + 1)
            out.write(b"}")
    elif kind is list or kind is tuple:
        seq = cast("Sequence[object]", value)
        out.write(b"[")
        for i, child in enumerate(seq):
            if i:
                out.write(b",")
            write_streamed(out, child, limit=limit, path=f"{path}[{i}]", depth=depth + 1)
        out.write(b"]")
    elif kind is float and not math.isfinite(cast(float, value)):
        raise NonFiniteNumber(path or "value", value)
    else:
        out.write(encode_checked(value, path))  # scalars, models, anything pydantic-core takes
    if out.tell() > limit:
        raise BodyTooLarge(out.tell())


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
        floor = size_floor(item)
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
            piece = _encode(group, "") if finite else encode_checked(group)
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
