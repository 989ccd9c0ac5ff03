"""``MessageBatchUnknownResult``: a result whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field
from typing_extensions import Annotated, Literal

from ..._models import BaseModel
from .._open_union import not_one_of

__all__ = ["KNOWN_RESULT_TYPES", "MessageBatchUnknownResult"]

KNOWN_RESULT_TYPES = frozenset(
    {
        "succeeded",
        "errored",
        "canceled",
        "expired",
    }
)
"""The ``type`` values of the known members of ``MessageBatchResult``."""


class MessageBatchUnknownResult(BaseModel):
    """A result kind added by a newer API version; every field it carries is kept.

    It is never one of the known kinds: a result of an unknown type is not treated as
    succeeded. Detect it with ``isinstance(result, MessageBatchUnknownResult)``, or as the
    branch left after checking the known types, and read its fields as attributes or with
    ``to_dict()``.

    ``type`` holds the real value from the wire and is never a known type. Type checkers
    see ``Literal["unknown"]`` instead of ``str`` only so that ``result.type == "succeeded"``
    still narrows the ``MessageBatchResult`` union.
    """

    model_config = ConfigDict(regex_engine="python-re")

    if TYPE_CHECKING:
        type: Literal["unknown"]
    else:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_RESULT_TYPES))]
