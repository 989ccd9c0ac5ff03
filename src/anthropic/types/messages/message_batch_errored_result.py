"""``MessageBatchErroredResult``: a request of the batch that failed."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel
from ..shared.error_response import ErrorResponse

__all__ = ["MessageBatchErroredResult"]


class MessageBatchErroredResult(BaseModel):
    """The request failed: invalid params (not billed) or an error while processing it.

    ``error.error.type`` says which; ``invalid_request_error`` needs the request fixed,
    other errors may succeed when the request is sent again.
    """

    error: ErrorResponse
    type: Literal["errored"]
