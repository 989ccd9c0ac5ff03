"""``InputJSONDelta``: a piece of a ``tool_use`` block's input JSON."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["InputJSONDelta"]


class InputJSONDelta(BaseModel):
    """A piece of a ``tool_use`` block's input JSON."""

    partial_json: str
    """The next characters of the JSON text; only their concatenation is valid JSON."""
    type: Literal["input_json_delta"]
