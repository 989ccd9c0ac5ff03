"""``StopReason``: why the model stopped generating."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from typing_extensions import Literal, TypeAlias

__all__ = ["OpenStopReason", "StopReason"]

StopReason: TypeAlias = Literal[
    "end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal"
]
"""The stop reasons known to this SDK.

``Message.stop_reason`` is typed ``Optional[StopReason]`` as in the official SDK, so a type
checker flags a misspelt reason. A newer API version may send a reason not listed here: at
runtime it parses as the plain string sent (in strict mode too), never as an error.
"""

if TYPE_CHECKING:
    OpenStopReason: TypeAlias = StopReason
else:
    OpenStopReason = Union[StopReason, str]
"""The annotation of ``Message.stop_reason`` (and ``BetaMessage``'s): ``StopReason`` for
type checkers, ``StopReason`` or any string at runtime, as the paragraph above says."""
