"""Logging lines, ``ANTHROPIC_LOG``, and the credential never showing anywhere."""

from __future__ import annotations

import logging
import traceback
from typing import Iterator

import httpx
import pytest
from client_kit import Kit, Model, Recorder

from anthropic import APIConnectionError, AuthenticationError, MissingCredentialsError
from anthropic._logs import setup_logging
from support import TEST_KEY, error_response, fixture_response

TOKEN = "tok-SECRET-bearer-987"
SECRETS = (TEST_KEY, TOKEN)


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text
        assert secret[-10:] not in text


@pytest.fixture
def restore_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("anthropic")
    httpx_logger = logging.getLogger("httpx")
    level, handlers, httpx_level = logger.level, list(logger.handlers), httpx_logger.level
    yield logger
    logger.setLevel(level)
    logger.handlers[:] = handlers
    httpx_logger.setLevel(httpx_level)


@pytest.mark.anyio
async def test_debug_lines_for_requests_and_responses(
    kit: Kit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="anthropic")
    rec = Recorder(fixture_response("batch.ended.json", **{"request-id": "req_log1"}))
    client = kit.client(rec)
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    lines = [(r.name, r.levelname, r.getMessage()) for r in caplog.records if r.name == "anthropic"]
    url = "https://api.anthropic.com/v1/messages/batches/msgbatch_1"
    assert lines == [
        ("anthropic", "DEBUG", f"HTTP Request: GET {url}"),
        ("anthropic", "DEBUG", f'HTTP Response: GET {url} "200 OK" request_id=req_log1'),
    ]


@pytest.mark.anyio
async def test_info_lines_for_retries(kit: Kit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="anthropic")
    rec = Recorder(
        error_response(529, "overloaded_error"),
        httpx.ConnectError("x"),
        fixture_response("batch.ended.json"),
    )
    client = kit.client(rec, _random=lambda: 0.0)
    await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    lines = [r.getMessage() for r in caplog.records if r.name == "anthropic"]
    assert lines == [
        "Retrying GET /v1/messages/batches/msgbatch_1 in 0.500 seconds (retry 1 of 2)",
        "Retrying GET /v1/messages/batches/msgbatch_1 in 1.000 seconds (retry 2 of 2)",
    ]
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "anthropic")


@pytest.mark.anyio
async def test_secret_never_in_logs_reprs_or_errors(
    kit: Kit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx's included
    rec = Recorder(
        error_response(500, "api_error", "try again"),
        error_response(401, "authentication_error", "invalid x-api-key"),
    )
    client = kit.client(rec, auth_token=TOKEN, _random=lambda: 0.0)
    with pytest.raises(AuthenticationError) as info:
        await kit.call(client.messages.batches.retrieve, "msgbatch_1")
    err = info.value
    assert rec.last["x-api-key"] == TEST_KEY  # it was sent...
    texts = [
        caplog.text,
        *(r.getMessage() for r in caplog.records),
        repr(client),
        str(client),
        repr(client._config),
        repr(client.with_options(max_retries=0)),
        str(client.default_headers),
        str(err),
        repr(err),
        err.message,
        repr(err.args),
        repr(err.body),
        "".join(traceback.format_exception(type(err), err, err.__traceback__)),
    ]
    for text in texts:
        assert_no_secret(text)  # ...and shows nowhere else
    assert any("Retrying" in r.getMessage() for r in caplog.records)


@pytest.mark.anyio
async def test_secret_not_in_connection_errors(kit: Kit, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = kit.client(Recorder(httpx.ConnectError("refused")), auth_token=TOKEN, max_retries=1)
    with pytest.raises(APIConnectionError) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    err = info.value
    for text in (
        caplog.text,
        str(err),
        repr(err),
        "".join(traceback.format_exception(type(err), err, err.__traceback__)),
    ):
        assert_no_secret(text)


def test_client_repr_shows_config_masked() -> None:
    from anthropic import Anthropic

    client = Anthropic(api_key=TEST_KEY, auth_token=TOKEN, base_url="http://h/p")
    try:
        assert repr(client) == (
            "<Anthropic base_url='http://h/p' config=ClientConfig(api_key='***', "
            "auth_token='***', base_url='http://h/p', "
            "timeout=Timeout(connect=5.0, read=600, write=600, pool=600), max_retries=2)>"
        )
    finally:
        client.close()


def test_missing_credentials_error_names_no_secret() -> None:
    assert_no_secret(str(MissingCredentialsError()))


@pytest.mark.parametrize(("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)])
def test_setup_logging_levels(restore_logger: logging.Logger, value: str, level: int) -> None:
    restore_logger.handlers[:] = []
    setup_logging(value)
    setup_logging(value)  # idempotent
    assert restore_logger.level == level
    assert logging.getLogger("httpx").level == level  # httpx's per-request line, as official
    assert restore_logger.handlers == []  # no handler of ours: an app's setup prints once


def test_setup_logging_reads_the_environment(
    restore_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch
) -> None:
    restore_logger.handlers[:] = []
    restore_logger.setLevel(logging.NOTSET)
    monkeypatch.setenv("ANTHROPIC_LOG", "debug")
    setup_logging()
    assert restore_logger.level == logging.DEBUG


@pytest.mark.parametrize("value", ["", "warn", "verbose"])
def test_setup_logging_ignores_other_values(restore_logger: logging.Logger, value: str) -> None:
    restore_logger.handlers[:] = []
    restore_logger.setLevel(logging.NOTSET)
    setup_logging(value)
    assert restore_logger.level == logging.NOTSET
    assert restore_logger.handlers == []


def test_nothing_logged_when_disabled(caplog: pytest.LogCaptureFixture) -> None:
    from anthropic import Anthropic

    caplog.set_level(logging.WARNING, logger="anthropic")
    http = httpx.Client(transport=httpx.MockTransport(Recorder()))
    with Anthropic(api_key=TEST_KEY, http_client=http) as client:
        client.get("/v1/x", cast_to=Model)
    assert [r for r in caplog.records if r.name == "anthropic"] == []
