"""Which headers are credentials, and a copy of a request with them masked. Pure.

    redact_request(request).headers["x-api-key"]   # "***"

The one list of credential headers: redirects drop them on the way to another origin
(``redirects.py``) and the errors we raise hold a redacted copy of their request
(``_exceptions.APIError``), so ``repr(err.request.headers)``, logging an error and
``pickle.dumps(err)`` never show a key. httpx itself masks only ``Authorization`` in a
``repr``.
"""

from __future__ import annotations

from typing import Optional

import httpx

__all__ = ["CREDENTIAL_HEADERS", "REDACTED", "redact_request"]

CREDENTIAL_HEADERS = ("x-api-key", "authorization", "proxy-authorization", "cookie")
REDACTED = "***"


def redact_request(request: httpx.Request) -> httpx.Request:
    """``request`` itself if it carries no credential, else a copy with each credential
    header's value replaced by ``"***"``: method, URL, the other headers, the body bytes
    (shared, not copied) and the extensions are kept; the original is not changed."""
    headers = request.headers
    if not any(name in headers for name in CREDENTIAL_HEADERS):
        return request
    clean = headers.copy()
    for name in CREDENTIAL_HEADERS:
        if name in clean:
            clean[name] = REDACTED
    try:
        content: Optional[bytes] = request.content or None
    except httpx.RequestNotRead:  # a streaming body (a user transport): not kept
        content = None
    return httpx.Request(
        request.method, request.url, headers=clean, content=content, extensions=request.extensions
    )
