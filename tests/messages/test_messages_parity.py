"""The sync and async twins of this feature expose the same public names and parameters
(the same checks as tests/client/test_parity.py, for the Messages/Models/stream classes)."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from anthropic import AsyncStream, Stream
from anthropic.lib import adry_run, dry_run
from anthropic.lib.streaming import (
    AsyncMessageStream,
    AsyncMessageStreamManager,
    MessageStream,
    MessageStreamManager,
)
from anthropic.resources.models import AsyncModels, Models

PAIRS = [
    (Models, AsyncModels),
    (Stream, AsyncStream),
    (MessageStream, AsyncMessageStream),
    (MessageStreamManager, AsyncMessageStreamManager),
]


def public(cls: type) -> dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and (callable(member) or isinstance(member, property))
    }


def params(fn: Any) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=lambda c: c.__name__)
def test_same_public_names_and_parameters(sync_cls: type, async_cls: type) -> None:
    sync_members, async_members = public(sync_cls), public(async_cls)
    assert sorted(sync_members) == sorted(async_members)
    for name, member in sync_members.items():
        if not isinstance(member, property):
            assert params(member) == params(async_members[name]), name


def test_dry_run_twins_take_the_same_parameters() -> None:
    assert params(dry_run) == params(adry_run)


def test_async_methods_that_do_io_are_coroutines() -> None:
    for name in ("until_done", "get_final_message", "get_final_text", "close"):
        assert inspect.iscoroutinefunction(getattr(AsyncMessageStream, name)), name
    assert inspect.iscoroutinefunction(AsyncStream.close)
    assert inspect.iscoroutinefunction(AsyncModels.retrieve)
