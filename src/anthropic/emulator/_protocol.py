"""The HTTP/1.1 protocol the emulator server runs: uvicorn's h11 protocol, made API-shaped
and safe against idle clients.

- Bytes that are not HTTP (a malformed request line or header) get the API's error shape,
  ``400 {"type": "error", "error": {"type": "invalid_request_error", ...}}`` as JSON, and
  the connection is closed (uvicorn's own answer is plain text).
- A connection that sends nothing, or stops halfway through its request (headers or
  body), for ``timeout_keep_alive`` seconds is closed. uvicorn only times out the wait
  *between* requests; a client that opened a socket and went away (half-open) would
  otherwise hold it, and a task waiting on its body, until the process ends. While the
  app is working on a complete request nothing is timed.

Idle connections cost one socket and one small protocol object each; the event loop
does no work for them until they send bytes or their timer fires.
"""

from __future__ import annotations

import asyncio
from typing import cast

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ._wire import error_body

__all__ = ["ApiH11Protocol"]

_MALFORMED = "The request is not valid HTTP/1.1; it could not be read."


class ApiH11Protocol(H11Protocol):
    """``uvicorn.Config(http=ApiH11Protocol)``: see the module docstring."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A stream server's event loop always hands its protocols an ``asyncio.Transport``.
        super().connection_made(cast(asyncio.Transport, transport))
        self._arm_idle_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)  # cancels the timer, then parses what came
        # Still owed bytes: a request line / headers (IDLE) or the rest of a body.
        if not self.transport.is_closing() and self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
            self._arm_idle_timer()

    def _arm_idle_timer(self) -> None:
        self._unset_keepalive_if_required()
        self.timeout_keep_alive_task = self.loop.call_later(
            self.timeout_keep_alive, self._close_idle
        )

    def _close_idle(self) -> None:
        self.timeout_keep_alive_task = None
        if not self.transport.is_closing():
            # connection_lost then tells a waiting app (http.disconnect) and cleans up.
            self.transport.close()

    def send_400_response(self, msg: str) -> None:
        body = error_body("invalid_request_error", f"{_MALFORMED} ({msg})", None)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        try:
            output = self.conn.send(h11.Response(status_code=400, headers=headers))
            output = (output or b"") + (self.conn.send(h11.Data(data=body)) or b"")
            output += self.conn.send(h11.EndOfMessage()) or b""
        except h11.LocalProtocolError:  # pragma: no cover - a response was already begun
            output = b""
        if output:
            self.transport.write(output)
        self.transport.close()
