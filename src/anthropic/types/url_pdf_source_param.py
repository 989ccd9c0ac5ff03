"""``URLPDFSourceParam``: a PDF the API downloads from a URL."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["URLPDFSourceParam"]


class URLPDFSourceParam(TypedDict, total=False):
    """A PDF document fetched by the API from ``url``."""

    type: Required[Literal["url"]]
    url: Required[str]
