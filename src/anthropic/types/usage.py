"""``Usage``: the token accounting of one message (billing and rate limits use it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional, Union

from typing_extensions import Literal

from .._models import BaseModel
from .cache_creation import CacheCreation
from .server_tool_usage import ServerToolUsage

__all__ = ["Usage"]


class Usage(BaseModel):
    """Tokens read and written for one message.

    Every field but the two basic counts may be absent or ``null`` (older messages, or a
    feature that did not apply); new counters from newer API versions are kept as extras.
    """

    cache_creation: Optional[CacheCreation] = None
    """Cache writes split by cache lifetime."""

    cache_creation_input_tokens: Optional[int] = None
    """Input tokens written to the prompt cache."""

    cache_read_input_tokens: Optional[int] = None
    """Input tokens read from the prompt cache."""

    input_tokens: int
    """Input tokens that were read without the prompt cache."""

    output_tokens: int
    """Tokens the model generated."""

    server_tool_use: Optional[ServerToolUsage] = None
    """How often server tools (such as web search) ran."""

    if TYPE_CHECKING:
        service_tier: Optional[Literal["standard", "priority", "batch"]] = None
    else:  # a newer tier stays a plain string at runtime (forward compatible)
        service_tier: Optional[Union[Literal["standard", "priority", "batch"], str]] = None
    """The tier that served the request; batch results say ``"batch"``."""
