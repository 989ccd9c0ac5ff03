"""What ``Anthropic`` and ``AsyncAnthropic`` share: configuration, copies, request building.

The two public clients differ only in their httpx client, their sender and whether the
calls are awaited; everything else (resolving options, merging headers, copying with
overrides, building requests) is here, written once (the low-level ``get``/``post``/
``delete`` keywords and specs: ``_low_level``).
"""

from __future__ import annotations

import os
import random
import time
from typing import Any, Callable, Generic, Mapping, Optional, TypeVar, Union, cast

import httpx
from typing_extensions import Self

from ._core.config import (
    DEFAULT_LIMITS,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ClientConfig,
    displayed_base_url,
    given_base_url,
    normalize_base_url,
    resolve_config,
    validate_max_retries,
)
from ._core.decode import parse_body
from ._core.platform import platform_headers
from ._core.request import RequestBuilder, RequestSpec
from ._core.retry import RetryPolicy
from ._platform_probe import read_platform
from ._response import Parser, convert_body
from ._types import NOT_GIVEN, NotGiven, Omit, Timeout
from ._version import __version__

__all__ = [
    "BaseClient",
    "DefaultAsyncHttpxClient",
    "DefaultHttpxClient",
    "model_parser",
]

_T = TypeVar("_T")


class DefaultHttpxClient(httpx.Client):
    """An ``httpx.Client`` with this SDK's defaults (600 s timeout with 5 s to connect,
    1000 connections, 100 kept alive). Use it to add a proxy or transport of your own:
    ``Anthropic(http_client=DefaultHttpxClient(proxy="http://..."))``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_http_defaults(kwargs))


class DefaultAsyncHttpxClient(httpx.AsyncClient):
    """The async twin of ``DefaultHttpxClient``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**_with_http_defaults(kwargs))


def _with_http_defaults(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The caller's httpx client arguments, with ours where the caller gave none."""
    kwargs.setdefault("timeout", resolve_config_defaults().timeout)
    kwargs.setdefault("limits", DEFAULT_LIMITS)
    kwargs.setdefault("follow_redirects", False)
    return kwargs


def resolve_config_defaults() -> ClientConfig:
    return resolve_config(
        api_key=None,
        auth_token=None,
        base_url=None,
        timeout=NOT_GIVEN,
        max_retries=2,
        env={},
    )


def model_parser(cast_to: type[_T]) -> Parser[_T]:
    """A parser that reads the body into ``cast_to``: a model (with ``_request_id``
    attached), or ``httpx.Response``, ``str``, ``bytes``, ``dict``, ... (``convert_body``)."""
    if hasattr(cast_to, "model_validate_json"):  # a model: straight to parse_body
        return Parser(
            lambda response, _retries: parse_body(cast_to, response),
            strict_fn=lambda response, _retries: parse_body(cast_to, response, strict=True),
        )
    return Parser(
        lambda response, _retries: cast(_T, convert_body(response, cast_to)),
        strict_fn=lambda response, _retries: cast(_T, convert_body(response, cast_to, strict=True)),
    )


class _DefaultHeaders(httpx.Headers):
    """``client.default_headers``: the real values on lookup, credentials masked when the
    mapping is printed (so logging the client's headers never shows a key)."""

    def __repr__(self) -> str:
        shown = {k: ("***" if k in ("x-api-key", "authorization") else v) for k, v in self.items()}
        return f"Headers({shown!r})"


HTTPX_DEFAULT_TIMEOUT = httpx.Timeout(5.0)
"""What an ``httpx.Client()`` built without ``timeout=`` uses: a client that still has it
was not given a timeout on purpose, so ours (600 s) applies instead."""


def _builds_like_httpx(http: Union[httpx.Client, httpx.AsyncClient]) -> bool:
    """Whether ``http`` builds requests with httpx's own ``build_request``."""
    return type(http).build_request in (httpx.Client.build_request, httpx.AsyncClient.build_request)


def _through_http_client(
    http: Union[httpx.Client, httpx.AsyncClient], request: httpx.Request
) -> httpx.Request:
    """``request`` as the user's httpx client would build it: its default params and
    cookies added (its default headers, httpx's ``Accept-Encoding`` among them, are
    merged by the request builder, under ours), as in the official SDK.

    A client whose ``build_request`` is httpx's own gets that result without a second
    ``httpx.Request`` (a rebuild costs more than the whole first build); one that
    overrides ``build_request`` (instrumentation, a subclass) is called for real.
    """
    if not _builds_like_httpx(http):
        url = request.url
        params = url.params
        return http.build_request(
            request.method,
            url.copy_with(query=None) if params else url,
            params=params if params else None,
            headers=request.headers,
            content=request.content or None,
            extensions=request.extensions,
        )
    if http.params:
        request.url = request.url.copy_with(params=http.params.merge(request.url.params))
    if http.cookies and "cookie" not in request.headers:
        httpx.Cookies(http.cookies).set_cookie_header(request)
    return request


_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)
_SleepT = TypeVar("_SleepT")


class BaseClient(Generic[_HttpT, _SleepT]):
    """Configuration, copies and request building shared by the sync and async clients.

    The constructor and ``copy()`` are written once here; ``_HttpT`` is the httpx client
    class and ``_SleepT`` the sleep function's type of the concrete client, so
    ``Anthropic(http_client=...)`` takes an ``httpx.Client`` and ``AsyncAnthropic`` an
    ``httpx.AsyncClient``. Subclasses say how to make the default pool and the sender.
    """

    _config: ClientConfig
    _owns_http: bool
    _http: _HttpT

    def __init__(
        self,
        *,
        api_key: Optional[str] = None,
        auth_token: Optional[str] = None,
        base_url: Union[str, httpx.URL, None] = None,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        http_client: Optional[_HttpT] = None,
        _strict_response_validation: bool = False,
        _sleep: Optional[_SleepT] = None,
        _clock: Optional[Callable[[], float]] = None,
        _random: Optional[Callable[[], float]] = None,
    ) -> None:
        expected = self._http_client_class()
        if http_client is not None and not isinstance(http_client, expected):
            helper = "DefaultHttpxClient" if expected is httpx.Client else "DefaultAsyncHttpxClient"
            raise TypeError(
                f"http_client must be an {expected.__module__}.{expected.__qualname__} "
                f"instance (for example anthropic.{helper}()), got {type(http_client).__name__}"
            )
        if isinstance(timeout, NotGiven):
            # The official rule: a user client's timeout counts only if it is not httpx's
            # own 5 s default (an ``httpx.Client(proxy=...)`` gets our 600 s, not 5 s).
            if http_client is not None and http_client.timeout != HTTPX_DEFAULT_TIMEOUT:
                timeout = http_client.timeout
            else:
                timeout = DEFAULT_TIMEOUT
        self._timeout: Timeout = timeout
        # An empty credential is no credential (the first request raises
        # MissingCredentialsError), and does not fall back to the environment.
        env: Mapping[str, str] = os.environ
        if api_key == "" or auth_token == "":
            unset = {"ANTHROPIC_API_KEY": api_key, "ANTHROPIC_AUTH_TOKEN": auth_token}
            env = {k: v for k, v in os.environ.items() if unset.get(k) != ""}
        self._config = resolve_config(
            api_key=api_key or None,
            auth_token=auth_token or None,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            env=env,
        )
        self._base_url = displayed_base_url(given_base_url(base_url, env))
        self._strict_response_validation = bool(_strict_response_validation)
        self._clock = _clock or time.time
        self._rand = _random or random.random
        self._sleep_fn = _sleep
        self._policy = RetryPolicy(max_retries=self._config.max_retries)
        self._builders: dict[str, RequestBuilder] = {}
        self._owns_http = True
        self._http = http_client if http_client is not None else self._default_http_client()
        self._start_sender(_sleep)

    def _http_client_class(self) -> type[_HttpT]:
        raise TypeError("BaseClient is abstract: use Anthropic or AsyncAnthropic")

    def _default_http_client(self) -> _HttpT:
        raise TypeError("BaseClient is abstract: use Anthropic or AsyncAnthropic")

    def _start_sender(self, sleep: Optional[_SleepT]) -> None:
        raise TypeError("BaseClient is abstract: use Anthropic or AsyncAnthropic")

    # -- configuration, read-only -------------------------------------------------------

    @property
    def api_key(self) -> Optional[str]:
        return self._config.api_key

    @property
    def auth_token(self) -> Optional[str]:
        return self._config.auth_token

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @base_url.setter
    def base_url(self, url: Union[str, httpx.URL]) -> None:
        self._config = self._config.replace(base_url=normalize_base_url(url))
        self._base_url = displayed_base_url(url)
        self._config_changed()
        self._start_sender(self._sleep_fn)  # credentials follow redirects on the new origin

    @property
    def timeout(self) -> Timeout:
        """The timeout as given (a float stays a float); ``DEFAULT_TIMEOUT`` if none was."""
        return self._timeout

    @property
    def max_retries(self) -> int:
        return self._config.max_retries

    @property
    def default_headers(self) -> httpx.Headers:
        """Every header a request carries by default, credentials included (as in the
        official SDK); a case-insensitive mapping."""
        return _DefaultHeaders(self._builder_base_headers())

    @property
    def default_query(self) -> dict[str, object]:
        """The query every request carries by default (a copy), as in the official SDK."""
        return dict(self._config.default_query)

    @property
    def custom_auth(self) -> Optional[httpx.Auth]:
        """Always ``None``: credentials are headers (``auth_headers``), as there."""
        return None

    @property
    def auth_headers(self) -> dict[str, str]:
        """The credential headers this client sends (``X-Api-Key`` / ``Authorization``)."""
        headers: dict[str, str] = {}
        if self._config.api_key is not None:
            headers["X-Api-Key"] = self._config.api_key
        if self._config.auth_token is not None:
            headers["Authorization"] = f"Bearer {self._config.auth_token}"
        return headers

    @property
    def user_agent(self) -> str:
        return self._user_agent()

    def _builder_base_headers(self) -> Mapping[str, str]:
        return self._request_builder().base_headers

    def _request_builder(self) -> RequestBuilder:
        """The request builder for this configuration (one per async library: the
        ``x-stainless-async`` header names the one running the call)."""
        library = self._async_header()
        builder = self._builders.get(library)
        if builder is None:
            builder = RequestBuilder(
                self._config,
                user_agent=self._user_agent(),
                async_library=library,
                platform=platform_headers(read_platform()),
            )
            self._builders[library] = builder
        return builder

    def _user_agent(self) -> str:
        return f"Anthropic/Python {__version__}"

    def _build(self, spec: RequestSpec) -> httpx.Request:
        """The first attempt's request, built through the user's (or our) httpx client."""
        if spec.extra_body and spec.method == "GET":
            spec.extra_body = None  # a GET has no body (as the official SDK)
        http = self._http
        defaults: tuple[tuple[str, str], ...] = ()
        if _builds_like_httpx(http):
            defaults = tuple(http.headers.multi_items())
        request = self._request_builder().build(spec, defaults)
        return _through_http_client(http, request)

    def _policy_for(self, max_retries: Optional[int]) -> RetryPolicy:
        if max_retries is None or max_retries == self._policy.max_retries:
            return self._policy
        return RetryPolicy(max_retries=validate_max_retries(max_retries))

    def _async_header(self) -> str:
        return "false"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={self._config.base_url!r} config={self._config!r}>"

    # -- copies ---------------------------------------------------------------------------

    def copy(
        self,
        *,
        api_key: Union[str, NotGiven, None] = NOT_GIVEN,
        auth_token: Union[str, NotGiven, None] = NOT_GIVEN,
        base_url: Union[str, httpx.URL, NotGiven] = NOT_GIVEN,
        timeout: Union[Timeout, NotGiven] = NOT_GIVEN,
        http_client: Optional[_HttpT] = None,
        max_retries: Union[int, NotGiven] = NOT_GIVEN,
        default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        set_default_headers: Optional[Mapping[str, Union[str, Omit]]] = None,
        default_query: Optional[Mapping[str, object]] = None,
        set_default_query: Optional[Mapping[str, object]] = None,
    ) -> Self:
        """A new client with these overrides, sharing this one's connection pool.

        ``default_headers``/``default_query`` merge into the current ones;
        ``set_default_headers``/``set_default_query`` replace them. ``api_key=None`` or
        ``auth_token=None`` removes that credential. Closing the copy leaves the shared
        pool open: close the original.
        """
        if default_headers is not None and set_default_headers is not None:
            raise ValueError(
                "pass default_headers (merge) or set_default_headers (replace), not both"
            )
        if default_query is not None and set_default_query is not None:
            raise ValueError("pass default_query (merge) or set_default_query (replace), not both")
        cfg = self._config
        headers: Mapping[str, Union[str, Omit]] = cfg.default_headers
        if set_default_headers is not None:
            headers = set_default_headers
        elif default_headers is not None:
            headers = {**cfg.default_headers, **default_headers}
        query: Mapping[str, object] = cfg.default_query
        if set_default_query is not None:
            query = set_default_query
        elif default_query is not None:
            query = {**cfg.default_query, **default_query}
        key = cfg.api_key if isinstance(api_key, NotGiven) else api_key
        token = cfg.auth_token if isinstance(auth_token, NotGiven) else auth_token
        client = type(self)(
            api_key=key,
            auth_token=token,
            base_url=self._base_url if isinstance(base_url, NotGiven) else base_url,
            timeout=self._timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=cfg.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=headers,
            default_query=query,
            http_client=http_client or self._http,
            _strict_response_validation=self._strict_response_validation,
            _sleep=self._sleep_fn,
            _clock=self._clock,
            _random=self._rand,
        )
        client._owns_http = False
        # A credential that is None (cleared now, or already absent here) must not come
        # back from the environment in the copy.
        changes = {k: None for k, v in (("api_key", key), ("auth_token", token)) if v is None}
        if changes:
            client._config = client._config.replace(**changes)
            client._config_changed()
        return client

    with_options = copy

    def _config_changed(self) -> None:
        """Drop whatever was derived from ``_config`` (the request builders)."""
        self._builders.clear()
