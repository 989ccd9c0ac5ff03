"""``RawContentBlockDelta``: the union of deltas a ``content_block_delta`` event carries."""

from __future__ import annotations

from typing import Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias

from .citations_delta import CitationsDelta
from .input_json_delta import InputJSONDelta
from .signature_delta import SignatureDelta
from .text_delta import TextDelta
from .thinking_delta import ThinkingDelta
from .unknown_content_block_delta import UnknownContentBlockDelta

__all__ = ["RawContentBlockDelta"]

RawContentBlockDelta: TypeAlias = Annotated[
    Union[
        Annotated[
            Union[TextDelta, InputJSONDelta, CitationsDelta, ThinkingDelta, SignatureDelta],
            Field(discriminator="type"),
        ],
        UnknownContentBlockDelta,
    ],
    Field(union_mode="left_to_right"),
]
"""One delta; narrow with ``delta.type == "text_delta"`` and so on. Kinds this SDK does not
know parse as ``UnknownContentBlockDelta``."""
