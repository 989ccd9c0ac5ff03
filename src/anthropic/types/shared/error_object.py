"""``ErrorObject``: the union of error objects inside an ``ErrorResponse``."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from .._open_union import OpenUnion
from .api_error_object import APIErrorObject
from .authentication_error import AuthenticationError
from .billing_error import BillingError
from .gateway_timeout_error import GatewayTimeoutError
from .invalid_request_error import InvalidRequestError
from .not_found_error import NotFoundError
from .overloaded_error import OverloadedError
from .permission_error import PermissionError
from .rate_limit_error import RateLimitError
from .request_too_large_error import RequestTooLargeError
from .unknown_error_object import UnknownErrorObject

__all__ = ["ErrorObject"]

ErrorObject: TypeAlias = OpenUnion[
    Union[
        InvalidRequestError,
        AuthenticationError,
        BillingError,
        PermissionError,
        NotFoundError,
        RequestTooLargeError,
        RateLimitError,
        GatewayTimeoutError,
        APIErrorObject,
        OverloadedError,
    ],
    UnknownErrorObject,
]
"""The ``error`` of an error body; narrow with ``error.type == "..."``.

Error kinds this SDK does not know parse as ``UnknownErrorObject``.
"""
