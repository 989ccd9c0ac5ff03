"""``CacheControlEphemeralParam``: mark a prompt prefix for caching."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["CacheControlEphemeralParam"]


class CacheControlEphemeralParam(TypedDict, total=False):
    """Cache the prompt up to and including this block (``{"type": "ephemeral"}``)."""

    type: Required[Literal["ephemeral"]]
    ttl: Literal["5m", "1h"]
    """How long the cache entry lives; the API default is ``"5m"``."""
