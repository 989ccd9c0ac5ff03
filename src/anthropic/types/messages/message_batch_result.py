"""``MessageBatchResult``: the union of outcomes of one request in a batch."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .._open_union import OpenUnion
from .message_batch_canceled_result import MessageBatchCanceledResult
from .message_batch_errored_result import MessageBatchErroredResult
from .message_batch_expired_result import MessageBatchExpiredResult
from .message_batch_succeeded_result import MessageBatchSucceededResult
from .message_batch_unknown_result import MessageBatchUnknownResult

__all__ = ["MessageBatchResult"]

MessageBatchResult: TypeAlias = OpenUnion[
    Union[
        MessageBatchSucceededResult,
        MessageBatchErroredResult,
        MessageBatchCanceledResult,
        MessageBatchExpiredResult,
    ],
    MessageBatchUnknownResult,
]
"""One request's outcome; narrow with ``result.type == "succeeded"`` and so on.

Result kinds this SDK does not know parse as ``MessageBatchUnknownResult``, never as a
known kind.
"""
