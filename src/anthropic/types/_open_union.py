"""How the forward-compatible unions (content blocks, citations, results, errors) are built.

Each such union is written as

    Annotated[
        Union[Annotated[Union[KnownA, KnownB], Field(discriminator="type")], UnknownX],
        Field(union_mode="left_to_right"),
    ]

The inner tagged union dispatches on ``type`` inside pydantic-core, as fast as a plain
``Field(discriminator="type")`` union (the common path runs no Python code). Only when it
fails is the fallback model tried; its ``type`` field must be a string that is *not* one of
the known types (``not_one_of``). So:

- an unknown type parses as the fallback model, keeping every field it carries;
- a known type that fails validation is never relabelled as unknown: both members fail,
  and the caller sees a ``ValidationError`` (the response parser then builds leniently).

A callable ``Discriminator`` gives the same guarantees but converts each value to Python
objects before dispatch; it measured ~40% slower on result lines (see the test notes).
The pattern needs a look-ahead, so fallback models use the ``python-re`` engine; it only
runs on the rare fallback path.
"""

from __future__ import annotations

import re
from typing import AbstractSet

__all__ = ["not_one_of"]


def not_one_of(known: AbstractSet[str]) -> str:
    """A regex matching every string except exactly one of ``known``."""
    alternatives = "|".join(re.escape(word) for word in sorted(known))
    return rf"^(?!(?:{alternatives})\Z)"
