"""``Batches`` and ``AsyncBatches`` (and their wrappers) expose the same API."""

from __future__ import annotations

import inspect
from typing import Any, Dict, List

import httpx
import pytest

import anthropic
from anthropic.resources.messages import AsyncBatches, Batches
from anthropic.resources.messages.batches import (
    AsyncBatchesWithRawResponse,
    AsyncBatchesWithStreamingResponse,
    BatchesWithRawResponse,
    BatchesWithStreamingResponse,
)
from support import TEST_KEY

API_METHODS = ["cancel", "create", "delete", "list", "results", "retrieve"]


def public_methods(cls: type) -> Dict[str, Any]:
    return {
        name: member
        for name, member in inspect.getmembers(cls)
        if not name.startswith("_") and callable(member) and not isinstance(member, type)
    }


def public_attributes(cls: type) -> List[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def params_of(fn: Any) -> List[tuple[str, Any, Any, Any]]:
    sig = inspect.signature(fn)
    return [(p.name, p.kind, p.default, p.annotation) for p in sig.parameters.values()]


def test_same_public_attributes() -> None:
    assert public_attributes(Batches) == public_attributes(AsyncBatches)
    for name in [*API_METHODS, "with_raw_response", "with_streaming_response"]:
        assert name in public_attributes(Batches)


@pytest.mark.parametrize("name", sorted(public_methods(Batches)))
def test_same_parameters(name: str) -> None:
    sync_params = params_of(getattr(Batches, name))
    async_params = params_of(getattr(AsyncBatches, name))
    if name in API_METHODS:
        assert sync_params == async_params  # names, kinds, defaults and annotations
    else:
        # Workflow helpers may widen annotations for async (async iterables, async
        # callbacks); names, kinds and defaults must still match.
        assert [p[:3] for p in sync_params] == [p[:3] for p in async_params]


def test_every_api_method_is_compared() -> None:
    assert set(API_METHODS) <= set(public_methods(Batches))
    assert set(public_methods(Batches)) == set(public_methods(AsyncBatches))


@pytest.mark.parametrize("name", API_METHODS)
def test_async_methods_are_awaitable(name: str) -> None:
    fn = getattr(AsyncBatches, name)
    if name in ("list", "results"):
        # awaitable *and* async-iterable handles, built before any I/O
        assert not inspect.iscoroutinefunction(fn)
    else:
        assert inspect.iscoroutinefunction(fn)
    assert not inspect.iscoroutinefunction(getattr(Batches, name))


@pytest.mark.parametrize(
    ("sync_cls", "async_cls"),
    [
        (BatchesWithRawResponse, AsyncBatchesWithRawResponse),
        (BatchesWithStreamingResponse, AsyncBatchesWithStreamingResponse),
    ],
)
def test_wrappers_have_the_same_attributes(sync_cls: type, async_cls: type) -> None:
    with httpx.Client() as h, anthropic.Anthropic(api_key=TEST_KEY, http_client=h) as client:
        sync_wrapper = sync_cls(client.messages.batches)
        sync_attrs = sorted(k for k in vars(sync_wrapper) if not k.startswith("_"))
        for name in sync_attrs:
            assert params_of(getattr(sync_wrapper, name)) == params_of(
                getattr(client.messages.batches, name)
            )
    async_client = anthropic.AsyncAnthropic(api_key=TEST_KEY, http_client=httpx.AsyncClient())
    async_wrapper = async_cls(async_client.messages.batches)
    async_attrs = sorted(k for k in vars(async_wrapper) if not k.startswith("_"))
    assert sync_attrs == async_attrs == API_METHODS
    for name in async_attrs:
        assert params_of(getattr(async_wrapper, name)) == params_of(
            getattr(async_client.messages.batches, name)
        )


def test_resource_exposes_the_wrapper_classes() -> None:
    with httpx.Client() as h, anthropic.Anthropic(api_key=TEST_KEY, http_client=h) as client:
        batches = client.messages.batches
        assert type(batches.with_raw_response) is BatchesWithRawResponse
        assert type(batches.with_streaming_response) is BatchesWithStreamingResponse
        assert batches.with_raw_response is batches.with_raw_response  # cached
    async_client = anthropic.AsyncAnthropic(api_key=TEST_KEY, http_client=httpx.AsyncClient())
    abatches = async_client.messages.batches
    assert type(abatches.with_raw_response) is AsyncBatchesWithRawResponse
    assert type(abatches.with_streaming_response) is AsyncBatchesWithStreamingResponse
