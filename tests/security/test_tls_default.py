"""TLS verification is on by default; turning it off takes an explicit ``http_client``.

And the emulator, which speaks plain HTTP, binds to loopback unless told otherwise and
rejects requests without the configured key.
"""

from __future__ import annotations

import inspect
import ssl
from typing import Any

import httpx
import pytest

import anthropic
from anthropic import AsyncAnthropic, DefaultAsyncHttpxClient, DefaultHttpxClient
from anthropic.emulator import Emulator, ManualClock
from support import TEST_KEY

TLS_WORDS = ("verify", "ssl", "cert", "tls", "insecure", "trust")


def ssl_context_of(http: Any) -> ssl.SSLContext:
    """The SSL context of an httpx client's default transport (httpcore's pool)."""
    context = http._transport._pool._ssl_context
    assert isinstance(context, ssl.SSLContext)
    return context


def assert_verifies(http: Any) -> None:
    context = ssl_context_of(http)
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_default_http_clients_verify_certificates() -> None:
    sync_client = anthropic.Anthropic(api_key=TEST_KEY)
    async_client = AsyncAnthropic(api_key=TEST_KEY)
    defaults = [DefaultHttpxClient(), DefaultAsyncHttpxClient()]
    try:
        assert sync_client._config.base_url.startswith("https://")
        for http in (sync_client._http, async_client._http, *defaults):
            assert_verifies(http)
        # a copy shares the verifying pool
        assert_verifies(sync_client.with_options(max_retries=0)._http)
    finally:
        sync_client.close()
        await async_client.close()
        defaults[0].close()
        await defaults[1].aclose()


@pytest.mark.parametrize("cls", [anthropic.Anthropic, AsyncAnthropic])
def test_no_constructor_argument_turns_verification_off(cls: type) -> None:
    names = [*inspect.signature(cls).parameters, *inspect.signature(cls.copy).parameters]
    assert [n for n in names if any(word in n.lower() for word in TLS_WORDS)] == []


def test_turning_verification_off_takes_an_explicit_http_client() -> None:
    insecure = DefaultHttpxClient(verify=False)
    with anthropic.Anthropic(api_key=TEST_KEY, http_client=insecure) as client:
        assert ssl_context_of(client._http).verify_mode == ssl.CERT_NONE
    insecure.close()


def test_environment_cannot_turn_verification_off(monkeypatch: pytest.MonkeyPatch) -> None:
    # httpx ignores these, and so do we: only an explicit http_client changes TLS
    for name in ("PYTHONHTTPSVERIFY", "CURL_CA_BUNDLE", "REQUESTS_CA_BUNDLE"):
        monkeypatch.setenv(name, "0" if name == "PYTHONHTTPSVERIFY" else "")
    with anthropic.Anthropic(api_key=TEST_KEY) as client:
        assert_verifies(client._http)


def test_emulator_server_binds_loopback_and_requires_the_key() -> None:
    emu = Emulator(clock=ManualClock(), api_key=TEST_KEY)
    with emu.serve() as server:
        assert server.host == "127.0.0.1"
        assert server.base_url.startswith("http://127.0.0.1:")
        url = server.base_url + "/v1/messages/batches"
        version = {"anthropic-version": "2023-06-01"}
        with httpx.Client() as http:
            assert http.get(url, headers=version).status_code == 401
            wrong = {**version, "x-api-key": TEST_KEY + "x"}
            assert http.get(url, headers=wrong).status_code == 401
            bearer_wrong = {**version, "authorization": "Bearer nope"}
            assert http.get(url, headers=bearer_wrong).status_code == 401
            right = {**version, "x-api-key": TEST_KEY}
            assert http.get(url, headers=right).status_code == 200
            bearer = {**version, "authorization": f"Bearer {TEST_KEY}"}
            assert http.get(url, headers=bearer).status_code == 200
    assert emu.count("list") == 5


def test_emulator_cli_defaults_to_loopback() -> None:
    from anthropic.emulator.__main__ import _parser

    assert _parser().parse_args([]).host == "127.0.0.1"
    assert inspect.signature(Emulator.serve).parameters["host"].default == "127.0.0.1"
