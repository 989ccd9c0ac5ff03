"""The :class:`Emulator`: state + handler + the ways to talk to it."""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Awaitable,
    Callable,
    Counter,
    Deque,
    Iterable,
    Mapping,
    Optional,
    Union,
)

import anyio.lowlevel
import httpx
from typing_extensions import TypedDict, Unpack

from .._client import Anthropic, AsyncAnthropic
from .._types import NotGiven, Omit, Timeout
from ._clock import Clock, ManualClock, SystemClock
from ._faults import Fault, Faults
from ._handler import Handler, Reply, ServedRequest
from ._responder import Responder, default_responder
from ._state import BatchStore
from ._transport import AsyncEmulatorTransport, EmulatorTransport
from ._wire import IdFactory

if TYPE_CHECKING:
    from ._server import EmulatorServer

__all__ = [
    "DEFAULT_API_KEY",
    "EMULATOR_BASE_URL",
    "AsyncClientOptions",
    "ClientOptions",
    "Emulator",
]

EMULATOR_BASE_URL = "http://emulator.local"
DEFAULT_API_KEY = "emulator-key"


class _CommonClientOptions(TypedDict, total=False):
    # The keyword arguments of ``Anthropic(...)`` and ``AsyncAnthropic(...)`` that have the
    # same type in both. ``base_url`` excludes None: the in-process transport needs a URL.
    api_key: Optional[str]
    auth_token: Optional[str]
    base_url: Union[str, httpx.URL]
    timeout: Union[Timeout, NotGiven]
    max_retries: int
    default_headers: Optional[Mapping[str, Union[str, Omit]]]
    default_query: Optional[Mapping[str, object]]
    _clock: Optional[Callable[[], float]]
    _random: Optional[Callable[[], float]]
    _strict_response_validation: bool


class ClientOptions(_CommonClientOptions, total=False):
    """Keyword arguments of :meth:`Emulator.client`: those of ``Anthropic(...)``."""

    http_client: Optional[httpx.Client]
    _sleep: Optional[Callable[[float], None]]


class AsyncClientOptions(_CommonClientOptions, total=False):
    """Keyword arguments of :meth:`Emulator.async_client`: those of ``AsyncAnthropic(...)``."""

    http_client: Optional[httpx.AsyncClient]
    _sleep: Optional[Callable[[float], Awaitable[None]]]


class Emulator:
    """A stateful, local Message Batches API.

    Usage (tests: a manual clock, an in-process client)::

        from anthropic.emulator import Emulator, ManualClock

        emu = Emulator(clock=ManualClock(), processing_time=60)
        with emu.client() as client:
            batch = client.messages.batches.create(requests=[...])   # in_progress
            emu.advance(60)
            assert client.messages.batches.retrieve(batch.id).processing_status == "ended"
            for result in client.messages.batches.results(batch.id): ...

    Or over HTTP for any client (``python -m anthropic.emulator`` does the same)::

        with emu.serve() as server:          # EmulatorServer on 127.0.0.1, a free port
            os.environ["ANTHROPIC_BASE_URL"] = server.base_url

    Parameters (keyword-only):

    - ``clock``: anything with ``now() -> float`` (epoch seconds). Default: the system
      clock. Pass a :class:`ManualClock` in tests and move time with :meth:`advance`.
    - ``api_key``: the only key accepted (401 otherwise). None (default): any non-empty
      key is accepted, as ``x-api-key`` or ``Authorization: Bearer``.
    - ``responder``: ``(BatchRequest) -> str | dict``; raise :class:`ResponderError` for
      an ``errored`` result. Default: :func:`default_responder`. It is called once per
      request at create (outcomes are stored and revealed as requests finish).
    - ``faults``: a :class:`Faults` or an iterable of :class:`Fault` rules.
    - ``processing_time``: seconds from create to ``ended``. Default ``0``: the create
      response says ``in_progress`` (as the API's always does) and any later read sees
      ``ended``, which keeps tests, examples and benchmarks fast. Requests finish evenly
      spread over this time, which decides what a cancel leaves ``canceled``; more than
      24 h makes the unfinished ones ``expired``.
    - ``cancel_time``: seconds a canceled batch stays ``canceling``. Default ``0``.
    - ``seed``: makes ids and probabilistic faults reproducible (``Faults`` passed in
      keep their own seed).
    - ``log_size``: how many entries :attr:`requests_log` keeps (oldest dropped);
      :attr:`counts` counts every request regardless.

    Settings are plain attributes and may be changed at runtime; ``processing_time``
    and ``cancel_time`` apply to batches created afterwards. Thread-safe.
    """

    def __init__(
        self,
        *,
        clock: Optional[Clock] = None,
        api_key: Optional[str] = None,
        responder: Optional[Responder] = None,
        faults: Union[Faults, Iterable[Fault], None] = None,
        processing_time: float = 0.0,
        cancel_time: float = 0.0,
        seed: Optional[int] = None,
        log_size: int = 10_000,
    ) -> None:
        if processing_time < 0 or cancel_time < 0:
            raise ValueError("processing_time and cancel_time must be >= 0 seconds")
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.api_key = api_key
        self.responder: Responder = responder if responder is not None else default_responder
        if faults is None:
            faults = Faults(seed=seed)
        elif not isinstance(faults, Faults):
            faults = Faults(faults, seed=seed)
        self.faults: Faults = faults
        self.processing_time = float(processing_time)
        self.cancel_time = float(cancel_time)
        self._store = BatchStore(self.clock, IdFactory(seed))
        self._handler = Handler(self, self._store, log_size)

    def __repr__(self) -> str:
        return (
            f"Emulator(batches={len(self._store)}, processing_time={self.processing_time}, "
            f"clock={self.clock!r}, faults={len(self.faults)})"
        )

    # -- time -------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move a :class:`ManualClock` forward; lifecycle changes show on the next read."""
        if not isinstance(self.clock, ManualClock):
            raise TypeError(
                "Emulator.advance() needs a ManualClock: Emulator(clock=ManualClock(), ...)"
            )
        self.clock.advance(seconds)

    # -- observation ------------------------------------------------------------------

    @property
    def requests_log(self) -> Deque[ServedRequest]:
        """The last ``log_size`` requests served, oldest first (a live deque)."""
        return self._handler.log

    @property
    def counts(self) -> Counter[str]:
        """Requests received per route name (``create``, ``list``, …, ``unknown``),
        faulted ones included. A copy."""
        return self._handler.counts.copy()

    def count(self, route: str) -> int:
        """How many requests for ``route`` were received, e.g. ``emu.count("create")``."""
        return self._handler.counts[route]

    @property
    def batch_count(self) -> int:
        """How many batches exist (deleted ones excluded)."""
        return len(self._store)

    # -- ways in ----------------------------------------------------------------------

    def handle(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        headers: Optional[Mapping[str, str]] = None,
        body: bytes = b"",
        host: str = EMULATOR_BASE_URL,
    ) -> Reply:
        """Serve one request directly (low level; returns the handler's ``Reply``)."""
        return self._handler.handle(method, path, query, headers or {}, body, host)

    def transport(self) -> EmulatorTransport:
        """An ``httpx.BaseTransport`` for ``httpx.Client(transport=...)``."""
        return EmulatorTransport(self._handler)

    def async_transport(self) -> AsyncEmulatorTransport:
        """An ``httpx.AsyncBaseTransport`` for ``httpx.AsyncClient(transport=...)``."""
        return AsyncEmulatorTransport(self._handler)

    def _client_defaults(self, options: _CommonClientOptions) -> Union[str, httpx.URL]:
        """Fill in the key, the base URL and (on a manual clock) the clock; return the URL."""
        options.setdefault("api_key", self.api_key or DEFAULT_API_KEY)
        if isinstance(self.clock, ManualClock):
            # Virtual time: the client's retry/poll sleeps advance the emulator's clock, so
            # waiting for an hour-long batch (or a retry-after) takes no real time.
            options.setdefault("_clock", self.clock.now)
        return options.setdefault("base_url", EMULATOR_BASE_URL)

    def _virtual_sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.advance(seconds)

    async def _async_virtual_sleep(self, seconds: float) -> None:
        self._virtual_sleep(seconds)
        await anyio.lowlevel.checkpoint()

    def client(self, **options: Unpack[ClientOptions]) -> Anthropic:
        """An ``anthropic.Anthropic`` wired to this emulator in-process.

        Keyword arguments go to ``Anthropic(...)`` (``max_retries``, ``timeout``,
        ``api_key`` to test a wrong key, …). Close it (``with emu.client() as c:``).
        With a :class:`ManualClock`, the client runs on virtual time: its sleeps (retry
        back-off, ``wait`` polling) advance the clock instead of blocking.
        """
        base_url = self._client_defaults(options)
        if isinstance(self.clock, ManualClock):
            options.setdefault("_sleep", self._virtual_sleep)
        if "http_client" not in options:
            options["http_client"] = httpx.Client(transport=self.transport(), base_url=base_url)
        return Anthropic(**options)

    def async_client(self, **options: Unpack[AsyncClientOptions]) -> AsyncAnthropic:
        """An ``anthropic.AsyncAnthropic`` wired to this emulator in-process."""
        base_url = self._client_defaults(options)
        if isinstance(self.clock, ManualClock):
            options.setdefault("_sleep", self._async_virtual_sleep)
        if "http_client" not in options:
            options["http_client"] = httpx.AsyncClient(
                transport=self.async_transport(), base_url=base_url
            )
        return AsyncAnthropic(**options)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> EmulatorServer:
        """An :class:`EmulatorServer` for this emulator (use it as a context manager).
        Needs the ``emulator`` extra (uvicorn)."""
        from ._server import EmulatorServer  # here: uvicorn is an optional dependency

        return EmulatorServer(self, host=host, port=port)
