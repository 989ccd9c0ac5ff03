"""``ImageBlockParam``: an image in a user message."""

from typing import Optional, Union

from typing_extensions import Literal, Required, TypeAlias, TypedDict

from .base64_image_source_param import Base64ImageSourceParam
from .cache_control_ephemeral_param import CacheControlEphemeralParam
from .url_image_source_param import URLImageSourceParam

__all__ = ["ImageBlockParam", "Source"]

Source: TypeAlias = Union[Base64ImageSourceParam, URLImageSourceParam]
"""Where the image comes from: inline base64 or a URL."""


class ImageBlockParam(TypedDict, total=False):
    """``{"type": "image", "source": {...}}``."""

    type: Required[Literal["image"]]
    source: Required[Source]
    cache_control: Optional[CacheControlEphemeralParam]
