"""The header set every request carries, and how defaults and per-call headers override."""

from __future__ import annotations

import platform

import pytest
from client_kit import Kit, Model, Recorder

from anthropic import MissingCredentialsError, Omit
from anthropic._core.platform import arch_name, os_name
from anthropic._platform_probe import read_platform
from support import TEST_KEY


def expected_headers(kit: Kit) -> dict:
    return {
        "x-api-key": TEST_KEY,
        "anthropic-version": "2023-06-01",
        "accept": "application/json",
        "user-agent": ("AsyncAnthropic" if kit.is_async else "Anthropic") + "/Python 0.1.0",
        "x-stainless-lang": "python",
        "x-stainless-package-version": "0.1.0",
        "x-stainless-os": os_name(read_platform().system, read_platform().distro_id),
        "x-stainless-arch": arch_name(platform.machine()),
        "x-stainless-runtime": platform.python_implementation(),
        "x-stainless-runtime-version": platform.python_version(),
        "x-stainless-async": "false" if kit.flavor == "sync" else f"async:{kit.flavor}",
        "x-stainless-retry-count": "0",
        "x-stainless-read-timeout": "600",
    }


# httpx adds these transport-level headers itself
TRANSPORT = {"host", "accept-encoding", "connection", "content-length"}


@pytest.mark.anyio
async def test_get_carries_exactly_the_documented_headers(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    sent = {k: v for k, v in rec.last.items() if k not in TRANSPORT}
    assert sent == expected_headers(kit)
    assert rec.last["host"] == "api.anthropic.com"


@pytest.mark.anyio
async def test_post_adds_content_type(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.post, "/v1/x", cast_to=Model, body={"a": 1})
    sent = {k: v for k, v in rec.last.items() if k not in TRANSPORT}
    assert sent == {**expected_headers(kit), "content-type": "application/json"}
    assert rec.requests[-1].content == b'{"a":1}'


@pytest.mark.anyio
async def test_delete_and_get_have_no_content_type(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(client.delete, "/v1/x", cast_to=Model)
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert [r.method for r in rec.requests] == ["DELETE", "GET"]
    assert all("content-type" not in h for h in rec.headers)


@pytest.mark.anyio
async def test_auth_token_is_sent_as_bearer(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, api_key=None, auth_token="tok-123")
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.last["authorization"] == "Bearer tok-123"
    assert "x-api-key" not in rec.last


@pytest.mark.anyio
async def test_both_credentials_are_sent_when_both_are_given(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, auth_token="tok-123")
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert (rec.last["x-api-key"], rec.last["authorization"]) == (TEST_KEY, "Bearer tok-123")


@pytest.mark.anyio
async def test_no_credentials_raises_before_any_io(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, api_key=None)
    with pytest.raises(MissingCredentialsError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    assert isinstance(info.value, TypeError)
    for part in ("api_key", "auth_token", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"):
        assert part in str(info.value)
    assert rec.count == 0


@pytest.mark.anyio
async def test_default_headers_override_builtins_and_omit_removes(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(
        rec,
        default_headers={
            "Anthropic-Version": "2099-01-01",
            "X-Custom": "1",
            "x-stainless-os": Omit(),
            "User-Agent": "mine/1",
        },
    )
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert rec.last["anthropic-version"] == "2099-01-01"
    assert rec.last["x-custom"] == "1"
    assert rec.last["user-agent"] == "mine/1"
    assert "x-stainless-os" not in rec.last


@pytest.mark.anyio
async def test_extra_headers_override_everything(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec, default_headers={"x-custom": "default", "x-gone": "d"})
    await kit.call(
        client.post,
        "/v1/x",
        cast_to=Model,
        body={},
        extra_headers={
            "X-Custom": "call",
            "x-gone": Omit(),
            "anthropic-version": "call-version",
            "content-type": "application/vnd.custom+json",
            "accept": Omit(),
            "x-stainless-read-timeout": "7",
        },
    )
    h = rec.last
    assert h["x-custom"] == "call"
    assert "x-gone" not in h
    assert h["anthropic-version"] == "call-version"
    assert h["content-type"] == "application/vnd.custom+json"
    assert h["accept"] == "*/*"  # ours removed: httpx's own default, as in the official SDK
    assert h["x-stainless-read-timeout"] == "7"


@pytest.mark.anyio
async def test_extra_headers_on_a_resource_method(kit: Kit) -> None:
    rec = Recorder()
    client = kit.client(rec)
    await kit.call(
        client.messages.batches.retrieve, "msgbatch_1", extra_headers={"x-api-key": "other"}
    )
    assert rec.last["x-api-key"] == "other"
    assert rec.urls[-1] == "https://api.anthropic.com/v1/messages/batches/msgbatch_1"


@pytest.mark.anyio
async def test_default_headers_property_has_real_values_masked_when_printed(kit: Kit) -> None:
    client = kit.client(Recorder(), auth_token="tok", default_headers={"x-a": "b"})
    headers = client.default_headers
    assert headers["X-Api-Key"] == client.api_key  # case-insensitive, real values (official)
    assert headers["authorization"] == "Bearer tok"
    assert "tok" not in repr(headers) and str(client.api_key) not in str(headers)
    assert headers["x-a"] == "b"
    assert headers["anthropic-version"] == "2023-06-01"
