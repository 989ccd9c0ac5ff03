"""A fast, typed client for the Anthropic Message Batches API, with a local emulator.

    from anthropic import Anthropic
    client = Anthropic()
    batch = client.messages.batches.create(requests=[...])

Public names are listed in ``__all__`` (locked by a test). Heavier modules (``types``,
``pagination``, ``emulator``, ``lib``) load on first use.
"""

import typing as _typing

from ._base_client import DefaultAsyncHttpxClient, DefaultHttpxClient
from ._client import Anthropic, AsyncAnthropic, AsyncClient, Client
from ._constants import AI_PROMPT, HUMAN_PROMPT
from ._core.batch_requests import InvalidBatchRequestError
from ._core.config import DEFAULT_LIMITS as DEFAULT_CONNECTION_LIMITS
from ._core.config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._exceptions import (
    AnthropicError,
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BatchCreateOutcomeUnknownError,
    BatchCreateTimeoutError,
    BatchNotEndedError,
    ConflictError,
    DeadlineExceededError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    OverloadedError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RequestTooLargeError,
    ResultsDecodeError,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from ._files import file_from_path
from ._logs import setup_logging as _setup_logging
from ._response import APIResponse, AsyncAPIResponse
from ._types import (
    NOT_GIVEN,
    NoneType,
    NotGiven,
    Omit,
    ProxiesTypes,
    RequestOptions,
    Timeout,
    Transport,
)
from ._version import __version__

if _typing.TYPE_CHECKING:
    from . import emulator, lib, pagination, resources, types
    from ._aiohttp import DefaultAioHttpClient
    from ._models import BaseModel
    from ._streaming import AsyncStream, Stream

__title__ = "anthropic"

__all__ = [
    "AI_PROMPT",
    "DEFAULT_CONNECTION_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "HUMAN_PROMPT",
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "Anthropic",
    "AnthropicError",
    "AsyncAPIResponse",
    "AsyncAnthropic",
    "AsyncClient",
    "AsyncStream",
    "AuthenticationError",
    "BadRequestError",
    "BaseModel",
    "BatchCreateOutcomeUnknownError",
    "BatchCreateTimeoutError",
    "BatchNotEndedError",
    "Client",
    "ConflictError",
    "DeadlineExceededError",
    "DefaultAioHttpClient",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "InternalServerError",
    "InvalidBatchRequestError",
    "MissingCredentialsError",
    "NoneType",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "OverloadedError",
    "PaginationError",
    "PermissionDeniedError",
    "ProxiesTypes",
    "RateLimitError",
    "RequestOptions",
    "RequestTooLargeError",
    "ResultsDecodeError",
    "ServiceUnavailableError",
    "Stream",
    "Timeout",
    "Transport",
    "UnprocessableEntityError",
    "__title__",
    "__version__",
    "emulator",
    "file_from_path",
    "lib",
    "pagination",
    "resources",
    "types",
]

_LAZY_MODULES = {"emulator", "lib", "pagination", "resources", "types"}


_T = _typing.TypeVar("_T")


def _public(value: _T) -> _T:
    """Name our exported classes and functions after the package, as the official SDK
    does: a traceback reads ``anthropic.NotFoundError``, not ``anthropic._exceptions...``.
    Objects of other packages (httpx's) are left alone."""
    module = getattr(value, "__module__", None)
    if isinstance(module, str) and module.startswith(__name__ + ".") and callable(value):
        value.__module__ = __name__
    return value


for _name in __all__:
    _public(globals().get(_name))


def __getattr__(name: str) -> object:
    # pydantic and the type modules load on first use: ``import anthropic`` stays cheap.
    if name == "BaseModel":
        from ._models import BaseModel

        globals()["BaseModel"] = _public(BaseModel)
        return BaseModel
    if name == "DefaultAioHttpClient":  # aiohttp loads only for those who use it
        from ._aiohttp import DefaultAioHttpClient

        globals()[name] = _public(DefaultAioHttpClient)
        return DefaultAioHttpClient
    if name in ("Stream", "AsyncStream"):  # anyio loads only for those who stream
        from . import _streaming

        value = _public(getattr(_streaming, name))
        globals()[name] = value
        return value
    if name in _LAZY_MODULES:
        import importlib

        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'anthropic' has no attribute {name!r}")


_setup_logging()
