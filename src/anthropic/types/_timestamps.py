"""``Timestamp``: a required response datetime, printed as the official SDK prints it.

The official SDK builds a required ``datetime`` field with its own parser, whose values
carry a ``datetime.timezone`` (``tzinfo=datetime.timezone.utc``); optional ones go through
pydantic and carry pydantic's ``TzInfo(0)``. ``repr(model)`` shows the difference, so our
required timestamps convert their zone the same way (the instant is unchanged).
"""

from __future__ import annotations

from datetime import datetime, timezone

from pydantic import AfterValidator
from typing_extensions import Annotated, TypeAlias

__all__ = ["Timestamp"]


def _plain_timezone(value: datetime) -> datetime:
    offset = value.utcoffset()
    if offset is None:  # a naive datetime stays naive
        return value
    return value.replace(tzinfo=timezone.utc if not offset else timezone(offset))


Timestamp: TypeAlias = Annotated[datetime, AfterValidator(_plain_timezone)]
"""A ``datetime`` to type checkers; its zone is a ``datetime.timezone`` at run time."""
