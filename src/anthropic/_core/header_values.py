"""Check header names and values before they reach httpx, so none is ever echoed back.

    clean_header_value("sk-ant-...\\n", what="api_key", secret=True)
        -> "sk-ant-..." (with a warning that whitespace was removed)
    clean_header_value("a\\nb", what="api_key", secret=True)
        -> ValueError("api_key cannot be sent in an HTTP header: it contains a line break ...")

httpx and h11 refuse a header value with a line break, a control character or leading or
trailing whitespace, and a non-ASCII one, but only when the request is written, and their
messages quote the value; for ``x-api-key`` that is the key. Values are checked here
instead: at client construction for credentials and default headers, when a request is
built for per-call ``extra_headers``. Messages name the argument or header, never the
value. Pure.
"""

from __future__ import annotations

import re
import warnings
from typing import Mapping, Optional, Union

from .._types import Omit
from .credentials import CREDENTIAL_HEADERS

__all__ = ["clean_header_name", "clean_header_value", "clean_headers", "is_secret_header"]

# RFC 9110 field-value as h11 enforces it, restricted to ASCII (httpx encodes str values
# as ASCII): visible characters, single spaces or tabs only between them.
_VALUE = re.compile(r"(?:[\x21-\x7e]+(?:[ \t]+[\x21-\x7e]+)*)?")
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_EDGE_WHITESPACE = " \t\r\n"


def clean_header_value(value: object, *, what: str, secret: bool, stacklevel: int = 2) -> str:
    """``value`` as it can be sent, or a ``TypeError``/``ValueError`` naming ``what``.

    Surrounding whitespace (typically the newline of a secret read from a file) is removed
    with a ``UserWarning``; anything else that cannot be sent raises. The message never
    contains the value; for a non-secret value it names the offending character.
    """
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, got {type(value).__name__}")
    if _VALUE.fullmatch(value):
        return value
    stripped = value.strip(_EDGE_WHITESPACE)
    if stripped != value and _VALUE.fullmatch(stripped):
        warnings.warn(
            f"{what} had leading or trailing whitespace (such as the newline at the end of "
            f"a file); it was removed. Strip the value where you read it to silence this.",
            UserWarning,
            stacklevel=stacklevel + 1,
        )
        return stripped
    raise ValueError(f"{what} cannot be sent in an HTTP header: {_problem(stripped, secret)}")


def _problem(value: str, secret: bool) -> str:
    for char in value:
        if char in "\r\n":
            return "it contains a line break. Pass the value on one line"
        if not (" " <= char <= "~" or char == "\t"):
            detail = "" if secret else f" ({_codepoint(char)})"
            kind = "a control character" if char.isascii() else "a non-ASCII character"
            return f"it contains {kind}{detail}; only printable ASCII can be sent"
    return "it has whitespace that cannot be sent"  # pragma: no cover - caught above


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def clean_header_name(name: object, *, what: str) -> str:
    """``name`` if it is a valid header name (an RFC 9110 token), else a clear error."""
    if not isinstance(name, str):
        raise TypeError(f"{what}: a header name must be a string, got {type(name).__name__}")
    if not _TOKEN.fullmatch(name):
        shown = name if len(name) <= 60 else name[:60] + "..."
        raise ValueError(
            f"{what}: {shown!r} is not a valid HTTP header name (letters, digits and "
            f"!#$%&'*+-.^_`|~ only)"
        )
    return name


def is_secret_header(name: str) -> bool:
    return name.lower() in CREDENTIAL_HEADERS


def clean_headers(
    headers: Optional[Mapping[str, Union[str, Omit]]], *, what: str, stacklevel: int = 2
) -> Optional[Mapping[str, Union[str, Omit]]]:
    """``headers`` with every name checked and every value cleaned (``Omit()`` kept).

    Returns the mapping itself when nothing changed, so the common case copies nothing.
    """
    if not headers:
        return headers
    changed: Optional[dict[str, Union[str, Omit]]] = None
    for name, value in headers.items():
        clean_header_name(name, what=what)
        if isinstance(value, Omit):
            continue
        label = f"{what}[{name!r}]"
        cleaned = clean_header_value(
            value, what=label, secret=is_secret_header(name), stacklevel=stacklevel + 1
        )
        if cleaned is not value:
            if changed is None:
                changed = dict(headers)
            changed[name] = cleaned
    return headers if changed is None else changed
