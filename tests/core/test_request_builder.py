"""Pure request building: header merge rules, query and body merge, timeouts, auth check."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from anthropic import MissingCredentialsError, Omit
from anthropic._core.config import resolve_config
from anthropic._core.request import RequestBuilder, RequestSpec, merge_headers, serialize_json
from anthropic._types import NOT_GIVEN


def builder(**kwargs: Any) -> RequestBuilder:
    args: Any = {
        "api_key": "k",
        "auth_token": None,
        "base_url": "http://h/p",
        "timeout": NOT_GIVEN,
        "max_retries": 2,
    }
    args.update(kwargs)
    return RequestBuilder(resolve_config(env={}, **args), user_agent="UA", async_library="false")


def test_merge_headers_is_case_insensitive_and_omit_removes() -> None:
    base = {"a": "1", "b": "2", "c": "3"}
    merged = merge_headers(base, {"A": "x", "B": Omit()}, None, {"d": "4"}, {"C": Omit()})
    assert merged == {"a": "x", "d": "4"}
    assert base == {"a": "1", "b": "2", "c": "3"}  # not modified


def test_serialize_json_is_compact() -> None:
    assert serialize_json({"a": [1, None, "é"]}) == b'{"a":[1,null,"\xc3\xa9"]}'


def test_build_get_has_no_body_and_no_content_type() -> None:
    request = builder().build(RequestSpec("GET", "/v1/x"))
    assert request.method == "GET"
    assert str(request.url) == "http://h/p/v1/x"
    assert request.content == b""
    assert "content-type" not in request.headers
    assert request.headers["x-stainless-retry-count"] == "0"
    assert request.headers["x-stainless-read-timeout"] == "600"
    assert request.extensions["timeout"] == httpx.Timeout(600.0, connect=5.0).as_dict()


def test_build_post_serializes_json_once() -> None:
    request = builder().build(RequestSpec("POST", "/v1/x", json={"a": 1}))
    assert request.content == b'{"a":1}'
    assert request.headers["content-type"] == "application/json"


def test_build_uses_preserialized_content() -> None:
    request = builder().build(RequestSpec("POST", "/v1/x", content=b'{"z":0}'))
    assert request.content == b'{"z":0}'
    assert request.headers["content-type"] == "application/json"


def test_accept_override() -> None:
    request = builder().build(RequestSpec("GET", "/r", accept="application/binary"))
    assert request.headers["accept"] == "application/binary"


@pytest.mark.parametrize(
    ("timeout", "header", "read"),
    [
        (30, "30", 30.0),
        (2.5, "2.5", 2.5),
        (httpx.Timeout(10, read=0.75), "0.75", 0.75),
        (None, None, None),
    ],
)
def test_per_call_timeout(timeout: Any, header: Any, read: Any) -> None:
    request = builder().build(RequestSpec("GET", "/x", timeout=timeout))
    assert request.headers.get("x-stainless-read-timeout") == header
    assert request.extensions["timeout"]["read"] == read


def test_query_merge_order_and_omit() -> None:
    b = builder(default_query={"a": "default", "b": "default", "gone": "x"})
    spec = RequestSpec(
        "GET",
        "/x",
        query={"b": "query", "c": "query", "none": None},
        extra_query={"c": "extra", "gone": Omit()},
    )
    request = b.build(spec)
    assert dict(request.url.params) == {"a": "default", "b": "query", "c": "extra"}


def test_extra_body_merges_and_omit_removes() -> None:
    spec = RequestSpec(
        "POST", "/x", json={"a": 1, "b": 2}, extra_body={"b": Omit(), "c": [1], "a": 3}
    )
    assert json.loads(builder().build(spec).content) == {"a": 3, "c": [1]}


def test_extra_body_keeps_explicit_nulls() -> None:
    # None is JSON null in a body (only Omit() removes a key)
    spec = RequestSpec("POST", "/x", json={"keep": None}, extra_body={"also": None})
    assert json.loads(builder().build(spec).content) == {"keep": None, "also": None}


def test_extra_body_without_body() -> None:
    spec = RequestSpec("POST", "/x", extra_body={"a": 1})
    request = builder().build(spec)
    assert json.loads(request.content) == {"a": 1}
    assert request.headers["content-type"] == "application/json"


def test_no_credentials_raises_before_building() -> None:
    with pytest.raises(MissingCredentialsError):
        builder(api_key=None).build(RequestSpec("GET", "/x"))


def test_auth_removed_on_purpose_is_allowed() -> None:
    spec = RequestSpec("GET", "/x", extra_headers={"X-Api-Key": Omit()})
    request = builder().build(spec)
    assert "x-api-key" not in request.headers
    request = builder(default_headers={"x-api-key": Omit()}).build(RequestSpec("GET", "/x"))
    assert "x-api-key" not in request.headers


def test_auth_from_a_header_counts_as_credential() -> None:
    request = builder(api_key=None).build(
        RequestSpec("GET", "/x", extra_headers={"Authorization": "Bearer abc"})
    )
    assert request.headers["authorization"] == "Bearer abc"


def test_spec_repr_is_short() -> None:
    assert repr(RequestSpec("GET", "/v1/x", json={"secret": 1})) == "RequestSpec(GET /v1/x)"
