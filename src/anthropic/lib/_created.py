"""Which batches a client created, and when: what ``wait``'s 404 grace is measured from.

    note_created(client, batch)            # after each create (batches.create, submit)
    created_time(client, "msgbatch_1")     # the client's clock at that moment, or None

Right after a create the API may answer 404 for the new batch for a moment. ``wait``
tolerates that only for a batch it knows to be young: one this client object created
(recorded here, on the client's own ``_clock``), or one whose ``created_at`` it has. An id
this client did not create is unknown, so its first 404 is final.

One registry per client object (held weakly, so it goes with the client), keeping the
``MAX_REMEMBERED`` most recent creates; a copy made by ``with_options`` starts empty.
"""

from __future__ import annotations

import threading
import weakref
from typing import Callable, Dict, Optional

from typing_extensions import Protocol

from ..types.messages import MessageBatch

__all__ = ["MAX_REMEMBERED", "created_time", "note_created"]

MAX_REMEMBERED = 4096
"""Creates remembered per client (the oldest are forgotten first)."""


class _Clocked(Protocol):
    """A client (sync or async): what is recorded is read from its clock."""

    _clock: Callable[[], float]


_lock = threading.Lock()
_registry: weakref.WeakKeyDictionary[object, Dict[str, float]] = weakref.WeakKeyDictionary()


def note_created(client: _Clocked, reply: object) -> None:
    """Remember that ``client`` created the batch of ``reply`` now (by its ``_clock``).

    ``reply`` is what the create returned: only a parsed ``MessageBatch`` with a string
    id is recorded (a raw or streaming response, or a half-built reply, is not)."""
    batch_id = reply.id if isinstance(reply, MessageBatch) else None
    if not isinstance(batch_id, str):
        return
    now = client._clock()
    with _lock:
        created = _registry.setdefault(client, {})
        created.pop(batch_id, None)
        created[batch_id] = now
        while len(created) > MAX_REMEMBERED:
            del created[next(iter(created))]


def created_time(client: _Clocked, batch_id: object) -> Optional[float]:
    """When ``client`` created ``batch_id`` (its clock), or ``None`` if it did not."""
    if not isinstance(batch_id, str):
        return None
    with _lock:
        created = _registry.get(client)
        return None if created is None else created.get(batch_id)
