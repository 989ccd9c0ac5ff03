"""``BatchCreateParams`` of ``client.beta.messages.batches.create``."""

from __future__ import annotations

from typing import Iterable, List

from typing_extensions import Required, TypedDict

from ...messages.batch_create_params import Request
from ..anthropic_beta_param import AnthropicBetaParam

__all__ = ["BatchCreateParams", "Request"]


class BatchCreateParams(TypedDict, total=False):
    """The arguments of a beta create: the requests (as on the stable endpoint) and betas."""

    requests: Required[Iterable[Request]]
    """1 to 100,000 requests, each a ``custom_id`` and the ``params`` of one Messages call."""
    betas: List[AnthropicBetaParam]
    """Beta features to enable, sent as the ``anthropic-beta`` header."""
