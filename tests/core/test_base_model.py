"""``anthropic.BaseModel``: extra fields kept, to_dict/to_json, ``_request_id``."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import List, Optional

from anthropic import BaseModel
from anthropic._models import parse_json, set_request_id


class Inner(BaseModel):
    n: int


class Outer(BaseModel):
    name: str
    when: Optional[datetime] = None
    items: List[Inner] = []


RAW = b'{"name": "a", "when": "2024-01-02T03:04:05Z", "items": [{"n": 1, "x": true}], "new": [1]}'


def test_extra_fields_are_kept_at_every_level() -> None:
    obj = parse_json(Outer, RAW)
    assert obj.model_extra == {"new": [1]}
    assert obj.items[0].model_extra == {"x": True}
    assert obj.new == [1]  # type: ignore[attr-defined]


def test_to_dict_returns_what_was_sent() -> None:
    obj = parse_json(Outer, RAW)
    assert obj.to_dict() == {
        "name": "a",
        "when": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
        "items": [{"n": 1, "x": True}],
        "new": [1],
    }
    assert obj.to_dict(mode="json")["when"] == "2024-01-02T03:04:05Z"
    assert parse_json(Outer, b'{"name": "b"}').to_dict() == {"name": "b"}  # unset not added
    assert Outer(name="c").to_dict(exclude_unset=False) == {"name": "c", "when": None, "items": []}
    assert Outer(name="c", when=None).to_dict(exclude_none=True) == {"name": "c"}


def test_to_json() -> None:
    obj = parse_json(Outer, RAW)
    text = obj.to_json()
    assert text.startswith('{\n  "name": "a"')
    assert json.loads(text) == json.loads(RAW)
    assert obj.to_json(indent=None) == (
        '{"name":"a","when":"2024-01-02T03:04:05Z","items":[{"n":1,"x":true}],"new":[1]}'
    )


def test_request_id_defaults_to_none_and_is_settable_on_top_level() -> None:
    obj = parse_json(Outer, RAW)
    assert obj._request_id is None
    set_request_id(obj, "req_1")
    assert obj._request_id == "req_1"
    assert obj.items[0]._request_id is None
    assert "_request_id" not in obj.to_dict()
    assert "req_1" not in obj.to_json()


def test_set_request_id_ignores_non_models() -> None:
    value = {"a": 1}
    set_request_id(value, "req_1")
    assert value == {"a": 1}


def test_unknown_attribute_still_raises() -> None:
    obj = parse_json(Outer, RAW)
    try:
        obj.nope  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "nope" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
