"""``_strict_response_validation=True`` applies to results lines too, on both endpoints.

A lenient client (the default) builds a line that does not fit the model as best it can;
a strict one raises ``ResultsDecodeError`` (an ``APIResponseValidationError``) naming the
line, as it does for every other response.
"""

from __future__ import annotations

from typing import Any, List

import httpx
import pytest
from batches_kit import RESULTS_PATH, Api

import anthropic
from anthropic.types.beta.messages import BetaMessageBatch
from anthropic.types.messages import MessageBatch
from support import Router, api_json

pytestmark = pytest.mark.anyio

BAD_LINE = b'{"custom_id":"a","result":{"type":"succeeded","message":"not a message"}}\n'


def resource(api: Api, endpoint: str) -> Any:
    return api.client.beta.messages.batches if endpoint == "beta" else api.batches


def ended(endpoint: str) -> MessageBatch:
    model = BetaMessageBatch if endpoint == "beta" else MessageBatch
    return model.model_validate(api_json("batch.ended.json"))


async def collect(api: Api, endpoint: str) -> List[Any]:
    handle = resource(api, endpoint).results(ended(endpoint))
    return await api.drain(await handle if api.is_async else handle)


@pytest.mark.parametrize("endpoint", ["stable", "beta"])
async def test_strict_client_rejects_a_line_that_does_not_fit(
    flavor: str, router: Router, endpoint: str
) -> None:
    router.add("GET", RESULTS_PATH, httpx.Response(200, content=BAD_LINE))
    api = Api(flavor, router, _strict_response_validation=True)
    try:
        with pytest.raises(anthropic.ResultsDecodeError) as caught:
            await collect(api, endpoint)
        assert isinstance(caught.value, anthropic.APIResponseValidationError)
        assert caught.value.line_number == 1
    finally:
        await api.aclose()


@pytest.mark.parametrize("endpoint", ["stable", "beta"])
async def test_lenient_client_keeps_the_line(flavor: str, router: Router, endpoint: str) -> None:
    router.add("GET", RESULTS_PATH, httpx.Response(200, content=BAD_LINE))
    api = Api(flavor, router)
    try:
        lines = await collect(api, endpoint)
        assert [line.custom_id for line in lines] == ["a"]
    finally:
        await api.aclose()
