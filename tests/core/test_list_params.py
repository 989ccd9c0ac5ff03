"""The first-page query of ``batches.list`` and ``models.list``: one checker, two lists."""

from __future__ import annotations

import re

import pytest

from anthropic._core.batch_specs import list_params
from anthropic._core.message_specs import models_list_params
from anthropic._types import NOT_GIVEN


def test_given_values_become_the_query() -> None:
    assert list_params("a", NOT_GIVEN, 5) == {"after_id": "a", "limit": 5}
    assert models_list_params(before_id="m", limit=1000) == {"before_id": "m", "limit": 1000}
    assert models_list_params() == {} == list_params(None, None, None)


@pytest.mark.parametrize("limit", [0, 1001, True, "5", 2.0])
def test_a_bad_limit_is_refused_for_both(limit: object) -> None:
    message = f"limit must be an integer from 1 to 1000, got {limit!r}"
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        list_params(NOT_GIVEN, NOT_GIVEN, limit)
    with pytest.raises(ValueError, match="^" + re.escape(message) + "$"):
        models_list_params(limit=limit)  # type: ignore[arg-type]


def test_each_list_names_its_own_ids() -> None:
    with pytest.raises(ValueError, match="after_id must be a non-empty batch id string"):
        list_params("", NOT_GIVEN, NOT_GIVEN)
    with pytest.raises(ValueError, match="before_id must be a non-empty model id string"):
        models_list_params(before_id=3)  # type: ignore[arg-type]


def test_none_means_not_given_for_batches_only() -> None:
    assert list_params(None, "b", None) == {"before_id": "b"}
    with pytest.raises(ValueError, match="after_id must be a non-empty model id string"):
        models_list_params(after_id=None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="got None"):
        models_list_params(limit=None)  # type: ignore[arg-type]


def test_one_cursor_at_most() -> None:
    for call in (lambda: list_params("a", "b", NOT_GIVEN), lambda: models_list_params("a", "b")):
        with pytest.raises(ValueError, match="pass after_id or before_id, not both"):
            call()
