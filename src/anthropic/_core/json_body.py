"""The JSON encoding primitives behind the create body: bounded memory, finite numbers only.

    floor = size_floor(request)            # a lower bound of its encoded size, no encoding
    piece = encode_checked(value)          # pydantic-core's bytes; NonFiniteNumber if NaN/inf
    write_streamed(out, request, limit=n)  # a huge value, written in small slices

(``body_writer.BodyWriter`` puts them together; ``group_floor`` measures many requests at
once.)

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

import math
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, Optional, Sequence, Union, cast

from .request import serialize_json

__all__ = [
    "BadValue",
    "BodyTooLarge",
    "NonFiniteNumber",
    "Unencodable",
    "encode",
    "encode_checked",
    "find_non_finite",
    "has_non_finite_token",
    "size_floor",
    "write_streamed",
]

STRING_SLICE = 1 << 16
"""Characters of a long string encoded at a time by ``write_streamed``."""
STREAM_DEPTH = 64
"""Levels ``write_streamed`` descends before it encodes what is below in one piece."""

_MARKERS = (b"NaN", b"Infinity")
_KIND_OF: Callable[[object], object] = type  # ``type(x)``, typed for the checkers


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


_CYCLE_CHECK_AT = 1 << 16
"""Containers ``size_floor`` walks before it first checks for a circular reference (then
at every doubling): smaller values never pay for the check."""


def size_floor(value: object) -> int:
    """A lower bound of ``len(to_json(value))``, without encoding: the characters of every
    string and one byte per container item or scalar. Linear in the number of nodes;
    strings and scalars are counted where they are met, only containers are stacked.
    A value that contains itself would be walked for ever: past ``_CYCLE_CHECK_AT``
    containers it is checked, and ``Unencodable`` names where it contains itself.
    (Hot path: no ``cast`` calls, they cost a function call each.)"""
    total = 0
    stack: list[Any] = [value]
    pop, push, kind_of = stack.pop, stack.append, _KIND_OF
    containers, check_at = 0, _CYCLE_CHECK_AT
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
        containers += 1
        if containers >= check_at:
            check_at *= 2
            _refuse_cycle(value)
        for child in children:
            total += 1
            child_kind = kind_of(child)
            if child_kind is str:
                total += len(child)
            elif child_kind is dict or child_kind is list or child_kind is tuple:
                push(child)
    return total


_CONTAINERS = (dict, list, tuple)


def _entries(item: object) -> Iterator[tuple[str, object]]:
    if isinstance(item, dict):
        return ((f".{key}", child) for key, child in cast("dict[object, object]", item).items())
    return ((f"[{i}]", child) for i, child in enumerate(cast("Sequence[object]", item)))


def find_cycle(value: object) -> Optional[str]:
    """The path of the first dict or list found inside itself (``value`` itself: ``""``),
    else ``None``. Linear in the distinct containers: one shared many times is walked
    once (sharing is not a cycle; JSON just repeats it)."""
    if type(value) not in _CONTAINERS:
        return None
    on_path: set[int] = {id(value)}
    done: set[int] = set()
    frames: list[tuple[object, Iterator[tuple[str, object]]]] = [(value, _entries(value))]
    keys: list[str] = []
    while frames:
        node, entries = frames[-1]
        for key, child in entries:
            if type(child) in _CONTAINERS:
                if id(child) in on_path:
                    return "".join([*keys, key]).lstrip(".")
                if id(child) not in done:
                    on_path.add(id(child))
                    keys.append(key)
                    frames.append((child, _entries(child)))
                    break
        else:
            frames.pop()
            on_path.discard(id(node))
            done.add(id(node))
            if keys:
                keys.pop()
    return None


def _refuse_cycle(value: object) -> None:
    where = find_cycle(value)
    if where is not None:
        raise Unencodable(
            where or "value",
            "it contains itself: a circular reference",
        )


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


def encode(value: object, path: str = "") -> bytes:
    """``to_json(value)``, with no NaN/Infinity check; ``Unencodable`` (with its path)
    for a value pydantic-core cannot encode."""
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
    encoded = encode(value, path)
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
            out.write(encode(text, path))
        else:
            out.write(b'"')
            for start in range(0, len(text), STRING_SLICE):
                quoted = encode(text[start : start + STRING_SLICE], path)
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
                out.write(encode(key, path))
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
