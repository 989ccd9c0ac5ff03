"""``Model``: the name of a Claude model, as the API reports it on a message."""

from __future__ import annotations

from typing import Union

from typing_extensions import Literal, TypeAlias

__all__ = ["Model"]

Model: TypeAlias = Union[
    Literal[
        "claude-opus-4-1-20250805",
        "claude-opus-4-1",
        "claude-opus-4-20250514",
        "claude-opus-4-0",
        "claude-sonnet-4-20250514",
        "claude-sonnet-4-0",
        "claude-3-7-sonnet-20250219",
        "claude-3-7-sonnet-latest",
        "claude-3-5-haiku-20241022",
        "claude-3-5-haiku-latest",
        "claude-3-haiku-20240307",
    ],
    str,
]
"""A model name. The literals are the names known to this SDK; any other string is valid."""
