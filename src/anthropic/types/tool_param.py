"""``ToolParam``: a client-side tool the model may call."""

from typing import Dict, List, Optional, Union

from typing_extensions import Literal, Required, TypeAlias, TypedDict

from .cache_control_ephemeral_param import CacheControlEphemeralParam

__all__ = ["InputSchema", "InputSchemaTyped", "ToolParam"]


class InputSchemaTyped(TypedDict, total=False):
    """A JSON Schema for an object (other JSON Schema keys may be added as a plain dict)."""

    type: Required[Literal["object"]]
    properties: Optional[object]
    required: Optional[List[str]]


InputSchema: TypeAlias = Union[InputSchemaTyped, Dict[str, object]]
"""The JSON Schema of the tool's input."""


class ToolParam(TypedDict, total=False):
    """A tool the model may call with input matching ``input_schema``.

    {"name": "get_weather", "description": "...", "input_schema": {"type": "object", ...}}
    """

    name: Required[str]
    input_schema: Required[InputSchema]
    description: str
    """What the tool does and when to use it; the more precise, the better the calls."""
    cache_control: Optional[CacheControlEphemeralParam]
    type: Optional[Literal["custom"]]
