"""Helpers shared by the test modules (importable as ``support``: pytest puts tests/ on
sys.path because tests/conftest.py lives there).

    router = Router()
    router.add("GET", "/v1/messages/batches/msgbatch_1", fixture_response("batch.ended.json"))
    client = Anthropic(api_key="sk-test", http_client=httpx.Client(transport=router.transport()))
    ...
    assert router.calls[0].headers["x-api-key"] == "sk-test"
"""

from __future__ import annotations

import gc
import json
import socket
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Generator, List, Optional, Tuple, TypeVar, Union

import httpx

# The golden wire fixtures: the one place any test finds them. They live inside the repo
# (tests/fixtures/, see its README.md) so that a clone of this repo alone runs the suite.
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
TEST_KEY = "sk-ant-test-0123456789-SECRET"

Handler = Callable[[httpx.Request], httpx.Response]
Reply = Union[httpx.Response, Handler, Exception]


def api_bytes(name: str) -> bytes:
    """The bytes of a golden fixture, e.g. ``api_bytes("batch.ended.json")``."""
    return (FIXTURES_DIR / name).read_bytes()


def api_json(name: str) -> Any:
    return json.loads(api_bytes(name))


def fixture_response(name: str, status: int = 200, **headers: str) -> httpx.Response:
    hdrs = {"request-id": "req_fixture", "content-type": "application/json", **headers}
    if name.endswith(".jsonl"):
        hdrs["content-type"] = "application/x-jsonl"
    return httpx.Response(status, content=api_bytes(name), headers=hdrs)


def error_response(status: int, kind: str, message: str = "boom", **headers: str) -> httpx.Response:
    body = {"type": "error", "error": {"type": kind, "message": message}, "request_id": "req_err"}
    return httpx.Response(status, json=body, headers={"request-id": "req_err", **headers})


class Router:
    """A tiny MockTransport router: routes by (method, path); queued replies are served in
    order (the last one repeats); records every request in ``calls``."""

    def __init__(self) -> None:
        self.routes: Dict[Tuple[str, str], List[Reply]] = {}
        self.calls: List[httpx.Request] = []

    def add(self, method: str, path: str, *replies: Reply) -> Router:
        self.routes.setdefault((method, path), []).extend(replies)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.calls.append(request)
        queue = self.routes.get((request.method, request.url.path))
        if not queue:
            return error_response(
                404, "not_found_error", f"no route {request.method} {request.url.path}"
            )
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            # A Response can be read once: hand out a fresh copy each time.
            return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)
        return reply(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def sync_client(self) -> httpx.Client:
        return httpx.Client(transport=self.transport())

    def async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self.transport())

    def only_call(self) -> httpx.Request:
        assert len(self.calls) == 1, f"expected one call, got {len(self.calls)}"
        return self.calls[0]

    def body_of(self, index: int = -1) -> Optional[Any]:
        content = self.calls[index].content
        return json.loads(content) if content else None


@contextmanager
def gc_finalized() -> Generator[List[str], None, None]:
    """The names of the async generators the collector had to finalize in the block.

    Async generators get the running loop's finalizer when first iterated, so this must be
    entered inside the loop, before the stream is opened."""
    names: List[str] = []
    hooks = sys.get_asyncgen_hooks()

    def finalizer(agen: Any) -> None:
        names.append(str(agen.__qualname__))
        if hooks.finalizer is not None:
            hooks.finalizer(agen)

    sys.set_asyncgen_hooks(hooks.firstiter, finalizer)
    try:
        yield names
        gc.collect()  # generators in reference cycles too
    finally:
        sys.set_asyncgen_hooks(*hooks)


class ThreadedLoopback:
    """A socket server on 127.0.0.1 run by one thread, for tests that need a real
    connection: ``with`` starts it, leaving stops the thread and closes the listener.
    Subclasses answer one accepted connection in ``handle`` (the connection is closed
    after it)."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stopping = False
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self: _Server) -> _Server:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stopping = True
        socket.create_connection(self._listener.getsockname()).close()  # wakes accept()
        self._thread.join(timeout=30)
        self._listener.close()

    def _accept(self) -> None:
        while True:
            conn, _ = self._listener.accept()
            if self._stopping:
                conn.close()
                return
            with conn:
                self.handle(conn)

    def handle(self, conn: socket.socket) -> None:
        raise AssertionError("a ThreadedLoopback subclass answers connections in handle()")


_Server = TypeVar("_Server", bound=ThreadedLoopback)
