"""``BillingError``: the error object of a ``billing_error`` response."""

from __future__ import annotations

from typing_extensions import Literal

from ..._models import BaseModel

__all__ = ["BillingError"]


class BillingError(BaseModel):
    """The account's billing state does not allow the request (HTTP 402/403)."""

    message: str
    type: Literal["billing_error"]
