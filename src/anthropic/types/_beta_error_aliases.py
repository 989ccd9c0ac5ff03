"""The official SDK's ``Beta…`` names of the API's error objects, importable from
``anthropic.types`` as there. They are the stable classes themselves (a beta result's
error parses as ``ErrorResponse``: see the README's differences table), so annotations,
imports and ``isinstance`` checks written for the official SDK work unchanged."""

from __future__ import annotations

from typing_extensions import TypeAlias

from .shared import (
    APIErrorObject,
    AuthenticationError,
    BillingError,
    ErrorObject,
    ErrorResponse,
    GatewayTimeoutError,
    InvalidRequestError,
    NotFoundError,
    OverloadedError,
    PermissionError,
    RateLimitError,
)

BetaAPIError = APIErrorObject
BetaAuthenticationError = AuthenticationError
BetaBillingError = BillingError
BetaError: TypeAlias = ErrorObject
BetaErrorResponse = ErrorResponse
BetaGatewayTimeoutError = GatewayTimeoutError
BetaInvalidRequestError = InvalidRequestError
BetaNotFoundError = NotFoundError
BetaOverloadedError = OverloadedError
BetaPermissionError = PermissionError
BetaRateLimitError = RateLimitError
