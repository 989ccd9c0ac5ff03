"""Models and params of the Message Batches API (``anthropic.types.messages``)."""

from .batch_create_params import BatchCreateParams as BatchCreateParams
from .batch_list_params import BatchListParams as BatchListParams
from .deleted_message_batch import DeletedMessageBatch as DeletedMessageBatch
from .message_batch import MessageBatch as MessageBatch
from .message_batch_canceled_result import MessageBatchCanceledResult as MessageBatchCanceledResult
from .message_batch_errored_result import MessageBatchErroredResult as MessageBatchErroredResult
from .message_batch_expired_result import MessageBatchExpiredResult as MessageBatchExpiredResult
from .message_batch_individual_response import (
    MessageBatchIndividualResponse as MessageBatchIndividualResponse,
)
from .message_batch_request_counts import MessageBatchRequestCounts as MessageBatchRequestCounts
from .message_batch_result import MessageBatchResult as MessageBatchResult
from .message_batch_succeeded_result import (
    MessageBatchSucceededResult as MessageBatchSucceededResult,
)
from .message_batch_unknown_result import MessageBatchUnknownResult as MessageBatchUnknownResult

__all__ = [
    "BatchCreateParams",
    "BatchListParams",
    "DeletedMessageBatch",
    "MessageBatch",
    "MessageBatchCanceledResult",
    "MessageBatchErroredResult",
    "MessageBatchExpiredResult",
    "MessageBatchIndividualResponse",
    "MessageBatchRequestCounts",
    "MessageBatchResult",
    "MessageBatchSucceededResult",
    "MessageBatchUnknownResult",
]
