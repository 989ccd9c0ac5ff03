"""``UnknownContentBlockDelta``: a delta whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field
from typing_extensions import Annotated, Literal

from .._models import BaseModel
from ._open_union import not_one_of

__all__ = ["KNOWN_DELTA_TYPES", "UnknownContentBlockDelta"]

KNOWN_DELTA_TYPES = frozenset(
    {"text_delta", "input_json_delta", "citations_delta", "thinking_delta", "signature_delta"}
)
"""The ``type`` values of the known members of ``RawContentBlockDelta``."""


class UnknownContentBlockDelta(BaseModel):
    """A delta kind added by a newer API version; its fields are kept, and the stream
    helpers leave the block it belongs to unchanged.

    Type checkers see ``Literal["unknown"]`` so that ``delta.type == "text_delta"`` still
    narrows the union; at run time ``type`` holds the value from the wire.
    """

    model_config = ConfigDict(regex_engine="python-re")

    if TYPE_CHECKING:
        type: Literal["unknown"]
    else:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_DELTA_TYPES))]
