"""Paths and URLs: an id can never change the path, a path can never change the origin.

batch_path("msgbatch_01")          -> "/v1/messages/batches/msgbatch_01"
encode_path_param("id", "a/../b")  -> "a%2F..%2Fb"
encode_path_param("id", "")        -> ValueError naming the parameter
UrlJoiner("https://h/proxy").join("/v1/x?a=1")  -> https://h/proxy/v1/x?a=1
UrlJoiner("https://h/proxy").join("/v1/../../admin")  -> ValueError (leaves /proxy)

Every request URL is built by ``UrlJoiner.join``: structurally (the base URL's scheme,
host and port are kept, only the path is set), never by gluing strings, so a path such
as ``.evil.example/x`` or ``@evil.example/x`` stays a path on the configured host.
"""

from __future__ import annotations

import re
from typing import Optional, cast
from urllib.parse import quote

import httpx

from .config import url_origin

__all__ = ["BATCHES_PATH", "UrlJoiner", "batch_path", "encode_path_param"]

BATCHES_PATH = "/v1/messages/batches"


def encode_path_param(name: str, value: object) -> str:
    """Return ``value`` percent-encoded as one path segment, or raise ``ValueError``.

    Every reserved character (``/ ? # % &`` ...), space and control character is encoded;
    ``.`` and ``..`` are rejected because URL normalization would turn them into a move
    up the path rather than an id.
    """
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a string such as 'msgbatch_...', got {type(value).__name__}"
        )
    if not value:
        raise ValueError(f"{name} must be a non-empty string such as 'msgbatch_...', got ''")
    if not value.isascii() and not _utf8_ok(value):
        raise ValueError(
            f"{name} is not valid text: it contains a lone surrogate (e.g. from decoding "
            f"bytes with errors='surrogateescape'); pass the id exactly as the API returned it"
        )
    if value in (".", ".."):
        raise ValueError(f"{name} cannot be {value!r}: pass the batch id, e.g. 'msgbatch_...'")
    if _PLAIN_ID.fullmatch(value):  # real ids ("msgbatch_01Hk..."): nothing to encode
        return value
    return quote(value, safe="")


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")


def batch_path(message_batch_id: str, suffix: str = "") -> str:
    """The path of one batch (plus ``/cancel`` or ``/results``), with the id encoded."""
    return f"{BATCHES_PATH}/{encode_path_param('message_batch_id', message_batch_id)}{suffix}"


def _utf8_ok(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# An absolute URL (any scheme); ``/https://...`` too, since the low-level ``client.get(path)``
# puts a "/" in front of any path that lacks one.
_ABSOLUTE = re.compile(r"/?[A-Za-z][A-Za-z0-9+.-]*://")
# Characters a path or query may hold as they are; anything else is percent-encoded
# (an existing %XX escape is kept, so an encoded id stays one segment).
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_FORBIDDEN = re.compile(r"[\\\x00-\x1f\x7f#]")
_FORBIDDEN_WHAT = {"\\": "a backslash", "#": "a fragment ('#')"}


def _refuse(path: str, why: str) -> ValueError:
    shown = path if len(path) <= 200 else path[:200] + "..."
    return ValueError(f"cannot request path {shown!r}: {why}")


class UrlJoiner:
    """Joins request paths onto one base URL (scheme, host, port and path prefix).

    The rule every request follows, low-level ``client.get/post/delete`` and
    ``results_url`` included:

    - a relative path (with or without a leading ``/``, with an optional ``?query``) is
      put under the base URL's path prefix; it never contributes scheme, userinfo, host
      or port;
    - dot segments (``.``, ``..``, also percent-encoded as ``%2e``) are resolved, and a
      path that would leave the prefix is refused with ``ValueError``;
    - an absolute ``http(s)://`` URL is used as it is only when it is on the base URL's
      origin (same scheme, host and port, no userinfo) and inside the prefix; any other
      is refused with ``ValueError``; so is a ``//host`` reference;
    - backslashes, control characters and fragments are refused (servers and proxies
      disagree on what they mean); other unsafe characters are percent-encoded.
    """

    __slots__ = ("_base", "_origin", "_plain", "_prefix", "_root", "netloc")

    def __init__(self, base_url: str) -> None:
        self._base = httpx.URL(base_url)
        self._origin = url_origin(self._base)
        self._prefix = self._base.raw_path.decode("ascii").rstrip("/")
        # "scheme://host:port": the base URL without its path. A joined path always
        # starts with "/", so appending it can only ever extend the path.
        root = str(self._base.copy_with(raw_path=b"/"))
        self._root = root[:-1]
        self._plain: dict[str, httpx.URL] = {}
        # Every URL joined here is parsed from self._root + a path: one host and port,
        # so one ``Host`` header (what httpx would send; None if there is no host).
        joined = httpx.URL(root)
        self.netloc: Optional[bytes] = joined.netloc if joined.host else None

    @property
    def prefix(self) -> str:
        """The base URL's path prefix without a trailing slash ("" for none)."""
        return self._prefix

    def join(self, path: str) -> httpx.URL:
        """The URL of ``path`` on the base URL, or ``ValueError`` naming the path."""
        if not isinstance(cast(object, path), str):  # a caller outside the type checker
            raise TypeError(f"path must be a string such as '/v1/...', got {type(path).__name__}")
        if _PLAIN_PATH.fullmatch(path):
            # The common case ("/v1/messages/batches/msgbatch_..."): nothing to resolve,
            # refuse or encode, so the general steps below would return exactly this.
            # Fixed paths ("/v1/messages") repeat: their URLs are kept (httpx.URL is
            # immutable), a bounded few.
            url = self._plain.get(path)
            if url is None:
                url = httpx.URL(self._root + self._prefix + path)
                if len(self._plain) >= 64:
                    self._plain.clear()
                self._plain[path] = url
            return url
        bad = _FORBIDDEN.search(path)
        if bad is not None:
            what = _FORBIDDEN_WHAT.get(bad.group(), "a control character")
            raise _refuse(path, f"it contains {what}")
        if _ABSOLUTE.match(path):
            return self._absolute(path)
        if path.startswith("//"):
            raise _refuse(path, "a '//host' reference would name another host; pass a path")
        rel, mark, query = path.partition("?")
        return self._finish(path, self._prefix + _normalize(path, rel), query if mark else None)

    def _absolute(self, path: str) -> httpx.URL:
        try:
            url = httpx.URL(path[1:] if path.startswith("/") else path)
        except httpx.InvalidURL as exc:
            raise _refuse(path, f"it is not a valid URL ({exc})") from None
        if url.userinfo:
            raise _refuse(path, "a URL with userinfo ('user@') is never requested")
        if url_origin(url) != self._origin:
            scheme, host, port = self._origin
            raise _refuse(
                path,
                f"it is on another origin than the client's base_url ({scheme}://{host}:{port}); "
                f"credentials are only sent there. Pass a path relative to base_url, or make "
                f"a client with that base_url",
            )
        rel, mark, query = url.raw_path.decode("ascii").partition("?")
        return self._finish(path, _normalize(path, rel), query if mark else None)

    def _finish(self, path: str, joined: str, query: Optional[str]) -> httpx.URL:
        prefix = self._prefix
        if prefix and not (joined == prefix or joined.startswith(prefix + "/")):
            raise _refuse(path, f"it leaves the base_url path prefix {prefix!r}")
        try:
            raw = quote(joined, safe=_PATH_SAFE)
            if query is not None:
                raw += "?" + quote(query, safe=_QUERY_SAFE)
        except UnicodeEncodeError:
            raise _refuse(path, "it is not valid text (it holds a lone surrogate)") from None
        url = httpx.URL(self._root + raw)
        if url_origin(url) != self._origin:  # belt and braces
            raise _refuse(path, "it would change the origin")
        return url


_PLAIN_PATH = re.compile(r"(?:/[A-Za-z0-9_~-]+)+")
"""Absolute paths of plain segments: no dots, escapes, queries or empty segments."""


def _normalize(original: str, rel: str) -> str:
    """``rel`` as an absolute path with dot segments resolved (RFC 3986 5.2.4); a ``..``
    above the root is refused rather than clamped, since it means "leave the prefix"."""
    parts = rel.split("/")
    if rel.startswith("/"):
        parts = parts[1:]
    out: list[str] = []
    trailing = False
    for part in parts:
        # "." and "..", also percent-encoded (%2e is an unreserved "." in disguise)
        dots = part.lower().replace("%2e", ".") if len(part) <= 6 else None
        if dots not in (".", ".."):
            dots = None
        if dots is None:
            out.append(part)
            trailing = False
        elif dots == ".":
            trailing = True
        else:
            if not out:
                raise _refuse(original, "its '..' segments climb above the base_url path")
            out.pop()
            trailing = True
    return "/" + "/".join(out) + ("/" if trailing and out else "")
