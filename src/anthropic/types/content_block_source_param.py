"""``ContentBlockSourceParam``: a document made of caller-chosen blocks."""

from typing import Iterable, Union

from typing_extensions import Literal, Required, TypedDict

from .content_block_source_content_param import ContentBlockSourceContentParam

__all__ = ["ContentBlockSourceParam"]


class ContentBlockSourceParam(TypedDict, total=False):
    """A document whose citable units are the given blocks (or one string)."""

    type: Required[Literal["content"]]
    content: Required[Union[str, Iterable[ContentBlockSourceContentParam]]]
