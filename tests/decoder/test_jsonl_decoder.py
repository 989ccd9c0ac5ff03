"""The results decoder: ``LineBuffer`` splitting and the JSONL stream over any chunking."""

from __future__ import annotations

import json
from typing import Any, AsyncIterator, Iterator, List, Optional

import anyio
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anthropic
from anthropic._core.jsonl import LineBuffer
from anthropic._jsonl_stream import AsyncJSONLDecoder, JSONLDecoder
from anthropic.types import TextBlock, ThinkingBlock, ToolUseBlock, UnknownContentBlock
from anthropic.types.messages import (
    MessageBatchCanceledResult,
    MessageBatchErroredResult,
    MessageBatchExpiredResult,
    MessageBatchIndividualResponse,
    MessageBatchSucceededResult,
)
from support import api_bytes

RESULTS = api_bytes("batch.results.jsonl")
RESULT_LINES = RESULTS.splitlines()


# -- LineBuffer -------------------------------------------------------------------------------


def split_all(chunks: List[bytes]) -> List[bytes]:
    buf = LineBuffer()
    out: List[bytes] = []
    for chunk in chunks:
        out.extend(buf.feed(chunk))
    tail = buf.flush()
    if tail is not None:
        out.append(tail)
    assert buf.flush() is None  # flush resets
    return out


def reference_split(data: bytes) -> List[bytes]:
    """What splitting ``data`` must give, computed the obvious way."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


@pytest.mark.parametrize(
    ("chunks", "expected"),
    [
        ([b"a\nb\n"], [b"a", b"b"]),
        ([b"a\nb"], [b"a", b"b"]),  # no final newline
        ([b"a", b"b", b"c\n"], [b"abc"]),
        ([b"a\r\nb\r\n"], [b"a", b"b"]),
        ([b"a\r", b"\nb\r", b"\n"], [b"a", b"b"]),  # \r and \n in different reads
        ([b"a\r"], [b"a"]),  # \r at the very end, no newline
        ([b"\n\n", b"x\n", b"\r\n"], [b"", b"", b"x", b""]),  # blank lines kept (line numbers)
        ([b"", b"a", b"", b"\n"], [b"a"]),
        ([b"a\rb\n"], [b"a\rb"]),  # a lone \r inside a line is content
        ([b"x\xe2\x80\xa8y\n"], [b"x\xe2\x80\xa8y"]),  # U+2028 is not a line end
        ([b"x\xe2\x80\xa9y\x85z\x0bw\x0cv\n"], [b"x\xe2\x80\xa9y\x85z\x0bw\x0cv"]),
        ([b"caf\xc3", b"\xa9\n"], [b"caf\xc3\xa9"]),  # multi-byte UTF-8 split across reads
        ([], []),
        ([b"\n"], [b""]),
    ],
)
def test_line_buffer(chunks: List[bytes], expected: List[bytes]) -> None:
    assert split_all(chunks) == expected


def test_line_buffer_returns_lines_as_soon_as_complete() -> None:
    buf = LineBuffer()
    assert buf.feed(b"ab") == []
    assert buf.feed(b"c\nde") == [b"abc"]
    assert buf.feed(b"f\r") == []
    assert buf.feed(b"\ng\nh") == [b"def", b"g"]
    assert buf.flush() == b"h"


@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=200).map(lambda b: b.replace(b"x", b"\n").replace(b"y", b"\r")),
    cuts=st.lists(st.integers(0, 200), max_size=20),
)
def test_line_buffer_any_chunking(data: bytes, cuts: List[int]) -> None:
    assert split_all(chop(data, cuts)) == reference_split(data)


def test_line_buffer_is_linear_for_one_long_line() -> None:
    # One 8 MB line arriving in 64 KiB reads: each read is only stored (the very same
    # object, no copy, no rescan), and the pieces are joined once when the line ends.
    piece = 64 * 1024
    chunks = [bytes([65 + i % 26]) * piece for i in range(128)]
    buf = LineBuffer()
    for chunk in chunks:
        assert buf.feed(chunk) == []
    assert len(buf._pending) == 128
    assert all(stored is fed for stored, fed in zip(buf._pending, chunks))
    (line,) = buf.feed(b"\n")
    assert len(line) == 8 * 1024 * 1024
    assert line == b"".join(chunks)
    assert buf._pending == []
    assert buf.flush() is None


# -- the stream decoder -----------------------------------------------------------------------


def chop(data: bytes, cuts: List[int]) -> List[bytes]:
    points = sorted({c for c in cuts if 0 < c < len(data)})
    bounds = [0, *points, len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


class Chunks(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body delivered in exactly these reads (then maybe a failure)."""

    def __init__(self, chunks: List[bytes], fail: Optional[Exception] = None) -> None:
        self.chunks = chunks
        self.fail = fail
        self.closed = 0

    def _gen(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.fail is not None:
            raise self.fail

    def __iter__(self) -> Iterator[bytes]:
        return self._gen()

    def __aiter__(self) -> AsyncIterator[bytes]:
        return _Async(self._gen())

    def close(self) -> None:
        self.closed += 1

    async def aclose(self) -> None:
        self.closed += 1


class _Async:
    def __init__(self, it: Iterator[bytes]) -> None:
        self.it = it

    def __aiter__(self) -> _Async:
        return self

    async def __anext__(self) -> bytes:
        try:
            return next(self.it)
        except StopIteration:
            raise StopAsyncIteration from None


REQUEST = httpx.Request("GET", "https://api.anthropic.com/v1/messages/batches/b/results")


def response_of(stream: Chunks) -> httpx.Response:
    return httpx.Response(200, stream=stream, request=REQUEST)


def decode_sync(chunks: List[bytes]) -> List[MessageBatchIndividualResponse]:
    stream = Chunks(chunks)
    with JSONLDecoder(response_of(stream), MessageBatchIndividualResponse) as decoder:
        lines = list(decoder)
    assert stream.closed == 1
    return lines


def decode_async(chunks: List[bytes], backend: str) -> List[MessageBatchIndividualResponse]:
    async def main() -> List[MessageBatchIndividualResponse]:
        stream = Chunks(chunks)
        decoder = AsyncJSONLDecoder(response_of(stream), MessageBatchIndividualResponse)
        async with decoder:
            lines = [line async for line in decoder]
        assert stream.closed == 1
        return lines

    return anyio.run(main, backend=backend)  # type: ignore[no-any-return]


def decode(chunks: List[bytes], flavor: str) -> List[MessageBatchIndividualResponse]:
    return decode_sync(chunks) if flavor == "sync" else decode_async(chunks, flavor)


WHOLE = [line.to_dict() for line in decode_sync([RESULTS])]
FLAVORS = ["sync", "asyncio", "trio"]


def as_dicts(lines: List[MessageBatchIndividualResponse]) -> List[Any]:
    return [line.to_dict() for line in lines]


def test_whole_file_matches_the_fixture() -> None:
    assert len(WHOLE) == 8
    assert [json.loads(line) for line in RESULT_LINES] == WHOLE


@pytest.mark.parametrize("flavor", FLAVORS)
def test_byte_by_byte(flavor: str) -> None:
    chunks = [RESULTS[i : i + 1] for i in range(len(RESULTS))]
    assert as_dicts(decode(chunks, flavor)) == WHOLE


@pytest.mark.parametrize("flavor", FLAVORS)
def test_crlf_blank_lines_and_no_final_newline(flavor: str) -> None:
    body = b"\r\n" + b"\r\n\r\n".join(RESULT_LINES)  # CRLF, blank lines, no final newline
    chunks = [body[i : i + 1] for i in range(len(body))]
    assert as_dicts(decode(chunks, flavor)) == WHOLE


@pytest.mark.parametrize("flavor", FLAVORS)
@settings(max_examples=40, deadline=None)
@given(cuts=st.lists(st.integers(0, len(RESULTS)), max_size=60), crlf=st.booleans())
def test_any_chunking_gives_the_same_lines(flavor: str, cuts: List[int], crlf: bool) -> None:
    data = RESULTS.replace(b"\n", b"\r\n") if crlf else RESULTS
    assert as_dicts(decode(chop(data, cuts), flavor)) == WHOLE


@pytest.mark.parametrize("flavor", FLAVORS)
def test_unescaped_line_separator_stays_in_one_line(flavor: str) -> None:
    text = "before\u2028after\u2029end \u0085 \u000b \u000c"
    line = json.dumps(
        {"custom_id": "ls-1", "result": {"type": "canceled"}, "note": text}, ensure_ascii=False
    ).encode()
    assert "\u2028".encode() in line
    body = line + b"\n" + RESULT_LINES[5] + b"\n"
    chunks = [body[i : i + 3] for i in range(0, len(body), 3)]  # splits the 3-byte U+2028 too
    lines = decode(chunks, flavor)
    assert [x.custom_id for x in lines] == ["ls-1", "canceled-6"]
    assert lines[0].to_dict()["note"] == text


# A decode error stops reading early; under trio, httpx's own nested async generators
# (Response.aiter_raw ...) cannot be closed by the caller and trio warns when they are
# collected (encode/httpx#3686). The stream itself is closed; only that warning is ignored.
@pytest.mark.filterwarnings("ignore:Async generator 'httpx\\.:ResourceWarning")
@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize(
    ("body", "line_number"),
    [
        (b'{"custom_id": "a", "result": {"type": "canceled"}}\n{oops\n', 2),
        (b"\n\n\r\nnot json\n", 4),  # blank lines count
        (RESULT_LINES[0] + b"\r\n\r\n" + RESULT_LINES[1][:-1] + b"\r\n", 3),
        (b'{"custom_id": "a", "result": {"type": "canceled"}}\n\xff\xfe', 2),  # bad UTF-8
        (b'{"a": 1}{"b": 2}\n', 1),
    ],
)
def test_malformed_line_number(flavor: str, body: bytes, line_number: int) -> None:
    for chunks in ([body], [body[i : i + 1] for i in range(len(body))]):
        with pytest.raises(anthropic.ResultsDecodeError) as info:
            decode(chunks, flavor)
        assert info.value.line_number == line_number
        assert f"line {line_number}" in str(info.value)


def test_lines_before_a_malformed_one_in_the_same_read_are_delivered() -> None:
    body = RESULT_LINES[0] + b"\n" + RESULT_LINES[1] + b"\n{bad\n" + RESULT_LINES[2] + b"\n"
    stream = Chunks([body])
    decoder = JSONLDecoder(response_of(stream), MessageBatchIndividualResponse)
    assert next(decoder).custom_id == "capital-fr"
    assert next(decoder).custom_id == "weather_tool-2"
    with pytest.raises(anthropic.ResultsDecodeError):
        next(decoder)
    decoder.close()
    assert stream.closed == 1


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize(
    "exc",
    [httpx.ReadError("reset"), httpx.RemoteProtocolError("incomplete chunked read")],
    ids=lambda e: type(e).__name__,
)
def test_dropped_connection_is_an_api_connection_error(flavor: str, exc: Exception) -> None:
    body = RESULTS[: len(RESULTS) // 2]  # ends mid-line
    with pytest.raises(anthropic.APIConnectionError) as info:
        if flavor == "sync":
            list(
                JSONLDecoder(response_of(Chunks([body], fail=exc)), MessageBatchIndividualResponse)
            )
        else:

            async def main() -> None:
                stream = Chunks([body], fail=exc)
                decoder = AsyncJSONLDecoder(response_of(stream), MessageBatchIndividualResponse)
                async with decoder:
                    async for _ in decoder:
                        pass

            anyio.run(main, backend=flavor)
    assert not isinstance(info.value, httpx.HTTPError)
    assert info.value.__cause__ is exc
    assert info.value.request is REQUEST


# -- every fixture line parses ----------------------------------------------------------------


def test_every_fixture_line_parses() -> None:
    lines = decode_sync([RESULTS])
    by_id = {line.custom_id: line.result for line in lines}

    capital = by_id["capital-fr"]
    assert isinstance(capital, MessageBatchSucceededResult)
    assert isinstance(capital.message.content[0], TextBlock)
    assert capital.message.stop_reason == "end_turn"
    assert capital.message.usage.output_tokens == 10

    tool = by_id["weather_tool-2"]
    assert isinstance(tool, MessageBatchSucceededResult)
    assert [type(b) for b in tool.message.content] == [TextBlock, ToolUseBlock]
    assert tool.message.content[1].input == {"city": "Paris"}

    think = by_id["think-3"]
    assert isinstance(think, MessageBatchSucceededResult)
    assert isinstance(think.message.content[0], ThinkingBlock)
    assert [b.type for b in think.message.content] == ["thinking", "redacted_thinking", "text"]

    bad = by_id["bad-params-4"]
    assert isinstance(bad, MessageBatchErroredResult)
    assert bad.error.error.type == "invalid_request_error"
    assert bad.error.request_id == "req_011CUJd8Nq6a3b9Xy2LmQ7Rp"
    server = by_id["server-err-5"]
    assert isinstance(server, MessageBatchErroredResult)
    assert server.error.error.type == "api_error"
    assert server.error.request_id is None

    assert isinstance(by_id["canceled-6"], MessageBatchCanceledResult)
    assert isinstance(by_id["expired-7"], MessageBatchExpiredResult)


def test_future_line_keeps_what_it_carries() -> None:
    future = decode_sync([RESULT_LINES[7] + b"\n"])[0]
    assert future.custom_id == "future-8"
    result = future.result
    assert isinstance(result, MessageBatchSucceededResult)
    message = result.message
    assert message.model == "claude-future-9"
    assert message.stop_reason == "brand_new_stop_reason"
    text, unknown = message.content
    assert isinstance(text, TextBlock)
    assert text.text == "ok"
    assert text.to_dict()["future_block_field"] == {"x": 1}
    assert isinstance(unknown, UnknownContentBlock)
    assert unknown.type == "brand_new_block"
    assert unknown.to_dict()["payload"] == "unknown kinds of content must not break parsing"
    assert message.usage.to_dict()["new_usage_counter"] == 5
    assert message.to_dict()["new_top_level_field"] is True
    assert future.to_dict() == json.loads(RESULT_LINES[7])
