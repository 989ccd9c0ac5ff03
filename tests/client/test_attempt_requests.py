"""Each attempt is its own ``httpx.Request`` (issue 11, item 13).

Before the fix the sender bumped ``x-stainless-retry-count`` on the one request object
it re-sent, so whatever recorded the first attempt (an event hook, a transport's call
history, ``err.response.request``) later showed the last attempt's count.
"""

from __future__ import annotations

import json
from typing import Any, List

import httpx
import pytest
from client_kit import Kit, Model

from anthropic import BatchCreateOutcomeUnknownError, InternalServerError, Omit
from support import error_response


class Calls:
    """A transport handler that keeps the request objects it was given (no copies)."""

    def __init__(self, *replies: Any) -> None:
        self.replies = list(replies)
        self.requests: List[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)

    def counts(self) -> List[str]:
        return [r.headers.get("x-stainless-retry-count", "-") for r in self.requests]


def hooked(kit: Kit, calls: Calls, **kwargs: Any) -> tuple[Any, List[httpx.Request]]:
    hooked_requests: List[httpx.Request] = []

    def hook(request: httpx.Request) -> None:
        hooked_requests.append(request)

    async def ahook(request: httpx.Request) -> None:
        hooked_requests.append(request)

    http = kit.http_client(calls, event_hooks={"request": [ahook if kit.is_async else hook]})
    return kit.client(http_client=http, **kwargs), hooked_requests


BUSY = error_response(529, "overloaded_error")
OK = httpx.Response(200, json={"ok": True})


@pytest.mark.anyio
async def test_each_attempt_is_a_new_request_with_its_own_count(kit: Kit) -> None:
    calls = Calls(BUSY, BUSY, OK)
    client, hooked_requests = hooked(kit, calls)
    await kit.call(client.get, "/v1/x", cast_to=Model)
    assert calls.counts() == ["0", "1", "2"]
    assert [r.headers["x-stainless-retry-count"] for r in hooked_requests] == ["0", "1", "2"]
    assert len({id(r) for r in calls.requests}) == 3


@pytest.mark.anyio
async def test_error_response_request_is_the_last_attempt_and_earlier_ones_are_kept(
    kit: Kit,
) -> None:
    calls = Calls(BUSY)
    client, hooked_requests = hooked(kit, calls, max_retries=2)
    with pytest.raises(InternalServerError) as info:
        await kit.call(client.get, "/v1/x", cast_to=Model)
    assert info.value.response.request.headers["x-stainless-retry-count"] == "2"
    assert [r.headers["x-stainless-retry-count"] for r in hooked_requests] == ["0", "1", "2"]


@pytest.mark.anyio
async def test_attempts_share_the_encoded_body(kit: Kit) -> None:
    calls = Calls(BUSY, OK)
    client, _ = hooked(kit, calls)
    await kit.call(client.post, "/v1/x", cast_to=Model, body={"a": [1, 2, 3]})
    first, second = calls.requests
    assert first.content is second.content  # one encoded body, not a copy per attempt
    assert json.loads(second.content) == {"a": [1, 2, 3]}
    assert first.headers["content-length"] == second.headers["content-length"]
    assert (first.method, first.url) == (second.method, second.url)
    assert first.extensions["timeout"] == second.extensions["timeout"]


@pytest.mark.anyio
async def test_a_count_the_caller_set_or_removed_is_left_alone(kit: Kit) -> None:
    calls = Calls(BUSY, OK)
    client, _ = hooked(kit, calls)
    await kit.call(
        client.get, "/v1/x", cast_to=Model, extra_headers={"x-stainless-retry-count": "7"}
    )
    assert calls.counts() == ["7", "7"]
    calls = Calls(BUSY, OK)
    client, _ = hooked(kit, calls)
    await kit.call(
        client.get, "/v1/x", cast_to=Model, extra_headers={"x-stainless-retry-count": Omit()}
    )
    assert calls.counts() == ["-", "-"]


@pytest.mark.anyio
async def test_outcome_unknown_names_the_attempt_that_was_cut(kit: Kit) -> None:
    calls = Calls(BUSY, httpx.ReadTimeout("cut"))
    client, _ = hooked(kit, calls)
    requests = [
        {
            "custom_id": "a",
            "params": {
                "model": "m",
                "max_tokens": 1,
                "messages": [{"role": "user", "content": "x"}],
            },
        }
    ]
    with pytest.raises(BatchCreateOutcomeUnknownError) as info:
        await kit.call(client.messages.batches.create, requests=requests)
    assert info.value.request.headers["x-stainless-retry-count"] == "1"
    assert calls.counts() == ["0", "1"]
