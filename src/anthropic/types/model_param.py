"""``ModelParam``: the model name a request asks for (any string; known names autocomplete)."""

from __future__ import annotations

from typing_extensions import TypeAlias

from .model import Model

__all__ = ["ModelParam"]

ModelParam: TypeAlias = Model
"""The ``model`` of a Messages request: a known model name or any other string."""
