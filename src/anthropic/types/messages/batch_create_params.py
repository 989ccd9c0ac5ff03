"""``BatchCreateParams``: the body of ``POST /v1/messages/batches``."""

from typing import Iterable, Union

from typing_extensions import Literal, Required, TypedDict

from ..message_create_params import MessageCreateParamsNonStreaming

__all__ = ["AcceptedRequest", "BatchCreateParams", "Request", "URLRequest"]


class Request(TypedDict, total=False):
    """One request of a batch.

    {"custom_id": "q-1", "params": {"model": "...", "max_tokens": 1024, "messages": [...]}}
    """

    custom_id: Required[str]
    """1-64 characters of ``[a-zA-Z0-9_-]``, unique within the batch; results carry it."""
    params: Required[MessageCreateParamsNonStreaming]
    """A non-streaming Messages request; it is validated only when the batch runs."""


class URLRequest(TypedDict):
    """The same request in the ``{"custom_id", "method", "url", "body"}`` shape other batch
    APIs use; the SDK sends it as ``{"custom_id", "params": body}``.

    {"custom_id": "q-1", "method": "POST", "url": "/v1/messages", "body": {...}}
    """

    custom_id: str
    method: Literal["POST"]
    url: Literal["/v1/messages"]
    body: MessageCreateParamsNonStreaming


AcceptedRequest = Union[Request, URLRequest]
"""What ``batches.create`` and ``submit`` take per request: either shape."""


class BatchCreateParams(TypedDict, total=False):
    """The batch to create: 1 to 100,000 requests, at most 256 MB in total."""

    requests: Required[Iterable[Request]]
