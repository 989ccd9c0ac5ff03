"""Lower bounds of the encoded size of many plain JSON values at once, without encoding.

    floor = plain_floor(group, cap)   # Floor(size, finite), or None: measure one by one

``json_body.size_floor`` walks one value in Python, a few operations per node. A group
of requests is measured here with builtin passes over each level of the group's tree
instead (no Python code per node), which the create body's writer uses for its groups.
"""

from __future__ import annotations

import gc
import math
from itertools import compress, repeat
from operator import is_, length_hint
from typing import Iterable, Mapping, NamedTuple, Optional, Sequence, cast

__all__ = ["Floor", "dicts_floor", "plain_floor"]

_PLAIN = frozenset((str, int, float, bool, type(None), dict, list, tuple))


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
