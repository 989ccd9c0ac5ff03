"""``MessageCreateParams``: the body of a Messages request (a batch request's ``params``)."""

from typing import Iterable, List, Optional, Union

from typing_extensions import Literal, Required, TypeAlias, TypedDict

from .message_param import MessageParam
from .metadata_param import MetadataParam
from .model_param import ModelParam
from .text_block_param import TextBlockParam
from .thinking_config_param import ThinkingConfigParam
from .tool_choice_param import ToolChoiceParam
from .tool_union_param import ToolUnionParam

__all__ = [
    "MessageCreateParams",
    "MessageCreateParamsBase",
    "MessageCreateParamsNonStreaming",
    "MessageCreateParamsStreaming",
]


class MessageCreateParamsBase(TypedDict, total=False):
    """The fields shared by streaming and non-streaming Messages requests.

    {"model": "claude-sonnet-4-20250514", "max_tokens": 1024,
     "messages": [{"role": "user", "content": "Hello"}]}
    """

    model: Required[ModelParam]
    max_tokens: Required[int]
    """Upper bound on generated tokens (at least 1)."""
    messages: Required[Iterable[MessageParam]]
    """The conversation, alternating ``user`` and ``assistant`` turns."""
    system: Union[str, Iterable[TextBlockParam]]
    """The system prompt."""
    metadata: MetadataParam
    stop_sequences: List[str]
    temperature: float
    """Randomness, 0.0 to 1.0."""
    top_p: float
    top_k: int
    tools: Iterable[ToolUnionParam]
    tool_choice: ToolChoiceParam
    thinking: ThinkingConfigParam
    service_tier: Literal["auto", "standard_only"]
    container: Optional[str]
    """The id of a container to reuse (for tools that run in one)."""


class MessageCreateParamsNonStreaming(MessageCreateParamsBase, total=False):
    """A Messages request that returns the whole message; the only kind a batch accepts."""

    stream: Literal[False]


class MessageCreateParamsStreaming(MessageCreateParamsBase):
    """A Messages request that streams server-sent events (not valid inside a batch)."""

    stream: Required[Literal[True]]


MessageCreateParams: TypeAlias = Union[
    MessageCreateParamsNonStreaming, MessageCreateParamsStreaming
]
"""Either kind of Messages request."""
