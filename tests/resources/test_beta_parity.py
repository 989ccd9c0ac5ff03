"""The beta batches resource has the stable one's surface (plus ``betas``), sync and async
alike, and the parameters of the official beta methods."""

from __future__ import annotations

import importlib
import inspect
from typing import Any, List

import pytest

from anthropic.resources.beta.messages import AsyncBatches, Batches
from anthropic.resources.messages import Batches as StableBatches

API_METHODS = ["cancel", "create", "delete", "list", "results", "retrieve"]
WORKFLOWS = ["job", "submit", "wait"]

# The parameters of the official SDK 0.66's beta methods, besides the per-call options.
OFFICIAL_PARAMS = {
    "create": ["requests", "betas"],
    "retrieve": ["message_batch_id", "betas"],
    "list": ["after_id", "before_id", "limit", "betas"],
    "cancel": ["message_batch_id", "betas"],
    "delete": ["message_batch_id", "betas"],
    "results": ["message_batch_id", "betas"],
}


def public(cls: type) -> List[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def names(fn: Any) -> List[str]:
    return [p.name for p in inspect.signature(fn).parameters.values() if p.name != "self"]


def test_same_public_surface_as_the_stable_resource_sync_and_async() -> None:
    assert public(Batches) == public(AsyncBatches)
    for name in [*API_METHODS, *WORKFLOWS, "with_raw_response", "with_streaming_response"]:
        assert name in public(Batches)
    assert set(public(StableBatches)) <= set(public(Batches))


@pytest.mark.parametrize("name", API_METHODS)
def test_official_parameters_plus_the_per_call_options(name: str) -> None:
    assert names(getattr(Batches, name)) == [*OFFICIAL_PARAMS[name], "options"]
    assert names(getattr(Batches, name)) == names(getattr(AsyncBatches, name))
    betas = inspect.signature(getattr(Batches, name)).parameters["betas"]
    assert betas.kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize("name", WORKFLOWS)
def test_workflows_take_the_stable_parameters(name: str) -> None:
    stable = names(getattr(StableBatches, name))
    beta = [n for n in names(getattr(Batches, name)) if n != "betas"]
    assert beta == stable
    assert names(getattr(Batches, name)) == names(getattr(AsyncBatches, name))


OFFICIAL_PATHS = {
    "anthropic.types.beta.messages": [
        "BatchCreateParams",
        "BatchListParams",
        "BetaDeletedMessageBatch",
        "BetaMessageBatch",
        "BetaMessageBatchCanceledResult",
        "BetaMessageBatchErroredResult",
        "BetaMessageBatchExpiredResult",
        "BetaMessageBatchIndividualResponse",
        "BetaMessageBatchRequestCounts",
        "BetaMessageBatchResult",
        "BetaMessageBatchSucceededResult",
    ],
    "anthropic.types.beta": ["BetaMessage", "BetaContentBlock", "BetaTextBlock", "BetaUsage"],
    "anthropic.types.anthropic_beta_param": ["AnthropicBetaParam"],
    "anthropic.types.beta.messages.batch_create_params": ["Request"],
    "anthropic.resources.beta.messages.batches": [
        "AsyncBatches",
        "AsyncBatchesWithRawResponse",
        "AsyncBatchesWithStreamingResponse",
        "Batches",
        "BatchesWithRawResponse",
        "BatchesWithStreamingResponse",
    ],
}


@pytest.mark.parametrize("module", sorted(OFFICIAL_PATHS))
def test_official_import_paths(module: str) -> None:
    imported = importlib.import_module(module)
    for name in OFFICIAL_PATHS[module]:
        assert hasattr(imported, name), f"{module}.{name}"
