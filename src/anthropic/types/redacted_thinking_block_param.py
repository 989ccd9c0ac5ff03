"""``RedactedThinkingBlockParam``: redacted thinking sent back in an assistant turn."""

from typing_extensions import Literal, Required, TypedDict

__all__ = ["RedactedThinkingBlockParam"]


class RedactedThinkingBlockParam(TypedDict, total=False):
    """Encrypted thinking as received (``data`` unchanged)."""

    type: Required[Literal["redacted_thinking"]]
    data: Required[str]
