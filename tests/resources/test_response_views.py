"""The view machinery behind ``with_raw_response`` / ``with_streaming_response``
(``resources/_views.py``): what each view method is at run time, for both batches
resources. The wire behaviour of the views is in ``test_batches_raw.py``; their static
types in ``tests/typing/check_response_views.py``."""

from __future__ import annotations

import inspect
from typing import Any, Iterator

import httpx
import pytest

import anthropic
from anthropic.resources._views import RawView, view_method
from anthropic.resources.beta.messages import batches as beta
from anthropic.resources.messages import batches as stable
from support import TEST_KEY

METHODS = ["cancel", "create", "delete", "list", "results", "retrieve"]


@pytest.fixture()
def clients() -> Iterator[tuple[anthropic.Anthropic, anthropic.AsyncAnthropic]]:
    with httpx.Client() as h, anthropic.Anthropic(api_key=TEST_KEY, http_client=h) as client:
        yield client, anthropic.AsyncAnthropic(api_key=TEST_KEY, http_client=httpx.AsyncClient())


def resources(clients: tuple[anthropic.Anthropic, anthropic.AsyncAnthropic]) -> list[Any]:
    client, async_client = clients
    return [
        client.messages.batches,
        async_client.messages.batches,
        client.beta.messages.batches,
        async_client.beta.messages.batches,
    ]


def test_raw_views_hold_the_bound_methods_of_a_raw_mode_resource(clients: Any) -> None:
    for resource in resources(clients):
        view = resource.with_raw_response
        assert view._resource._mode == "raw"
        for name in METHODS:
            method = getattr(view, name)
            # sync: the raw-mode resource's own bound method; async: a wrapper around it
            assert getattr(method, "__wrapped__", method) == getattr(view._resource, name)
            assert method is getattr(view, name)  # bound once, when the view was built
            assert inspect.signature(method) == inspect.signature(getattr(resource, name))


def test_streaming_views_wrap_a_stream_mode_resource(clients: Any) -> None:
    for resource in resources(clients):
        view = resource.with_streaming_response
        assert view._resource._mode == "stream"
        assert sorted(k for k in vars(view) if not k.startswith("_")) == METHODS
        for name in METHODS:
            method = getattr(view, name)
            assert method.__wrapped__ == getattr(view._resource, name)
            assert method.__doc__ == getattr(resource, name).__doc__


@pytest.mark.parametrize("module", [stable, beta])
def test_each_view_class_declares_the_six_methods_once(module: Any) -> None:
    views = [
        module.BatchesWithRawResponse,
        module.BatchesWithStreamingResponse,
        module.AsyncBatchesWithRawResponse,
        module.AsyncBatchesWithStreamingResponse,
    ]
    for view in views:
        declared = {n for n in dir(view) if isinstance(getattr(view, n), view_method)}
        assert sorted(declared) == METHODS
        assert view.create is views[0].create  # one shared table


def test_a_view_method_pairs_only_twins() -> None:
    with pytest.raises(TypeError, match="create != retrieve"):
        view_method(stable.Batches.create, stable.AsyncBatches.retrieve)


def test_a_view_binds_by_name_so_resource_overrides_are_called() -> None:
    class Resource:
        def ping(self, n: int) -> int:
            return n

    class Loud(Resource):
        def ping(self, n: int) -> int:
            return n * 10

    class AsyncResource:
        async def ping(self, n: int) -> int:
            return n

    class PingView(RawView[Resource]):
        ping = view_method(Resource.ping, AsyncResource.ping)

    assert PingView(Loud()).ping(2) == 20
