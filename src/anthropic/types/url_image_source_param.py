"""``URLImageSourceParam``: an image the API downloads from a URL."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["URLImageSourceParam"]


class URLImageSourceParam(TypedDict, total=False):
    """An image fetched by the API from ``url``."""

    type: Required[Literal["url"]]
    url: Required[str]
