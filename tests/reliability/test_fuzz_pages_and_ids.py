"""Fuzzing the inputs that choose what is sent: pages, ids and create's request lists.

- random pages (any has_more, any cursors, cycles included) into pagination: iteration
  ends, or raises ``PaginationError``; it never asks for the same page twice (no loop)
  and yields every item of every page it fetched, in order (no skip);
- random strings as batch ids: encoded into exactly one path segment that decodes back
  to the id, or rejected before any I/O -- never a different path;
- random request lists into ``create``: rejected before any I/O with our error, or sent
  once with a body that holds exactly the requests given.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote, unquote

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import anthropic
from anthropic import Anthropic
from support import TEST_KEY, api_bytes, api_json

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Recorder:
    """A MockTransport handler whose answer each example sets; records every request."""

    def __init__(self) -> None:
        self.requests: List[httpx.Request] = []
        self.answer: Any = lambda request: httpx.Response(200, content=b"{}")
        self.client = Anthropic(
            api_key=TEST_KEY,
            max_retries=0,
            http_client=httpx.Client(transport=httpx.MockTransport(self)),
        )

    def reset(self, answer: Any) -> Anthropic:
        self.requests = []
        self.answer = answer
        return self.client

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return self.answer(request)  # type: ignore[no-any-return]


REC = Recorder()

# -- pagination ----------------------------------------------------------------------------

CURSORS = st.none() | st.sampled_from(["a", "b", "c", "d", ""])
PAGE = st.fixed_dictionaries(
    {
        "data": st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=3),
        "has_more": st.booleans(),
        "first_id": CURSORS,
        "last_id": CURSORS,
    }
)


def batch_json(batch_id: str) -> Dict[str, Any]:
    return {**api_json("batch.ended.json"), "id": batch_id}


@FUZZ
@given(
    pages=st.dictionaries(st.sampled_from(["", "a", "b", "c", "d"]), PAGE, min_size=1),
    backward=st.booleans(),
)
@example(  # a -> b -> a: a cycle two pages long
    pages={
        "": {"data": ["a"], "has_more": True, "first_id": "a", "last_id": "a"},
        "a": {"data": ["b"], "has_more": True, "first_id": "b", "last_id": "b"},
        "b": {"data": ["a"], "has_more": True, "first_id": "a", "last_id": "a"},
    },
    backward=False,
)
def test_any_pages_end_or_raise_never_loop_never_skip(
    pages: Dict[str, Dict[str, Any]], backward: bool
) -> None:
    """The server answers by cursor; a missing cursor is an empty last page."""
    key = "before_id" if backward else "after_id"
    served: List[Dict[str, Any]] = []
    asked: List[Tuple[Optional[str], Optional[str]]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        sent = (params.get("after_id"), params.get("before_id"))
        if sent in asked:
            return httpx.Response(599, json={"loop": sent})  # the client is looping
        asked.append(sent)
        cursor = sent[0] or sent[1] or ""
        page = pages.get(cursor, {"data": [], "has_more": False})
        served.append(page)
        body = {**page, "data": [batch_json(i) for i in page["data"]]}
        return httpx.Response(200, content=json.dumps(body).encode())

    client = REC.reset(answer)
    first = "" if "" in pages else sorted(pages)[0]
    kwargs = {key: first} if first else {}
    got: List[str] = []
    try:
        for batch in client.messages.batches.list(limit=3, **kwargs):
            got.append(batch.id)
    except anthropic.PaginationError:
        pass
    except anthropic.APIStatusError as exc:  # pragma: no cover - the failure we look for
        raise AssertionError(f"pagination looped: asked for {exc.body} twice") from None
    assert len(served) <= len(pages) + 1
    assert got == [i for page in served for i in page["data"]]


# -- ids -----------------------------------------------------------------------------------

NASTY = ["/", "..", ".", "../..", "a/b", "%2F", "%", "?", "#", "a?b=c", "a#b", "\x00",
         "\n", "\r\n", " ", "\t", "é", "批", "\u202e", "\ud7ff", "x" * 300, "msgbatch_ok",
         "cancel", "results", "-", "_", "%2e%2e", "\\", ";", "&", "+", "a b", "🙂"]  # fmt: skip
IDS = (
    st.text(max_size=20)
    | st.sampled_from(NASTY)
    | st.lists(st.sampled_from(NASTY), min_size=1, max_size=4).map("".join)
)
SUFFIX = {"retrieve": "", "delete": "", "cancel": "/cancel", "results": ""}


@FUZZ
@given(batch_id=IDS, method=st.sampled_from(sorted(SUFFIX)))
def test_any_id_is_one_encoded_segment_or_rejected(batch_id: str, method: str) -> None:
    ended = api_bytes("batch.ended.json")
    client = REC.reset(lambda request: httpx.Response(200, content=ended))
    call = getattr(client.messages.batches, method)
    try:
        call(batch_id)
    except (ValueError, TypeError):
        assert REC.requests == []  # rejected locally, nothing sent
        assert batch_id in ("", ".", "..")
        return
    except anthropic.APIError:
        pass  # e.g. results of a fixture body; the path is what matters here
    first = REC.requests[0]  # results(id) retrieves the batch first
    raw = first.url.raw_path.decode("ascii")
    expected = "/v1/messages/batches/" + quote(batch_id, safe="") + SUFFIX[method]
    assert raw == expected
    segments = raw.split("?")[0].split("/")
    assert len(segments) == 5 + (method == "cancel")
    assert unquote(segments[4]) == batch_id
    assert first.url.query == b""  # nothing leaked into the query or fragment


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
async def test_nasty_ids_reach_the_emulator_unchanged(anyio_backend: str) -> None:
    """Over the async client and the emulator: each nasty id is looked up as itself
    (404 for that id), never routed to another path (405, or another batch)."""
    from anthropic.emulator import Emulator, ManualClock

    emu = Emulator(clock=ManualClock())
    async with emu.async_client(max_retries=0) as client:
        for batch_id in NASTY:
            if batch_id in (".", ".."):
                continue
            with pytest.raises(anthropic.NotFoundError) as info:
                await client.messages.batches.retrieve(batch_id)
            assert info.value.message == f"No message batch found with id '{batch_id}'."
        for batch_id in ("", ".", ".."):
            with pytest.raises(ValueError):
                await client.messages.batches.cancel(batch_id)
    assert emu.count("retrieve") == len(NASTY) - 2
    assert emu.count("unknown") == 0


# -- create's validation -------------------------------------------------------------------

CUSTOM_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")
ANY = st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=6) | st.floats()
PARAMS = st.fixed_dictionaries(
    {},
    optional={
        "model": st.sampled_from(["claude-x", ""]) | ANY,
        "max_tokens": st.integers(-1, 5) | ANY,
        "messages": st.lists(st.fixed_dictionaries({"role": st.just("user")}), max_size=2)
        | ANY
        | st.dictionaries(st.text(max_size=2), ANY, max_size=1),
        "stream": st.sampled_from([False, True, None, 0]) | ANY,
        "temperature": ANY,
    },
)
REQUEST = (
    st.fixed_dictionaries(
        {},
        optional={
            "custom_id": st.sampled_from(["a", "b", "row-1", "x" * 64, "x" * 65, "a b", "é", ""])
            | ANY,
            "params": PARAMS | ANY,
            "method": st.sampled_from(["POST", "GET"]),
            "url": st.sampled_from(["/v1/messages", "/v1/other"]),
            "body": PARAMS,
        },
    )
    | ANY
)


def acceptable(requests: List[Any]) -> Tuple[bool, List[Dict[str, Any]]]:
    """The rules of the README, written independently: (ok, normalized requests)."""
    out: List[Dict[str, Any]] = []
    seen = set()
    for req in requests:
        if not isinstance(req, dict):
            return False, []
        cid = req.get("custom_id")
        if not isinstance(cid, str) or not CUSTOM_ID.fullmatch(cid) or cid in seen:
            return False, []
        seen.add(cid)
        if "params" in req:
            params = req["params"]
        elif {"body", "method", "url"} & set(req):
            if req.get("method") != "POST" or req.get("url") != "/v1/messages":
                return False, []
            if "body" not in req:
                return False, []
            params = req["body"]
        else:
            return False, []
        if not isinstance(params, dict):
            return False, []
        model, max_tokens, messages = (params.get(k) for k in ("model", "max_tokens", "messages"))
        if not isinstance(model, str) or not model:
            return False, []
        if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
            return False, []
        if not isinstance(messages, list):
            return False, []
        if "stream" in params and params["stream"] is not False:  # None is sent as null
            return False, []
        out.append(req if "params" in req else {"custom_id": cid, "params": params})
    return bool(out), out


VALID = {"model": "claude-x", "max_tokens": 1, "messages": []}


@FUZZ
@given(requests=st.lists(REQUEST, max_size=4))
@example(requests=[{"custom_id": "a", "params": VALID}])
@example(requests=[{"custom_id": "a", "params": {**VALID, "stream": None}}])
@example(requests=[{"custom_id": "a", "method": "POST", "url": "/v1/messages", "body": VALID}])
@example(requests=[{"custom_id": "a", "params": VALID}, {"custom_id": "a", "params": VALID}])
def test_any_request_list_is_rejected_locally_or_sent_exactly(requests: List[Any]) -> None:
    created = api_bytes("batch.in_progress.json")
    client = REC.reset(lambda request: httpx.Response(200, content=created))
    ok, normalized = acceptable(requests)
    try:
        client.messages.batches.create(requests=requests)
    except anthropic.InvalidBatchRequestError as exc:
        assert not ok, f"rejected a valid batch: {exc}"
        assert REC.requests == []
        return
    assert ok, "sent a batch the rules reject"
    assert len(REC.requests) == 1
    sent = json.loads(REC.requests[0].content)
    assert sent == json.loads(json.dumps({"requests": normalized}))


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio", "trio"])
async def test_async_pagination_stops_a_cycle(anyio_backend: str) -> None:
    pages = {
        None: {"data": ["a"], "has_more": True, "first_id": "a", "last_id": "a"},
        "a": {"data": ["b"], "has_more": True, "first_id": "b", "last_id": "b"},
        "b": {"data": ["c"], "has_more": True, "first_id": "a", "last_id": "a"},
    }
    asked: List[Optional[str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        cursor = request.url.params.get("after_id")
        asked.append(cursor)
        page = pages[cursor]
        body = {**page, "data": [batch_json(i) for i in page["data"]]}
        return httpx.Response(200, content=json.dumps(body).encode())

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    async with anthropic.AsyncAnthropic(api_key=TEST_KEY, http_client=http) as client:
        got: List[str] = []
        with pytest.raises(anthropic.PaginationError, match="cycle"):
            async for batch in client.messages.batches.list():
                got.append(batch.id)
    assert got == ["a", "b", "c"]
    assert asked == [None, "a", "b"]
