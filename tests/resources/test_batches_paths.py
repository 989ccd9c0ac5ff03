"""Batch ids are one percent-encoded path segment; a bad id fails before any I/O."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from batches_kit import Api
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import anthropic
from anthropic._core.paths import batch_path, encode_path_param
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, Router, api_json, fixture_response

pytestmark = pytest.mark.anyio

ID_METHODS = [("retrieve", ""), ("cancel", "/cancel"), ("delete", ""), ("results", "/results")]
SEGMENT_PATH = re.compile(r"^/v1/messages/batches/([^/?#]+)(/cancel|/results)?$")


def ok_handler(request: httpx.Request) -> httpx.Response:
    """Any batch request answers like the API would (an ended batch, or its results)."""
    path = request.url.raw_path.decode()
    if path.endswith("/results"):
        return fixture_response("batch.results.jsonl")
    if request.method == "DELETE":
        return fixture_response("batch.deleted.json")
    batch = api_json("batch.ended.json")
    batch["results_url"] = f"https://api.anthropic.com{path}/results"
    return httpx.Response(200, json=batch, headers={"request-id": "req_1"})


class AnyPath(Router):
    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.calls.append(request)
        return ok_handler(request)


@pytest.mark.parametrize(("method", "suffix"), ID_METHODS)
@pytest.mark.parametrize("bad", ["", ".", ".."])
async def test_empty_and_dot_ids_rejected_before_io(
    api: Api, method: str, suffix: str, bad: str
) -> None:
    with pytest.raises(ValueError, match="message_batch_id") as info:
        await api.call(method, bad)
    assert not isinstance(info.value, anthropic.APIError)
    assert api.router.calls == []


@pytest.mark.parametrize(("method", "suffix"), ID_METHODS)
@pytest.mark.parametrize("bad", [None, 123, b"msgbatch_1"])
async def test_non_string_ids_rejected_before_io(
    api: Api, method: str, suffix: str, bad: Any
) -> None:
    with pytest.raises(TypeError, match="message_batch_id"):
        await api.call(method, bad)
    assert api.router.calls == []


@pytest.mark.parametrize(("method", "suffix"), ID_METHODS)
@pytest.mark.parametrize(
    ("batch_id", "segment"),
    [
        ("msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d", "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d"),
        ("a/b", "a%2Fb"),
        ("../../v1/admin", "..%2F..%2Fv1%2Fadmin"),
        ("x?limit=1", "x%3Flimit%3D1"),
        ("x#frag", "x%23frag"),
        ("100%", "100%25"),
        ("%2e%2e", "%252e%252e"),
        ("a b", "a%20b"),
        ("...", "..."),
        ("caf\u00e9", "caf%C3%A9"),
        ("x\\y", "x%5Cy"),
        ("x;y", "x%3By"),
    ],
)
async def test_ids_are_one_encoded_segment(
    flavor: str, method: str, suffix: str, batch_id: str, segment: str
) -> None:
    router = AnyPath()
    api = Api(flavor, router)
    try:
        result = await api.call(method, batch_id)
        if method == "results":
            await api.close_decoder(result)
    finally:
        await api.aclose()
    request = router.calls[-1]
    assert request.url.host == "api.anthropic.com"
    assert request.url.raw_path == f"/v1/messages/batches/{segment}{suffix}".encode()
    assert request.url.query == b""
    if method == "results":
        # results by id retrieves first (same encoding), then follows the batch's results_url
        assert len(router.calls) == 2
        assert router.calls[0].url.raw_path == f"/v1/messages/batches/{segment}".encode()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=24))
@example("/")
@example("?")
@example("#")
@example("%")
@example(".")
@example("..")
@example("./.")
@example("\x00")
@example("\ud800")
def test_any_text_id_stays_one_segment(batch_id: str) -> None:
    for method, suffix in ID_METHODS[:3]:
        router = AnyPath()
        with anthropic.Anthropic(api_key=TEST_KEY, http_client=router.sync_client()) as client:
            try:
                getattr(client.messages.batches, method)(batch_id)
            except (ValueError, TypeError):
                assert router.calls == []
                assert batch_id in ("", ".", "..") or not batch_id.isascii() or "\x00" in batch_id
                continue
        request = router.only_call()
        assert request.url.host == "api.anthropic.com"
        raw = request.url.raw_path.decode("ascii")
        match = SEGMENT_PATH.fullmatch(raw)
        assert match is not None, raw
        assert (match.group(2) or "") == suffix
        assert unquote(match.group(1), errors="strict") == batch_id
        assert request.url.query == b""
        # the pure builder agrees with what went on the wire
        assert batch_path(batch_id, suffix) == raw


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_encode_path_param_is_reversible_and_inert(value: str) -> None:
    try:
        encoded = encode_path_param("message_batch_id", value)
    except (ValueError, TypeError):
        assert value in ("", ".", "..") or not _utf8_ok(value)
        return
    assert encoded not in ("", ".", "..")
    assert re.fullmatch(r"[A-Za-z0-9_.~%-]+", encoded), encoded
    assert unquote(encoded, errors="strict") == value


def _utf8_ok(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


async def test_results_fallback_path_encodes_the_id(flavor: str) -> None:
    # An ended batch without results_url falls back to /{id}/results, with the id encoded.
    data = dict(api_json("batch.ended.json"), id="a/b?c", results_url=None)
    batch = MessageBatch.model_validate(data)
    router = AnyPath()
    api = Api(flavor, router)
    try:
        decoder = await api.call("results", batch)
        assert len(await api.drain(decoder)) == 8
    finally:
        await api.aclose()
    assert router.only_call().url.raw_path == b"/v1/messages/batches/a%2Fb%3Fc/results"
