"""The emulator over real HTTP: a tiny ASGI app over the shared handler, run by uvicorn.

Usage::

    with EmulatorServer(Emulator(), port=0) as server:   # binds 127.0.0.1, a free port
        httpx.get(server.base_url + "/v1/messages/batches", headers=...)

Faults that drop or cut a connection close the socket the request came in on. uvicorn
does not expose it through ASGI, so the app reaches it through the ``send`` callable of
uvicorn's h11 protocol (which this server always uses); if that ever changes, it falls
back to raising inside the app, which makes uvicorn close the connection (or, if nothing
was sent yet, answer a bare 500).
"""

from __future__ import annotations

import socket
import threading
from typing import Any, Awaitable, Callable, Dict, Mapping, MutableMapping, Optional, cast

import anyio
import anyio.to_thread
from typing_extensions import Protocol

from ._handler import Reply
from ._protocol import ApiH11Protocol
from ._validate import MAX_BODY_BYTES, too_large
from ._wire import CONTENT_JSON, error_body

try:
    import uvicorn
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "Serving the emulator over HTTP needs uvicorn: pip install 'anthropic-batches[emulator]'. "
        "(The in-process emu.client() / emu.transport() need nothing extra.)"
    ) from exc

__all__ = ["EmulatorServer", "SupportsHandle", "make_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SupportsHandle(Protocol):
    """What the server serves: anything with ``Emulator.handle`` (i.e. an ``Emulator``)."""

    def handle(
        self,
        method: str,
        path: str,
        *,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        host: str,
    ) -> Reply: ...


_OFFLOAD_BYTES = 256 * 1024


class _Dropped(Exception):
    """Raised in the app to make uvicorn close the connection (fallback path)."""


async def _close_connection(send: Send, receive: Receive) -> None:
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    close = getattr(transport, "close", None)
    if close is None:
        raise _Dropped
    close()  # flushes what was written, then FIN: the client sees the connection end
    # Wait until uvicorn notices, so it neither logs nor tries to answer 500.
    while (await receive())["type"] != "http.disconnect":
        pass


def _raw_path(scope: Scope) -> str:
    """The path as sent, still percent-encoded (the handler decodes the id segment only)."""
    raw = scope.get("raw_path")
    if isinstance(raw, bytes):
        return raw.split(b"?", 1)[0].decode("latin-1")
    return str(scope["path"])


class _Gone(Exception):
    """The client went away (or was timed out) before sending its whole body."""


async def _read_body(scope: Scope, receive: Receive) -> Optional[bytes]:
    """The request body, or None if it is larger than the API accepts; ``_Gone`` if the
    client disconnected first (a partial body is never handled)."""
    for name, value in scope["headers"]:
        if name == b"content-length" and value.isdigit() and int(value) > MAX_BODY_BYTES:
            return None
    parts: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Gone
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        parts.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(parts)


def make_app(
    emulator: SupportsHandle,
    started: Optional[threading.Event] = None,
    stopping: Optional[threading.Event] = None,
) -> ASGIApp:
    """The ASGI 3 application serving ``emulator`` (lifespan sets ``started``). Once
    ``stopping`` is set, a reply still held back by a delay fault, or still streaming,
    closes its connection at once, so a shutdown neither waits for it nor cancels it."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    if started is not None:
                        started.set()
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        headers: Dict[str, str] = {
            k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]
        }
        host = f"{scope.get('scheme', 'http')}://{headers.get('host', 'localhost')}"
        try:
            body = await _read_body(scope, receive)
        except _Gone:
            return
        if body is None:
            exc = too_large()
            reply = Reply(413, [CONTENT_JSON], error_body(exc.type, exc.message, None))
        else:
            method, path = scope["method"], _raw_path(scope)
            query: str = scope["query_string"].decode("latin-1")

            def handle() -> Reply:
                return emulator.handle(
                    method, path, query=query, headers=headers, body=body, host=host
                )

            if len(body) > _OFFLOAD_BYTES:
                reply = await anyio.to_thread.run_sync(handle)
            else:
                reply = handle()
        await _send_reply(reply, send, receive, stopping or threading.Event())

    return app


_STOP_CHECK = 0.05  # seconds between looks at the stop flag while a reply is held back


async def _held_back(seconds: float, stopping: threading.Event) -> bool:
    """Sleep ``seconds``; ``True`` (early) if the server is stopping."""
    deadline = anyio.current_time() + seconds
    while not stopping.is_set():
        left = deadline - anyio.current_time()
        if left <= 0:
            return False
        await anyio.sleep(min(left, _STOP_CHECK))
    return True


async def _send_reply(
    reply: Reply, send: Send, receive: Receive, stopping: threading.Event
) -> None:
    if reply.drop is not None:
        await _close_connection(send, receive)
        return
    if reply.delay and await _held_back(reply.delay, stopping):
        await _close_connection(send, receive)  # stopping: end it now, quietly
        return
    headers = reply.headers
    if reply.stream is None and reply.cut_after is None:
        headers = [*headers, (b"content-length", str(len(reply.body)).encode())]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    left = reply.cut_after
    chunks = reply.chunks()
    try:
        for chunk in chunks:
            if stopping.is_set():
                await _close_connection(send, receive)
                return
            if left is not None:
                if len(chunk) >= left:
                    await send(
                        {"type": "http.response.body", "body": chunk[:left], "more_body": True}
                    )
                    await _close_connection(send, receive)
                    return
                left -= len(chunk)
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        if left is not None:  # the body was shorter than the cut: still cut the end off
            await _close_connection(send, receive)
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this. Without it, a response whose headers and
        # body are written separately waits for the client's delayed ACK (Nagle): ~40 ms
        # per request on loopback.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except BaseException:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


class EmulatorServer:
    """Serve an :class:`Emulator` over HTTP from a background thread.

    Usage::

        with EmulatorServer(emu) as server:     # host="127.0.0.1", port=0 (a free port)
            client = Anthropic(base_url=server.base_url, api_key="any")

    The socket is bound in the constructor's ``start()``, so ``port=0`` works and
    ``base_url`` is known before the first request. ``stop()`` (or leaving the ``with``)
    shuts uvicorn down and joins the thread. Binds to loopback unless told otherwise.

    ``idle_timeout`` (seconds, default 5): a connection that owes the server bytes (a new
    connection, a request cut halfway) or sits idle between requests for that long is
    closed, so half-open clients never pile up. Malformed HTTP gets a JSON 400 in the
    API's error shape (``_protocol.ApiH11Protocol``).
    """

    def __init__(
        self,
        emulator: SupportsHandle,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        log_level: str = "warning",
        idle_timeout: float = 5.0,
    ) -> None:
        if not (isinstance(idle_timeout, (int, float)) and 0 < idle_timeout < float("inf")):
            raise ValueError(f"idle_timeout must be a number of seconds > 0, got {idle_timeout!r}")
        self.emulator = emulator
        self.idle_timeout = float(idle_timeout)
        self.host = host
        self.port = port
        self._log_level = log_level
        self._sock: Optional[socket.socket] = None
        self._server: Optional[uvicorn.Server] = None
        self._thread: Optional[threading.Thread] = None
        self._stopping = threading.Event()

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def _prepare(self, started: Optional[threading.Event]) -> uvicorn.Server:
        self._stopping.clear()
        self._sock = _bind(self.host, self.port)
        self.port = self._sock.getsockname()[1]
        config = uvicorn.Config(
            make_app(self.emulator, started, self._stopping),
            http=ApiH11Protocol,
            # Annotated int, but only ever handed to loop.call_later, which takes seconds.
            timeout_keep_alive=cast(int, self.idle_timeout),
            loop="asyncio",
            lifespan="on",
            access_log=False,
            log_config=None,
            log_level=self._log_level,
            timeout_graceful_shutdown=5,
        )
        self._server = uvicorn.Server(config)
        return self._server

    def start(self) -> EmulatorServer:
        """Bind, start uvicorn in a daemon thread, and return once it is serving."""
        if self._thread is not None:
            raise RuntimeError("EmulatorServer already started")
        started = threading.Event()
        server = self._prepare(started)
        sock = self._sock
        assert sock is not None
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="anthropic-emulator", daemon=True
        )
        self._thread.start()
        while not started.wait(0.05):
            if not self._thread.is_alive():
                self.stop()
                raise RuntimeError("the emulator server failed to start (see the log)")
        return self

    def stop(self) -> None:
        """Shut down (idempotent): stop accepting, end replies still held back or
        streaming, join the thread, close the socket."""
        self._stopping.set()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
            self._thread = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self._server = None

    def serve_forever(self, on_bound: Optional[Callable[[str], None]] = None) -> None:
        """Run in the current (main) thread until Ctrl-C; used by ``python -m``.
        ``on_bound(base_url)`` is called once the socket is bound."""
        server = self._prepare(None)
        assert self._sock is not None
        if on_bound is not None:
            on_bound(self.base_url)
        try:
            server.run(sockets=[self._sock])
        finally:
            self.stop()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self._thread is not None else "stopped"
        return f"<EmulatorServer {self.base_url} {state}>"
