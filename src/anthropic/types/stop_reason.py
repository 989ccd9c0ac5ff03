"""``StopReason``: why the model stopped generating."""

from __future__ import annotations

from typing_extensions import Literal, TypeAlias

__all__ = ["StopReason"]

StopReason: TypeAlias = Literal[
    "end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal"
]
"""The stop reasons known to this SDK.

``Message.stop_reason`` is typed ``Union[StopReason, str]``: a newer API version may send a
reason not listed here, and it is kept as a plain string rather than rejected.
"""
