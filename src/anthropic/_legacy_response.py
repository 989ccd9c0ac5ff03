"""``LegacyAPIResponse``: what ``with_raw_response`` methods return (the body already read).

    response = client.messages.batches.with_raw_response.retrieve("msgbatch_...")
    response.status_code, response.request_id, response.text, response.content
    batch = response.parse()                  # the MessageBatch (computed once)
    data = response.parse(to=dict)            # or str, bytes, httpx.Response, a model...

The body was read before the call returned, so every member is a plain property or call,
on the async client too (``(await async_client....with_raw_response.retrieve(id)).parse()``).
The name and module match the official SDK's.
"""

from __future__ import annotations

import json
from typing import Optional, TypeVar, Union, cast, overload

from ._response_base import BaseAPIResponse

__all__ = ["LegacyAPIResponse"]

_R = TypeVar("_R")
_T = TypeVar("_T")


class LegacyAPIResponse(BaseAPIResponse[_R]):
    """A read response: ``.text``, ``.content``, headers, status and ``parse()``."""

    @property
    def content(self) -> bytes:
        """The body as bytes."""
        return self.http_response.content

    @property
    def text(self) -> str:
        """The body decoded as text."""
        return self.http_response.text

    def json(self) -> object:
        """The body decoded as JSON."""
        return json.loads(self.http_response.content)

    @overload
    def parse(self, *, to: type[_T]) -> _T: ...
    @overload
    def parse(self) -> _R: ...
    def parse(self, *, to: Optional[type[_T]] = None) -> Union[_R, _T]:
        """What the plain method returns (computed once), or the body as ``to``: ``str``,
        ``bytes``, ``dict``/``list``/``object`` (decoded JSON), ``int``, ``float``,
        ``bool``, ``httpx.Response`` or any model class."""
        return cast("Union[_R, _T]", self._parse_read(to))
