"""Constants the official SDK exports at the top level, kept for code that imports them."""

from __future__ import annotations

__all__ = ["AI_PROMPT", "HUMAN_PROMPT"]

HUMAN_PROMPT = "\n\nHuman:"
"""The turn marker of the legacy Text Completions prompt format (not used by batches)."""

AI_PROMPT = "\n\nAssistant:"
"""The assistant turn marker of the legacy Text Completions prompt format."""
