"""A keyword a method does not take is a ``TypeError`` before anything is sent, as Python
raises it for the official SDK's methods; it is never silently dropped (a ``betas=`` given
to ``models.list`` used to be ignored, and no beta header sent)."""

from __future__ import annotations

from typing import Any, Callable

import pytest
from client_kit import Kit, Recorder

pytestmark = pytest.mark.anyio

CALLS: list[tuple[str, Callable[[Any], Callable[..., Any]], tuple[Any, ...]]] = [
    ("batches.retrieve", lambda c: c.messages.batches.retrieve, ("msgbatch_1",)),
    ("batches.list", lambda c: c.messages.batches.list, ()),
    ("batches.cancel", lambda c: c.messages.batches.cancel, ("msgbatch_1",)),
    ("batches.delete", lambda c: c.messages.batches.delete, ("msgbatch_1",)),
    ("raw batches.retrieve", lambda c: c.messages.batches.with_raw_response.retrieve, ("m",)),
    ("beta batches.retrieve", lambda c: c.beta.messages.batches.retrieve, ("msgbatch_1",)),
    ("models.retrieve", lambda c: c.models.retrieve, ("claude-sonnet-4-20250514",)),
    ("models.list", lambda c: c.models.list, ()),
]


@pytest.mark.parametrize(("name", "method", "args"), CALLS, ids=[c[0] for c in CALLS])
async def test_an_unknown_keyword_is_a_type_error_before_any_request(
    kit: Kit, name: str, method: Callable[[Any], Callable[..., Any]], args: tuple[Any, ...]
) -> None:
    rec = Recorder()
    client = kit.client(rec)
    with pytest.raises(TypeError, match="unexpected keyword argument 'extra_heders'"):
        await kit.call(method(client), *args, extra_heders={"x": "1"})
    assert rec.requests == []
    await kit.call(method(client), *args, extra_headers={"x": "1"}, timeout=5)  # the real ones
    assert rec.requests[-1].headers["x"] == "1"
