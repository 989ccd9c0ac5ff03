"""``BetaMessageBatchResult``: the union of outcomes of one request in a beta batch."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from ..._open_union import OpenUnion
from ...messages.message_batch_unknown_result import MessageBatchUnknownResult
from .beta_message_batch_canceled_result import BetaMessageBatchCanceledResult
from .beta_message_batch_errored_result import BetaMessageBatchErroredResult
from .beta_message_batch_expired_result import BetaMessageBatchExpiredResult
from .beta_message_batch_succeeded_result import BetaMessageBatchSucceededResult

__all__ = ["BetaMessageBatchResult"]

BetaMessageBatchResult: TypeAlias = OpenUnion[
    Union[
        BetaMessageBatchSucceededResult,
        BetaMessageBatchErroredResult,
        BetaMessageBatchCanceledResult,
        BetaMessageBatchExpiredResult,
    ],
    MessageBatchUnknownResult,
]
"""Narrow with ``result.type == "succeeded"`` and so on; a result kind newer than this SDK
parses as ``MessageBatchUnknownResult`` (never as a known kind)."""
