"""``MessageParam``: one turn of the conversation sent to the model."""

from typing import Iterable, Union

from typing_extensions import Literal, Required, TypedDict

from .content_block import ContentBlock
from .content_block_param import ContentBlockParam

__all__ = ["MessageParam"]


class MessageParam(TypedDict, total=False):
    """``{"role": "user", "content": "Hi"}``; content is a string or a list of blocks.

    Blocks of a received ``Message`` (``message.content``) may be passed back as they are.
    A final ``assistant`` turn is a prefill that the model continues.
    """

    role: Required[Literal["user", "assistant"]]
    content: Required[Union[str, Iterable[Union[ContentBlockParam, ContentBlock]]]]
