"""``PlainTextSourceParam``: a plain-text document."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["PlainTextSourceParam"]


class PlainTextSourceParam(TypedDict, total=False):
    """A plain-text document given inline (citations point at character ranges)."""

    type: Required[Literal["text"]]
    media_type: Required[Literal["text/plain"]]
    data: Required[str]
