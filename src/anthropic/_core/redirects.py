"""Follow a redirect without ever carrying credentials to another origin. Pure.

httpx strips ``Authorization`` on cross-origin redirects but not ``x-api-key``, so the
senders never let httpx follow redirects: they call ``redirect_request`` instead.
"""

from __future__ import annotations

from typing import Optional

import httpx

from .config import url_origin
from .credentials import CREDENTIAL_HEADERS

__all__ = ["MAX_REDIRECTS", "redirect_request"]

MAX_REDIRECTS = 20


def redirect_request(
    request: httpx.Request, response: httpx.Response, origin: tuple[str, str, Optional[int]]
) -> Optional[httpx.Request]:
    """The request to send next for a 3xx ``response``, or ``None`` if it is not a redirect.

    303 (and 301/302 after a POST) become a GET without a body, as browsers and httpx do.
    Credentials are dropped when the target is not ``origin`` (the base URL's origin).
    """
    if response.status_code not in (301, 302, 303, 307, 308):
        return None  # the status first: no header lookup for every 2xx
    location = response.headers.get("location")
    if not location:
        return None
    url = request.url.join(location)
    method = request.method
    content: Optional[bytes] = request.content if method not in ("GET", "HEAD") else None
    headers = httpx.Headers(request.headers)
    if response.status_code == 303 or (response.status_code in (301, 302) and method == "POST"):
        method = "GET" if method != "HEAD" else method
        content = None
        headers.pop("content-type", None)
        headers.pop("content-length", None)
    if url_origin(url) != origin:
        for name in CREDENTIAL_HEADERS:
            headers.pop(name, None)
    headers.pop("host", None)
    return httpx.Request(
        method, url, headers=headers, content=content, extensions=request.extensions
    )
