"""``Base64PDFSourceParam``: a PDF inlined as base64."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["Base64PDFSourceParam"]


class Base64PDFSourceParam(TypedDict, total=False):
    """A PDF document given inline as base64 ``data``."""

    type: Required[Literal["base64"]]
    media_type: Required[Literal["application/pdf"]]
    data: Required[str]
