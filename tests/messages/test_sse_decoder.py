"""The sans-I/O SSE decoder: the WHATWG line and field rules, any chunking, cut streams."""

from __future__ import annotations

import json
from typing import List, Sequence

from hypothesis import given
from hypothesis import strategies as st

from anthropic._core.sse import ServerSentEvent, SSEDecoder
from support import api_bytes

STREAM = api_bytes("messages.stream.sse")


def decode(chunks: Sequence[bytes]) -> List[ServerSentEvent]:
    decoder = SSEDecoder()
    events: List[ServerSentEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    events.extend(decoder.flush())
    return events


def split_at(data: bytes, cuts: Sequence[int]) -> List[bytes]:
    points = sorted({min(max(c, 0), len(data)) for c in cuts})
    pieces, start = [], 0
    for point in points:
        pieces.append(data[start:point])
        start = point
    pieces.append(data[start:])
    return pieces


WHOLE = decode([STREAM])


def test_the_recorded_stream_decodes_into_its_events() -> None:
    names = [e.event for e in WHOLE]
    assert names[0] == "message_start" and names[-1] == "message_stop"
    assert "ping" in names
    for event in WHOLE:
        assert json.loads(event.data)["type"] == event.event


def test_the_recorded_stream_split_at_every_byte_gives_the_same_events() -> None:
    for cut in range(len(STREAM) + 1):
        assert decode([STREAM[:cut], STREAM[cut:]]) == WHOLE, cut


def test_one_byte_at_a_time_gives_the_same_events() -> None:
    assert decode([STREAM[i : i + 1] for i in range(len(STREAM))]) == WHOLE


def test_the_recorded_stream_cut_at_every_byte_yields_only_whole_events() -> None:
    for cut in range(len(STREAM) + 1):
        decoder = SSEDecoder()
        events = decoder.feed(STREAM[:cut]) + decoder.flush()
        assert events == WHOLE[: len(events)], cut  # a prefix, never a half event
        complete = cut == len(STREAM) or STREAM[:cut].endswith(b"\n\n")
        if complete:
            assert not decoder.pending
        elif cut > 0 and not STREAM[:cut].endswith(b"\n\n"):
            assert decoder.pending, cut


def test_crlf_and_cr_line_endings_match_lf() -> None:
    assert decode([STREAM.replace(b"\n", b"\r\n")]) == WHOLE
    assert decode([STREAM.replace(b"\n", b"\r")]) == WHOLE


def test_crlf_split_between_chunks_is_one_line_end() -> None:
    events = decode([b"data: a\r", b"\n\r", b"\ndata: b\r\n\r\n"])
    assert [e.data for e in events] == ["a", "b"]


def test_multi_line_data_comments_retry_and_ids() -> None:
    raw = (
        b": a comment\n"
        b"retry: 1500\n"
        b"id: 7\n"
        b"event: thing\n"
        b"data: first\n"
        b"data:second\n"
        b"data\n"
        b"unknown: field\n"
        b"\n"
        b"data: later\n"
        b"\n"
    )
    decoder = SSEDecoder()
    first, second = decoder.feed(raw)
    assert first == ServerSentEvent("thing", "first\nsecond\n", "7", 1500)
    assert second == ServerSentEvent("message", "later", "7", None)  # id persists
    assert decoder.retry == 1500


def test_bad_retry_and_nul_id_are_ignored() -> None:
    (event,) = decode([b"retry: 12a\nid: x\x00y\ndata: d\n\n"])
    assert event.retry is None and event.id is None


def test_a_blank_line_without_data_dispatches_nothing_and_resets_the_type() -> None:
    assert decode([b"event: ping\n\ndata: x\n\n"]) == [ServerSentEvent("message", "x")]


def test_only_one_space_after_the_colon_is_removed() -> None:
    (event,) = decode([b"data:  two\n\n"])
    assert event.data == " two"


def test_a_leading_bom_is_dropped_even_when_split() -> None:
    assert decode([b"\xef", b"\xbb", b"\xbfdata: x\n\n"]) == [ServerSentEvent("message", "x")]
    # a BOM later in the stream is data, not dropped
    (event,) = decode([b"data: \xef\xbb\xbfx\n\n"])
    assert event.data == "\ufeffx"


def test_invalid_utf8_is_replaced_not_raised() -> None:
    (event,) = decode([b"data: \xff\n\n"])
    assert event.data == "\ufffd"


def test_a_long_line_in_tiny_chunks_is_handled_in_linear_time() -> None:
    # 200,000 one-byte chunks of one line: a rescanning decoder would copy ~20 GB here.
    body = b"data: " + b"x" * 200_000 + b"\n\n"
    decoder = SSEDecoder()
    events: List[ServerSentEvent] = []
    for i in range(len(body)):
        events.extend(decoder.feed(body[i : i + 1]))
    assert len(events) == 1 and len(events[0].data) == 200_000


# -- properties ------------------------------------------------------------------------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"),
    max_size=20,
)
_events = st.lists(
    st.tuples(
        st.sampled_from(["message_start", "content_block_delta", "ping", "x"]),
        st.lists(_text, min_size=1, max_size=3),
        st.booleans(),
    ),
    max_size=8,
)


def _encode(events: List[tuple[str, List[str], bool]], eol: bytes) -> bytes:
    out = []
    for name, lines, comment in events:
        if comment:
            out.append(b": keep-alive" + eol)
        out.append(b"event: " + name.encode() + eol)
        for line in lines:
            out.append(b"data: " + line.encode() + eol)
        out.append(eol)
    return b"".join(out)


@given(_events, st.sampled_from([b"\n", b"\r\n", b"\r"]), st.lists(st.integers(0, 2000)))
def test_encoded_events_round_trip_under_any_chunking(
    events: List[tuple[str, List[str], bool]], eol: bytes, cuts: List[int]
) -> None:
    raw = _encode(events, eol)
    decoded = decode(split_at(raw, cuts))
    assert [(e.event, e.data) for e in decoded] == [(n, "\n".join(ls)) for n, ls, _ in events]


@given(st.binary(max_size=300), st.lists(st.integers(0, 300), max_size=10))
def test_any_bytes_decode_the_same_however_they_are_chunked(data: bytes, cuts: List[int]) -> None:
    assert decode(split_at(data, cuts)) == decode([data])


@given(
    st.lists(st.sampled_from([b"data: a", b"event: e", b":c", b"id: 1", b"retry: 5", b""])),
    st.lists(st.sampled_from([b"\n", b"\r\n", b"\r"]), min_size=1),
)
def test_mixed_line_endings_are_equivalent_to_lf(lines: List[bytes], eols: List[bytes]) -> None:
    parts, previous = [], b""
    for i, line in enumerate(lines):
        eol = eols[i % len(eols)]
        if previous == b"\r" and not line and eol.startswith(b"\n"):
            eol = b"\r"  # "\r" + "\n" would be one line end, not two
        parts.append(line + eol)
        previous = eol
    mixed = b"".join(parts)
    plain = b"".join(line + b"\n" for line in lines)
    assert decode([mixed]) == decode([plain])


def test_iter_feed_builds_events_lazily_and_matches_feed() -> None:
    decoder = SSEDecoder()
    events = decoder.iter_feed(STREAM)
    first = next(events)
    assert first == WHOLE[0]  # available before the rest of the chunk is decoded
    assert [first, *events] == WHOLE
    assert not decoder.pending


@given(st.binary(max_size=300), st.lists(st.integers(0, 300), max_size=10))
def test_iter_feed_equals_feed_under_any_chunking(data: bytes, cuts: List[int]) -> None:
    lazy = SSEDecoder()
    out: List[ServerSentEvent] = []
    for chunk in split_at(data, cuts):
        out.extend(lazy.iter_feed(chunk))
    assert out == decode([data])
