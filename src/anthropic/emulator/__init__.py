"""A local, stateful emulator of the Anthropic Message Batches API.

Usage::

    from anthropic.emulator import Emulator, ManualClock

    emu = Emulator(clock=ManualClock(), processing_time=60)
    with emu.client() as client:                  # in-process, no port
        batch = client.messages.batches.create(requests=[...])
        emu.advance(60)                           # an hour of work in no time
        for result in client.messages.batches.results(batch.id):
            ...

Over HTTP: ``python -m anthropic.emulator --port 4010`` (needs the ``emulator`` extra),
or ``with emu.serve() as server: ... server.base_url``.

Faults (``Fault``/``Faults``), a pluggable ``responder`` and the served-requests log
(``emu.requests_log``, ``emu.count("create")``) make retry and recovery paths testable.
"""

from typing import TYPE_CHECKING

from ._clock import DEFAULT_START, Clock, ManualClock, SystemClock
from ._emulator import (
    DEFAULT_API_KEY,
    EMULATOR_BASE_URL,
    AsyncClientOptions,
    ClientOptions,
    Emulator,
)
from ._faults import ROUTES, Fault, FaultKind, Faults
from ._handler import Reply, ServedRequest
from ._responder import (
    BatchRequest,
    Responder,
    ResponderError,
    ResponderResult,
    default_responder,
)
from ._transport import AsyncEmulatorTransport, EmulatorTransport

if TYPE_CHECKING:
    from ._server import EmulatorServer

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_START",
    "EMULATOR_BASE_URL",
    "ROUTES",
    "AsyncClientOptions",
    "AsyncEmulatorTransport",
    "BatchRequest",
    "ClientOptions",
    "Clock",
    "Emulator",
    "EmulatorServer",
    "EmulatorTransport",
    "Fault",
    "FaultKind",
    "Faults",
    "ManualClock",
    "Reply",
    "Responder",
    "ResponderError",
    "ResponderResult",
    "ServedRequest",
    "SystemClock",
    "default_responder",
]


def __getattr__(name: str) -> object:
    # EmulatorServer needs uvicorn (the ``emulator`` extra): import it only when asked.
    if name == "EmulatorServer":
        from ._server import EmulatorServer

        return EmulatorServer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
