"""``UnknownErrorObject``: an error object whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from pydantic import Field
from typing_extensions import Annotated

from .._open_union import UnknownVariant, not_one_of

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


class UnknownErrorObject(UnknownVariant):
    """An error object kind added by a newer API version, every field it carries kept.

    ``error.type == "not_found_error"`` and so on narrow the ``ErrorObject`` union
    (how it parses and narrows: ``UnknownVariant``).
    """

    if not TYPE_CHECKING:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_ERROR_TYPES))]
    message: Optional[str] = None
