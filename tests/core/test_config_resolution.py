"""Pure configuration: arguments, then environment, then defaults; validation; masking."""

from __future__ import annotations

from typing import Any, Dict

import httpx
import pytest

from anthropic._core.config import (
    DEFAULT_LIMITS,
    DEFAULT_TIMEOUT,
    normalize_base_url,
    resolve_config,
    to_timeout,
    validate_max_retries,
)
from anthropic._types import NOT_GIVEN

SECRET = "sk-ant-core-SECRET-123"


def resolve(env: Dict[str, str], **kwargs: Any) -> Any:
    args: Dict[str, Any] = {
        "api_key": None,
        "auth_token": None,
        "base_url": None,
        "timeout": NOT_GIVEN,
        "max_retries": 2,
    }
    args.update(kwargs)
    return resolve_config(env=env, **args)


def test_defaults() -> None:
    cfg = resolve({})
    assert cfg.api_key is None
    assert cfg.auth_token is None
    assert cfg.base_url == "https://api.anthropic.com"
    assert cfg.timeout == httpx.Timeout(600.0, connect=5.0)
    assert cfg.max_retries == 2
    assert dict(cfg.default_headers) == {}
    assert dict(cfg.default_query) == {}
    assert cfg.origin == ("https", "api.anthropic.com", 443)


def test_constants() -> None:
    assert httpx.Timeout(600.0, connect=5.0) == DEFAULT_TIMEOUT
    assert httpx.Limits(max_connections=1000, max_keepalive_connections=100) == DEFAULT_LIMITS


def test_environment_fills_missing_arguments() -> None:
    env = {
        "ANTHROPIC_API_KEY": "env-key",
        "ANTHROPIC_AUTH_TOKEN": "env-token",
        "ANTHROPIC_BASE_URL": "http://localhost:8080/",
    }
    cfg = resolve(env)
    assert (cfg.api_key, cfg.auth_token, cfg.base_url) == (
        "env-key",
        "env-token",
        "http://localhost:8080",
    )
    assert cfg.origin == ("http", "localhost", 8080)


def test_arguments_win_over_environment() -> None:
    env = {"ANTHROPIC_API_KEY": "env-key", "ANTHROPIC_BASE_URL": "http://env.example"}
    cfg = resolve(env, api_key="arg-key", base_url="http://arg.example")
    assert (cfg.api_key, cfg.base_url) == ("arg-key", "http://arg.example")


def test_empty_environment_values_are_ignored() -> None:
    cfg = resolve({"ANTHROPIC_API_KEY": "", "ANTHROPIC_AUTH_TOKEN": "", "ANTHROPIC_BASE_URL": ""})
    assert (cfg.api_key, cfg.auth_token, cfg.base_url) == (None, None, "https://api.anthropic.com")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://api.anthropic.com", "https://api.anthropic.com"),
        ("https://api.anthropic.com/", "https://api.anthropic.com"),
        ("http://host/proxy/", "http://host/proxy"),
        ("http://host/a/b", "http://host/a/b"),
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
        (httpx.URL("http://host:1/x/"), "http://host:1/x"),
    ],
)
def test_normalize_base_url(value: Any, expected: str) -> None:
    assert normalize_base_url(value) == expected


@pytest.mark.parametrize(
    "value", ["api.anthropic.com", "ftp://host", "/v1", "http://", "http://h/?a=1", "http://h/#f"]
)
def test_bad_base_url_raises_value_error_naming_it(value: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        normalize_base_url(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (10, httpx.Timeout(10)),
        (2.5, httpx.Timeout(2.5)),
        (None, httpx.Timeout(None)),
        (httpx.Timeout(3, connect=1), httpx.Timeout(3, connect=1)),
    ],
)
def test_to_timeout(value: Any, expected: httpx.Timeout) -> None:
    assert to_timeout(value) == expected


def test_to_timeout_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="timeout must be"):
        to_timeout("10")  # type: ignore[arg-type]


def test_timeout_resolution_order() -> None:
    mine = httpx.Timeout(7.0)
    assert resolve({}, http_client_timeout=mine).timeout is mine
    assert resolve({}, timeout=3, http_client_timeout=mine).timeout == httpx.Timeout(3)
    assert resolve({}, timeout=None).timeout == httpx.Timeout(None)


def test_max_retries_none_is_a_type_error_that_says_pass_zero() -> None:
    with pytest.raises(TypeError, match="max_retries=0"):
        validate_max_retries(None)


@pytest.mark.parametrize("value", [-1, 1.5, "2", True])
def test_max_retries_must_be_a_non_negative_int(value: object) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        validate_max_retries(value)


@pytest.mark.parametrize("value", [0, 1, 10])
def test_max_retries_valid(value: int) -> None:
    assert validate_max_retries(value) == value


def test_repr_masks_credentials() -> None:
    cfg = resolve({}, api_key=SECRET, auth_token=SECRET + "-tok")
    text = repr(cfg)
    assert SECRET not in text
    assert "api_key='***'" in text
    assert "auth_token='***'" in text
    assert str(cfg) == text
    assert "auth_token=None" in repr(resolve({}, api_key=SECRET))


def test_config_is_frozen() -> None:
    cfg = resolve({})
    with pytest.raises(AttributeError):
        cfg.api_key = "x"  # type: ignore[misc]
    assert cfg.replace(max_retries=5).max_retries == 5
    assert cfg.max_retries == 2


@pytest.mark.parametrize("value", ["http://[::1", "http://host:port/"])
def test_unparsable_base_url_names_the_field(value: str) -> None:
    # httpx's own message ("Invalid port: ':1'") did not say which setting was wrong.
    with pytest.raises(httpx.InvalidURL, match=r"base_url .* is not a valid URL .*https://api"):
        normalize_base_url(value)
