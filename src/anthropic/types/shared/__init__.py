"""Models shared across API resources: the error body and its error objects."""

from .api_error_object import APIErrorObject as APIErrorObject
from .authentication_error import AuthenticationError as AuthenticationError
from .billing_error import BillingError as BillingError
from .error_object import ErrorObject as ErrorObject
from .error_response import ErrorResponse as ErrorResponse
from .gateway_timeout_error import GatewayTimeoutError as GatewayTimeoutError
from .invalid_request_error import InvalidRequestError as InvalidRequestError
from .not_found_error import NotFoundError as NotFoundError
from .overloaded_error import OverloadedError as OverloadedError
from .permission_error import PermissionError as PermissionError
from .rate_limit_error import RateLimitError as RateLimitError
from .request_too_large_error import RequestTooLargeError as RequestTooLargeError
from .unknown_error_object import UnknownErrorObject as UnknownErrorObject

__all__ = [
    "APIErrorObject",
    "AuthenticationError",
    "BillingError",
    "ErrorObject",
    "ErrorResponse",
    "GatewayTimeoutError",
    "InvalidRequestError",
    "NotFoundError",
    "OverloadedError",
    "PermissionError",
    "RateLimitError",
    "RequestTooLargeError",
    "UnknownErrorObject",
]
