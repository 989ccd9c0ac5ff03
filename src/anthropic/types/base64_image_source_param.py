"""``Base64ImageSourceParam``: image bytes inlined as base64."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["Base64ImageSourceParam"]


class Base64ImageSourceParam(TypedDict, total=False):
    """An image given inline: base64 ``data`` of the stated ``media_type``."""

    type: Required[Literal["base64"]]
    media_type: Required[Literal["image/jpeg", "image/png", "image/gif", "image/webp"]]
    data: Required[str]
