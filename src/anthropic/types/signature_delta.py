"""``SignatureDelta``: the signature of a finished ``thinking`` block."""

from __future__ import annotations

from typing_extensions import Literal

from .._models import BaseModel

__all__ = ["SignatureDelta"]


class SignatureDelta(BaseModel):
    """The signature of a finished ``thinking`` block."""

    signature: str
    type: Literal["signature_delta"]
