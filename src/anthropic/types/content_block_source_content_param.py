"""``ContentBlockSourceContentParam``: one block of a custom-content document."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .image_block_param import ImageBlockParam
from .text_block_param import TextBlockParam

__all__ = ["ContentBlockSourceContentParam"]

ContentBlockSourceContentParam: TypeAlias = Union[TextBlockParam, ImageBlockParam]
"""A text or image block inside a ``content`` document source."""
