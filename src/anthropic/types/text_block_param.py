"""``TextBlockParam``: a block of text in a request."""

from typing import Iterable, Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam
from .text_citation_param import TextCitationParam

__all__ = ["TextBlockParam"]


class TextBlockParam(TypedDict, total=False):
    """``{"type": "text", "text": "..."}``, in message content or the system prompt."""

    type: Required[Literal["text"]]
    text: Required[str]
    cache_control: Optional[CacheControlEphemeralParam]
    citations: Optional[Iterable[TextCitationParam]]
