"""The API key and auth token never show in a repr, a str, an error or a traceback.

(That they never show in a log record or in captured output is checked for every test
of the suite by tests/conftest.py; the last test here proves that check can fail.)
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Iterator, List

import httpx
import pytest
from reliability_kit import Rig, closed_port, make_requests, new_emulator

import anthropic
from anthropic.emulator import Fault
from anthropic.types.messages import MessageBatch
from support import TEST_KEY, api_bytes, api_json

TOKEN = "tok-SECRET-bearer-0123456789"
SECRETS = (TEST_KEY, TOKEN)


def texts_of(obj: object) -> List[str]:
    out = [repr(obj), str(obj)]
    if isinstance(obj, BaseException):
        out += [repr(obj.args), "".join(traceback.format_exception(type(obj), obj, None))]
        out.append("".join(traceback.format_exception(type(obj), obj, obj.__traceback__)))
        if obj.__cause__ is not None:
            out += texts_of(obj.__cause__)
        for attr in ("message", "body", "request_id"):
            out.append(repr(getattr(obj, attr, None)))
    return out


def assert_clean(*objects: object) -> None:
    for obj in objects:
        for text in texts_of(obj):
            for secret in SECRETS:
                assert secret not in text, f"{type(obj).__name__} shows a credential: {text}"


@pytest.mark.anyio
async def test_objects_and_errors_never_show_credentials(rig: Rig) -> None:
    emu = new_emulator()
    client = rig.client(emu, auth_token=TOKEN, max_retries=1)
    batches = client.messages.batches
    batch = await rig.call(batches.create, requests=make_requests(2))
    ended = await rig.call(batches.retrieve, batch.id)
    page = await rig.call(batches.list, limit=5)
    raw = await rig.call(batches.with_raw_response.retrieve, batch.id)
    objects: List[object] = [
        client,
        client._config,
        client.with_options(max_retries=0),
        client.messages,
        batches,
        batch,
        page,
        raw,
        raw.http_response,
        raw.http_response.request,
        emu,
    ]
    if rig.is_async:
        decoder = await batches.results(ended)
        objects += [decoder]
        await decoder.close()
    else:
        with batches.results(ended) as decoder:
            objects += [decoder]

    caught: List[BaseException] = []

    async def catch(fn: Any, *args: Any, **kwargs: Any) -> None:
        try:
            await rig.call(fn, *args, **kwargs)
        except anthropic.AnthropicError as exc:
            caught.append(exc)
        else:  # pragma: no cover - every call below must fail
            raise AssertionError(f"{fn} did not fail")

    await catch(batches.retrieve, "msgbatch_missing")  # 404
    emu.faults.add(Fault.error(529, times=2))
    await catch(batches.retrieve, batch.id)  # retries exhausted
    emu.faults.add(Fault.drop(route="create", after_processing=True, times=1))
    await catch(batches.create, requests=make_requests(1))  # outcome unknown
    emu.faults.add(Fault.drop(route="retrieve", times=2))
    await catch(batches.retrieve, batch.id)  # connection error
    emu.faults.add(Fault.delay(1e6, route="retrieve", times=2))
    await catch(batches.retrieve, batch.id)  # timeout
    emu.faults.add(Fault.cut_stream(after_bytes=50, times=1))
    await catch(rig.results, client, ended)  # cut results stream
    await catch(rig.results, client, batch)  # not ended
    await catch(batches.create, requests=[{"custom_id": "bad id", "params": {}}])
    wrong = rig.client(emu, api_key=TEST_KEY + "-wrong", auth_token=TOKEN + "-wrong")
    await catch(wrong.messages.batches.retrieve, batch.id)  # 401
    refused = rig.client(base_url=f"http://127.0.0.1:{closed_port()}", max_retries=0)
    await catch(refused.messages.batches.retrieve, batch.id)
    assert len(caught) == 10
    assert_clean(*objects, *caught, wrong, refused)


def test_results_decode_error_never_shows_credentials() -> None:
    ended = api_json("batch.ended.json")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=api_bytes("batch.results.jsonl") + b"{not json\n")

    client = anthropic.Anthropic(
        api_key=TEST_KEY,
        auth_token=TOKEN,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )
    with pytest.raises(anthropic.ResultsDecodeError) as info:
        list(client.messages.batches.results(MessageBatch.model_validate(ended)))
    assert_clean(info.value, client)
    client.close()


def test_the_suite_wide_leak_check_can_fail(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A test that logs or prints the key fails although its own assertions pass.

    The nested session looks for a canary instead of TEST_KEY, so that its output (which
    pytester echoes) is no leak in this session."""
    canary = "sk-ant-canary-9876543210"
    monkeypatch.setenv("ANTHROPIC_TEST_LEAK_CANARY", canary)
    monkeypatch.setenv("PYTHONPATH", str(_tests_dir()))  # for ``support``
    pytester.makeconftest((_tests_dir() / "conftest.py").read_text())
    pytester.makepyfile(
        test_leaky=f"""
        import logging

        def test_logs_the_key():
            logging.getLogger("anthropic").debug("headers: %s", {{"x-api-key": {canary!r}}})

        def test_prints_the_key():
            print("key is", {canary!r})

        def test_clean():
            logging.getLogger("anthropic").debug("nothing to see")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(["*TEST_KEY leaked during call into: log record*"])
    result.stdout.fnmatch_lines(["*TEST_KEY leaked during call into: Captured stdout call*"])


def _tests_dir() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _debug_logging() -> Iterator[None]:
    logger = logging.getLogger("anthropic")
    level = logger.level
    logger.setLevel(logging.DEBUG)  # whatever ANTHROPIC_LOG says, log everything here
    yield
    logger.setLevel(level)
