"""``UnknownErrorObject``: an error object whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from pydantic import ConfigDict, Field
from typing_extensions import Annotated, Literal

from ..._models import BaseModel
from .._open_union import not_one_of

__all__ = ["KNOWN_ERROR_TYPES", "UnknownErrorObject"]

KNOWN_ERROR_TYPES = frozenset(
    {
        "invalid_request_error",
        "authentication_error",
        "billing_error",
        "permission_error",
        "not_found_error",
        "request_too_large",
        "rate_limit_error",
        "timeout_error",
        "api_error",
        "overloaded_error",
    }
)
"""The ``type`` values of the known members of ``ErrorObject``."""


class UnknownErrorObject(BaseModel):
    """A error object kind added by a newer API version; every field it carries is kept.

    Detect it with ``isinstance(error, UnknownErrorObject)``, or as the branch left after
    checking the known types, and read its fields as attributes or with ``to_dict()``.

    ``type`` holds the real value from the wire and is never a known type. Type checkers
    see ``Literal["unknown"]`` instead of ``str`` only so that ``error.type == "not_found_error"``
    still narrows the ``ErrorObject`` union.
    """

    model_config = ConfigDict(regex_engine="python-re")

    if TYPE_CHECKING:
        type: Literal["unknown"]
    else:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_ERROR_TYPES))]
    message: Optional[str] = None
