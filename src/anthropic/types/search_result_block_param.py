"""``SearchResultBlockParam``: a search result the caller supplies, citable by the model."""

from typing import Iterable, Optional

from typing_extensions import Literal, Required, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam
from .citations_config_param import CitationsConfigParam
from .text_block_param import TextBlockParam

__all__ = ["SearchResultBlockParam"]


class SearchResultBlockParam(TypedDict, total=False):
    """A search hit from the caller's own search (``source`` is usually its URL)."""

    type: Required[Literal["search_result"]]
    source: Required[str]
    title: Required[str]
    content: Required[Iterable[TextBlockParam]]
    cache_control: Optional[CacheControlEphemeralParam]
    citations: CitationsConfigParam
