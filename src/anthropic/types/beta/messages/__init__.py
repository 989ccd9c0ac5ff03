"""Models and params of ``client.beta.messages.batches`` (``anthropic.types.beta.messages``)."""

from .batch_create_params import BatchCreateParams as BatchCreateParams
from .batch_list_params import BatchListParams as BatchListParams
from .beta_deleted_message_batch import BetaDeletedMessageBatch as BetaDeletedMessageBatch
from .beta_message_batch import BetaMessageBatch as BetaMessageBatch
from .beta_message_batch_canceled_result import (
    BetaMessageBatchCanceledResult as BetaMessageBatchCanceledResult,
)
from .beta_message_batch_errored_result import (
    BetaMessageBatchErroredResult as BetaMessageBatchErroredResult,
)
from .beta_message_batch_expired_result import (
    BetaMessageBatchExpiredResult as BetaMessageBatchExpiredResult,
)
from .beta_message_batch_individual_response import (
    BetaMessageBatchIndividualResponse as BetaMessageBatchIndividualResponse,
)
from .beta_message_batch_request_counts import (
    BetaMessageBatchRequestCounts as BetaMessageBatchRequestCounts,
)
from .beta_message_batch_result import BetaMessageBatchResult as BetaMessageBatchResult
from .beta_message_batch_succeeded_result import (
    BetaMessageBatchSucceededResult as BetaMessageBatchSucceededResult,
)

__all__ = [
    "BatchCreateParams",
    "BatchListParams",
    "BetaDeletedMessageBatch",
    "BetaMessageBatch",
    "BetaMessageBatchCanceledResult",
    "BetaMessageBatchErroredResult",
    "BetaMessageBatchExpiredResult",
    "BetaMessageBatchIndividualResponse",
    "BetaMessageBatchRequestCounts",
    "BetaMessageBatchResult",
    "BetaMessageBatchSucceededResult",
]
