"""A sans-I/O Server-Sent Events decoder: bytes in, events out, no sockets, no clock.

    decoder = SSEDecoder()
    for chunk in body_chunks:                 # chunks of any size, split anywhere
        for event in decoder.feed(chunk):     # every event the chunk completes
            handle(event.event, event.data)
    decoder.flush()                           # end of stream: [] (see below)
    if decoder.pending:                       # the stream stopped inside an event
        ...

It follows the WHATWG ``text/event-stream`` rules:

- lines end with ``\\r\\n``, ``\\n`` or ``\\r`` (also a ``\\r`` and ``\\n`` that arrive in
  different chunks); a UTF-8 byte order mark at the very start is dropped;
- ``field: value`` lines (one optional space after the colon is removed), a line with no
  colon is a field with an empty value, a line starting with ``:`` is a comment;
- ``data`` lines accumulate, joined with ``\\n``; ``event`` sets the type (default
  ``"message"``); ``id`` sets the last event id (kept for later events, ignored if it
  contains NUL); ``retry`` with only ASCII digits sets the reconnection time in ms;
  unknown fields are ignored;
- a blank line dispatches the event, if it had at least one ``data`` line;
- at the end of the stream an unfinished event is discarded, never half-delivered;
  ``pending`` then tells the caller that the stream was cut inside an event.

Cost is linear in the bytes fed: a chunk is split once, an unterminated line is kept as
pieces that are joined once when its end arrives, and nothing already seen is rescanned.
"""

from __future__ import annotations

from typing import Dict, Iterator, List, Optional

__all__ = ["SSEDecoder", "ServerSentEvent"]

_BOM = b"\xef\xbb\xbf"
_NAMES: Dict[bytes, str] = {}


class ServerSentEvent:
    """One dispatched event: ``event`` type, ``data`` text, last ``id``, ``retry`` (ms)."""

    __slots__ = ("data", "event", "id", "retry")

    def __init__(
        self,
        event: str = "message",
        data: str = "",
        id: Optional[str] = None,
        retry: Optional[int] = None,
    ) -> None:
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ServerSentEvent):
            return NotImplemented
        return (self.event, self.data, self.id, self.retry) == (
            other.event,
            other.data,
            other.id,
            other.retry,
        )

    def __hash__(self) -> int:
        return hash((self.event, self.data, self.id, self.retry))

    def __repr__(self) -> str:
        return (
            f"ServerSentEvent(event={self.event!r}, data={self.data!r}, "
            f"id={self.id!r}, retry={self.retry!r})"
        )


class SSEDecoder:
    """Incremental ``text/event-stream`` decoder (see the module docstring)."""

    __slots__ = (
        "_data",
        "_event",
        "_head",
        "_id",
        "_partial",
        "_retry",
        "_skip_lf",
        "_started",
        "retry",
    )

    def __init__(self) -> None:
        self._partial: List[bytes] = []  # pieces of the current unterminated line
        self._skip_lf = False  # the last chunk ended with "\r": drop a leading "\n"
        self._started = False  # the possible BOM at the start has been dealt with
        self._head = b""  # the first bytes, held until a BOM can be ruled out
        self._data: List[bytes] = []
        self._event: Optional[bytes] = None
        self._id: Optional[str] = None
        self._retry: Optional[int] = None
        self.retry: Optional[int] = None
        """The latest ``retry:`` value (ms) seen, for a caller that reconnects."""

    @property
    def pending(self) -> bool:
        """Whether bytes of an event that has not been dispatched are held."""
        return bool(self._partial or self._data or self._event is not None or self._head)

    @property
    def last_event_id(self) -> Optional[str]:
        return self._id

    def feed(self, chunk: bytes) -> List[ServerSentEvent]:
        """Add ``chunk``; return every event it completes (maybe none)."""
        return list(self.iter_feed(chunk))

    def iter_feed(self, chunk: bytes) -> Iterator[ServerSentEvent]:
        """``feed`` as a generator: each event is built when the caller asks for it, so the
        first event of a large chunk is not held back by the rest. Consume it fully
        before the next call (the decoder advances as the generator runs)."""
        if not self._started:
            chunk = self._strip_bom(chunk)
            if not chunk:
                return
        if self._skip_lf:
            self._skip_lf = False
            if chunk[:1] == b"\n":
                chunk = chunk[1:]
        if b"\r" in chunk:
            if chunk[-1:] == b"\r":
                self._skip_lf = True
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if b"\n" not in chunk:
            if chunk:
                self._partial.append(chunk)
            return
        lines = chunk.split(b"\n")
        tail = lines.pop()
        if self._partial:
            self._partial.append(lines[0])
            lines[0] = b"".join(self._partial)
            self._partial = []
        if tail:
            self._partial.append(tail)
        for line in lines:
            # The two lines every event has take the fast paths; the rest go to _field.
            if not line:
                if self._data:
                    yield self._dispatch()
                else:
                    self._event = None  # a blank line without data resets the type
            elif line[:6] == b"data: ":
                self._data.append(line[6:])
            elif line[:7] == b"event: ":
                self._event = line[7:]
            else:
                self._field(line)

    def flush(self) -> List[ServerSentEvent]:
        """End of stream: returns ``[]``, because an event whose blank line never came is
        discarded, not delivered half-read; ``pending`` says whether one was."""
        return []

    def reset(self) -> None:
        """Drop any unfinished event, to decode a new stream (the last event id stays)."""
        self._partial = []
        self._data = []
        self._event = None
        self._head = b""
        self._started = False
        self._skip_lf = False

    # -- internals ----------------------------------------------------------------------

    def _strip_bom(self, chunk: bytes) -> bytes:
        head = self._head + chunk
        if len(head) < len(_BOM) and _BOM.startswith(head):
            self._head = head  # could still be a BOM: wait for more
            return b""
        self._head = b""
        self._started = True
        return head[len(_BOM) :] if head.startswith(_BOM) else head

    def _field(self, line: bytes) -> None:
        if line[0] == 0x3A:  # ":" starts a comment
            return
        name, colon, value = line.partition(b":")
        if colon and value[:1] == b" ":
            value = value[1:]
        if name == b"data":
            self._data.append(value)
        elif name == b"event":
            self._event = value
        elif name == b"id":
            if b"\0" not in value:
                self._id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit():  # ASCII digits only (bytes.isdigit)
            self._retry = self.retry = int(value)

    def _dispatch(self) -> ServerSentEvent:
        data = self._data
        raw = data[0] if len(data) == 1 else b"\n".join(data)
        event = self._event
        if event:
            name = _NAMES.get(event)
            if name is None:
                name = event.decode("utf-8", "replace")
                if len(_NAMES) < 64:  # event names repeat: decode each once
                    _NAMES[event] = name
        else:
            name = "message"
        sse = ServerSentEvent(name, raw.decode("utf-8", "replace"), self._id, self._retry)
        self._data = []
        self._event = None
        self._retry = None
        return sse
