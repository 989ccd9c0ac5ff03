"""Shared helpers for the ``anthropic.types`` tests: where the golden wire fixtures live."""

from __future__ import annotations

from pathlib import Path

# tests/types/ -> tests/ -> repo root -> its parent holds shared/api/
API_DIR = Path(__file__).resolve().parents[3] / "shared" / "api"
