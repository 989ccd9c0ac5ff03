"""The sync and async twins expose the same public methods with the same parameters."""

from __future__ import annotations

import inspect
from typing import Any, Dict, List, Tuple

import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic._sending import AsyncSender, SyncSender
from anthropic.resources.messages import AsyncBatches, AsyncMessages, Batches, Messages

Params = List[Tuple[str, Any, Any]]

PAIRS = [
    (Anthropic, AsyncAnthropic),
    (SyncSender, AsyncSender),
    (Messages, AsyncMessages),
    (Batches, AsyncBatches),
]


def public_members(cls: type) -> Dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and (callable(member) or isinstance(member, property))
    }


def params(fn: Any) -> Params:
    """Name, kind and default of each parameter (annotations differ by design: Awaitable,
    httpx.AsyncClient, ...; so do default sleep functions: time.sleep vs anyio.sleep)."""
    return [
        (p.name, p.kind, "<function>" if callable(p.default) else p.default)
        for p in inspect.signature(fn).parameters.values()
    ]


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=lambda c: c.__name__)
def test_same_public_names(sync_cls: type, async_cls: type) -> None:
    assert sorted(public_members(sync_cls)) == sorted(public_members(async_cls))


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=lambda c: c.__name__)
def test_same_parameters(sync_cls: type, async_cls: type) -> None:
    sync_members, async_members = public_members(sync_cls), public_members(async_cls)
    for name, member in sync_members.items():
        if isinstance(member, property) or inspect.isclass(member):
            continue
        assert params(member) == params(async_members[name]), name
    assert params(sync_cls.__init__) == params(async_cls.__init__)


def test_client_methods_that_do_io_are_async() -> None:
    for name in ("get", "post", "delete", "close"):
        assert inspect.iscoroutinefunction(getattr(AsyncAnthropic, name)), name
        assert not inspect.iscoroutinefunction(getattr(Anthropic, name)), name
    assert inspect.iscoroutinefunction(AsyncSender.send)
    assert not inspect.iscoroutinefunction(SyncSender.send)
    for name in ("copy", "with_options", "is_closed"):
        assert not inspect.iscoroutinefunction(getattr(AsyncAnthropic, name)), name


def test_client_public_surface() -> None:
    assert sorted(public_members(Anthropic)) == [
        "api_key",
        "auth_token",
        "base_url",
        "close",
        "copy",
        "default_headers",
        "delete",
        "get",
        "is_closed",
        "max_retries",
        "post",
        "timeout",
        "with_options",
    ]


def test_messages_resource_is_a_cached_attribute() -> None:
    client = Anthropic(api_key="k")
    try:
        assert client.messages is client.messages
        assert client.messages.batches is client.messages.batches
        assert type(client.messages.batches) is Batches
    finally:
        client.close()


def test_constructor_defaults() -> None:
    sig = inspect.signature(Anthropic.__init__)
    assert {p.name: p.default for p in sig.parameters.values() if p.name != "self"} == {
        "api_key": None,
        "auth_token": None,
        "base_url": None,
        "timeout": sig.parameters["timeout"].default,
        "max_retries": 2,
        "default_headers": None,
        "default_query": None,
        "http_client": None,
        "_sleep": None,
        "_clock": None,
        "_random": None,
    }
    assert repr(sig.parameters["timeout"].default) == "NOT_GIVEN"
    assert all(
        p.kind is inspect.Parameter.KEYWORD_ONLY
        for p in sig.parameters.values()
        if p.name != "self"
    )
