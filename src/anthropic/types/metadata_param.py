"""``MetadataParam``: metadata about the request."""

from typing import Optional

from typing_extensions import TypedDict

__all__ = ["MetadataParam"]


class MetadataParam(TypedDict, total=False):
    """Request metadata; ``user_id`` is an opaque id (a UUID or hash, no personal data)."""

    user_id: Optional[str]
