"""``RawContentBlockDelta``: the union of deltas a ``content_block_delta`` event carries."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from ._open_union import OpenUnion
from .citations_delta import CitationsDelta
from .input_json_delta import InputJSONDelta
from .signature_delta import SignatureDelta
from .text_delta import TextDelta
from .thinking_delta import ThinkingDelta
from .unknown_content_block_delta import UnknownContentBlockDelta

__all__ = ["RawContentBlockDelta"]

RawContentBlockDelta: TypeAlias = OpenUnion[
    Union[
        TextDelta,
        InputJSONDelta,
        CitationsDelta,
        ThinkingDelta,
        SignatureDelta,
    ],
    UnknownContentBlockDelta,
]
"""One delta; narrow with ``delta.type == "text_delta"`` and so on. Kinds this SDK does not
know parse as ``UnknownContentBlockDelta``."""
