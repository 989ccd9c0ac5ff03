"""Client configuration: resolve arguments and environment once, then never touch them again.

    cfg = resolve_config(api_key=None, auth_token=None, base_url=None, timeout=NOT_GIVEN,
                         max_retries=2, env=os.environ)
    repr(cfg)   # the key shows as '***', never in clear

Everything here is pure (the environment is a parameter) and the result is immutable, so
a client's configuration can be shared by copies and read from many threads.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Union

import httpx

from .._types import NotGiven, Omit, Timeout
from .header_values import clean_header_value, clean_headers

__all__ = [
    "API_VERSION",
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ClientConfig",
    "displayed_base_url",
    "given_base_url",
    "normalize_base_url",
    "resolve_config",
    "to_timeout",
    "validate_max_retries",
]

API_VERSION = "2023-06-01"
DEFAULT_BASE_URL = "https://api.anthropic.com"
DEFAULT_TIMEOUT = httpx.Timeout(600, connect=5.0)  # prints read=600, as the official one
DEFAULT_MAX_RETRIES = 2
DEFAULT_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=100)


@dataclass(frozen=True, repr=False)
class ClientConfig:
    """Everything a client needs to build requests. Immutable; credentials masked in repr."""

    api_key: Optional[str]
    auth_token: Optional[str]
    base_url: str
    """Scheme, host and optional path prefix, without a trailing slash."""
    timeout: httpx.Timeout
    max_retries: int
    default_headers: Mapping[str, Union[str, Omit]]
    default_query: Mapping[str, object]

    def replace(self, **changes: Any) -> ClientConfig:
        return dataclasses.replace(self, **changes)

    @property
    def origin(self) -> tuple[str, str, Optional[int]]:
        """(scheme, host, port) of the base URL: credentials go to this origin only."""
        return url_origin(httpx.URL(self.base_url))

    def __repr__(self) -> str:
        return (
            f"ClientConfig(api_key={_mask(self.api_key)}, auth_token={_mask(self.auth_token)}, "
            f"base_url={self.base_url!r}, timeout={self.timeout!r}, "
            f"max_retries={self.max_retries!r})"
        )


def _mask(secret: Optional[str]) -> str:
    return "None" if secret is None else "'***'"


def url_origin(url: httpx.URL) -> tuple[str, str, Optional[int]]:
    """(scheme, host, port) with the default port made explicit, for origin comparisons."""
    port = url.port
    if port is None:
        port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, port)


def normalize_base_url(value: Union[str, httpx.URL]) -> str:
    """Validate a base URL; drop the trailing slash (a path prefix such as ``/proxy`` is kept)."""
    try:
        url = httpx.URL(str(value))
    except httpx.InvalidURL as err:  # the same class as the official SDK, with the field named
        raise httpx.InvalidURL(
            f"base_url {str(value)!r} is not a valid URL ({err}); pass an absolute http(s) URL "
            "such as 'https://api.anthropic.com'"
        ) from err
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(
            f"base_url must be an absolute http(s) URL such as 'https://api.anthropic.com', "
            f"got {str(value)!r}"
        )
    if url.query or url.fragment:
        raise ValueError(f"base_url must not have a query or fragment, got {str(value)!r}")
    return str(url).rstrip("/")


def given_base_url(
    base_url: Union[str, httpx.URL, None], env: Mapping[str, str]
) -> Union[str, httpx.URL]:
    """``base_url``, else ``ANTHROPIC_BASE_URL``, else the API's URL (not yet checked)."""
    if base_url is None:
        return env.get("ANTHROPIC_BASE_URL") or DEFAULT_BASE_URL
    return base_url


def displayed_base_url(value: Union[str, httpx.URL]) -> httpx.URL:
    """``client.base_url`` as the official SDK shows it: the (checked) URL as given, with a
    slash added to a path that lacks one (``http://host/proxy`` -> ``http://host/proxy/``;
    ``https://api.anthropic.com`` and ``https://api.anthropic.com/`` print as given)."""
    url = httpx.URL(str(value))
    if url.raw_path.endswith(b"/"):
        return url
    return url.copy_with(raw_path=url.raw_path + b"/")


def to_timeout(value: Timeout) -> httpx.Timeout:
    """A float is seconds for every phase; ``None`` disables timeouts."""
    if isinstance(value, httpx.Timeout):
        return value
    if value is None or isinstance(value, (int, float)):
        return httpx.Timeout(value)
    raise TypeError(f"timeout must be a float, an httpx.Timeout or None, got {value!r}")


def validate_max_retries(value: object) -> int:
    if value is None:
        raise TypeError("max_retries cannot be None; pass max_retries=0 to disable retries")
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a non-negative integer, got {value!r}")
    return value


# A warning points at the caller of Anthropic(...): clean_header_value <- _credential (or
# clean_headers) <- resolve_config <- BaseClient.__init__ <- the user's line.
_STACK = 4


def _credential(
    value: object, argument: str, variable: str, env: Mapping[str, str]
) -> Optional[str]:
    """The credential from the argument, else the environment, checked for sending."""
    what = argument
    if value is None:
        value = env.get(variable) or None
        what = f"the {variable} environment variable"
        if value is None:
            return None
    elif not isinstance(value, str):
        raise TypeError(
            f"{argument} must be a string (or None to read {variable}), got {type(value).__name__}"
        )
    return clean_header_value(value, what=what, secret=True, stacklevel=_STACK)


def resolve_config(
    *,
    api_key: object,
    auth_token: object,
    base_url: Union[str, httpx.URL, None],
    timeout: Union[Timeout, NotGiven],
    max_retries: object,
    default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
    default_query: Optional[Mapping[str, object]] = None,
    http_client_timeout: Optional[httpx.Timeout] = None,
    env: Mapping[str, str],
) -> ClientConfig:
    """Build a config from constructor arguments, falling back to the environment.

    ``api_key`` → ``ANTHROPIC_API_KEY``; ``auth_token`` → ``ANTHROPIC_AUTH_TOKEN``;
    ``base_url`` → ``ANTHROPIC_BASE_URL`` → ``https://api.anthropic.com``. With a user
    ``http_client`` and no ``timeout``, that client's own timeout is kept.

    Credentials and default header values are checked here, so a value that cannot be
    sent fails at construction and never at the first request: surrounding whitespace
    (a key read from a file with its newline) is removed with a ``UserWarning``; a
    non-string is a ``TypeError`` and any other unsendable value a ``ValueError``. Both
    name the argument or environment variable, never the value.
    """
    api_key = _credential(api_key, "api_key", "ANTHROPIC_API_KEY", env)
    auth_token = _credential(auth_token, "auth_token", "ANTHROPIC_AUTH_TOKEN", env)
    base_url = given_base_url(base_url, env)
    if isinstance(timeout, NotGiven):
        resolved = http_client_timeout if http_client_timeout is not None else DEFAULT_TIMEOUT
    else:
        resolved = to_timeout(timeout)
    return ClientConfig(
        api_key=api_key,
        auth_token=auth_token,
        base_url=normalize_base_url(base_url),
        timeout=resolved,
        max_retries=validate_max_retries(max_retries),
        default_headers=dict(
            clean_headers(default_headers, what="default_headers", stacklevel=_STACK - 1) or {}
        ),
        default_query=dict(default_query or {}),
    )
