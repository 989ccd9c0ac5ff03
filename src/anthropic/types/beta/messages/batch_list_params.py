"""``BatchListParams`` of ``client.beta.messages.batches.list``."""

from __future__ import annotations

from typing import List

from typing_extensions import TypedDict

from ..anthropic_beta_param import AnthropicBetaParam

__all__ = ["BatchListParams"]


class BatchListParams(TypedDict, total=False):
    """Paging arguments (as on the stable endpoint) and betas."""

    after_id: str
    """The page right after this batch id (older batches)."""
    before_id: str
    """The page right before this batch id (newer batches)."""
    limit: int
    """Batches per page, 1 to 1000."""
    betas: List[AnthropicBetaParam]
    """Beta features to enable, sent as the ``anthropic-beta`` header."""
