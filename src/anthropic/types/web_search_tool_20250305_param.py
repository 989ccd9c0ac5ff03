"""``WebSearchTool20250305Param``: the server-side web search tool."""

from typing import List, Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["UserLocation", "WebSearchTool20250305Param"]


class UserLocation(TypedDict, total=False):
    """An approximate location used to localise search results."""

    type: Required[Literal["approximate"]]
    city: Optional[str]
    country: Optional[str]
    """Two-letter ISO country code."""
    region: Optional[str]
    timezone: Optional[str]
    """IANA time zone name."""


class WebSearchTool20250305Param(TypedDict, total=False):
    """Lets the model search the web; the API runs the searches and bills them."""

    name: Required[Literal["web_search"]]
    type: Required[Literal["web_search_20250305"]]
    allowed_domains: Optional[List[str]]
    blocked_domains: Optional[List[str]]
    max_uses: Optional[int]
    """Upper bound on searches per request."""
    user_location: Optional[UserLocation]
    cache_control: Optional[CacheControlEphemeralParam]
