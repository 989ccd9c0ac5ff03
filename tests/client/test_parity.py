"""The sync and async twins expose the same public methods with the same parameters."""

from __future__ import annotations

import inspect
from typing import Any, Dict, List, Tuple

import pytest

from anthropic import Anthropic, AsyncAnthropic
from anthropic._sending import AsyncSender, SyncSender
from anthropic.lib import (
    AsyncBatchJob,
    BatchJob,
    afind_created_batch,
    asave_results,
    asummarize,
    find_created_batch,
    save_results,
    summarize,
)
from anthropic.lib._submit import async_submit, sync_submit
from anthropic.lib._wait import async_cancel_on_exit, async_wait, cancel_on_exit, sync_wait
from anthropic.lib._workflows import AsyncBatchWorkflows, BatchWorkflows
from anthropic.resources.messages import AsyncBatches, AsyncMessages, Batches, Messages

Params = List[Tuple[str, Any, Any]]

PAIRS = [
    (Anthropic, AsyncAnthropic),
    (SyncSender, AsyncSender),
    (Messages, AsyncMessages),
    (Batches, AsyncBatches),
    (BatchWorkflows, AsyncBatchWorkflows),
    (BatchJob, AsyncBatchJob),
]

FUNCTION_PAIRS = [
    (sync_wait, async_wait),
    (cancel_on_exit, async_cancel_on_exit),
    (sync_submit, async_submit),
    (save_results, asave_results),
    (summarize, asummarize),
    (find_created_batch, afind_created_batch),
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


@pytest.mark.parametrize(
    ("sync_fn", "async_fn"), FUNCTION_PAIRS, ids=lambda f: getattr(f, "__name__", "?")
)
def test_function_twins_take_the_same_parameters(sync_fn: Any, async_fn: Any) -> None:
    assert params(sync_fn) == params(async_fn)


def test_job_methods_that_do_io_are_async() -> None:
    for name in ("refresh", "progress", "wait", "cancel"):
        assert inspect.iscoroutinefunction(getattr(AsyncBatchJob, name)), name
        assert not inspect.iscoroutinefunction(getattr(BatchJob, name)), name
    # results() opens nothing until iterated: a plain method on both
    assert not inspect.iscoroutinefunction(AsyncBatchJob.results)
    assert sorted(public_members(BatchJob)) == [
        "batch_ids",
        "batches",
        "cancel",
        "progress",
        "refresh",
        "request_count",
        "results",
        "save",
        "to_json",
        "wait",
    ]


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
        "auth_headers",
        "auth_token",
        "base_url",
        "close",
        "copy",
        "custom_auth",
        "default_headers",
        "default_query",
        "delete",
        "get",
        "is_closed",
        "max_retries",
        "post",
        "timeout",
        "user_agent",
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
        "_strict_response_validation": False,
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
