"""``UnknownTextCitation``: a citation whose ``type`` this SDK version does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field
from typing_extensions import Annotated, Literal

from .._models import BaseModel
from ._open_union import not_one_of

__all__ = ["KNOWN_CITATION_TYPES", "UnknownTextCitation"]

KNOWN_CITATION_TYPES = frozenset(
    {
        "char_location",
        "page_location",
        "content_block_location",
        "web_search_result_location",
        "search_result_location",
    }
)
"""The ``type`` values of the known members of ``TextCitation``."""


class UnknownTextCitation(BaseModel):
    """A citation kind added by a newer API version; every field it carries is kept.

    Detect it with ``isinstance(citation, UnknownTextCitation)``, or as the branch left after
    checking the known types, and read its fields as attributes or with ``to_dict()``.

    ``type`` holds the real value from the wire and is never a known type. Type checkers
    see ``Literal["unknown"]`` instead of ``str`` only so that ``citation.type == "char_location"``
    still narrows the ``TextCitation`` union.
    """

    model_config = ConfigDict(regex_engine="python-re")

    if TYPE_CHECKING:
        type: Literal["unknown"]
    else:
        type: Annotated[str, Field(pattern=not_one_of(KNOWN_CITATION_TYPES))]
