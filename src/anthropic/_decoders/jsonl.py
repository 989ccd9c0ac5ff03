"""``JSONLDecoder`` / ``AsyncJSONLDecoder`` at the official SDK's import path, so code that
annotates ``results()`` with them imports unchanged (they live in ``anthropic._jsonl_stream``)."""

from .._jsonl_stream import AsyncJSONLDecoder, JSONLDecoder

__all__ = ["AsyncJSONLDecoder", "JSONLDecoder"]
