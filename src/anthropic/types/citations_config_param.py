"""``CitationsConfigParam``: turn citations on for a document."""

from typing_extensions import TypedDict

__all__ = ["CitationsConfigParam"]


class CitationsConfigParam(TypedDict, total=False):
    """``{"enabled": True}`` lets the model cite the document in its answer."""

    enabled: bool
