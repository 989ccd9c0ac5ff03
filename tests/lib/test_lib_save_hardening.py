"""save_results under attack: a partial of another batch, two savers on one path, and a
results stream that ends cleanly but early. Each test failed before the fix it covers."""

from __future__ import annotations

import errno
import pickle
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, AsyncIterator, Iterator, List, Optional

import anyio
import httpx
import pytest
from lib_kit import Kit
from test_lib_save import ended_batch, ids_of, lines_of, offset, reference, save

from anthropic import Anthropic, APIConnectionError, AsyncAnthropic
from anthropic.emulator import Fault
from anthropic.lib import _file_lock, asave_results, save_results
from anthropic.lib._file_lock import LOCK_SUFFIX, ResultsFileLockedError
from anthropic.lib._results_file import PartialOwner, ResultsFile
from anthropic.types.messages import MessageBatch
from support import ThreadedLoopback

pytestmark = pytest.mark.anyio

N = 40


# -- item 5: a partial belongs to one batch and results URL ------------------------------------


async def test_a_partial_of_another_batch_is_discarded_not_merged(kit: Kit, tmp_path: Path) -> None:
    batch_a = await ended_batch(kit)
    batch_b = await ended_batch(kit)  # the same custom_ids, other results
    expected_b = await reference(kit, batch_b, tmp_path)
    expected_a = await reference(kit, batch_a, tmp_path)
    kit.emu.faults.add(Fault.cut_stream(offset(expected_a, 6) + 3))
    path = tmp_path / "out.jsonl"
    with pytest.raises(APIConnectionError):
        await save(kit, batch_a, path, max_attempts=1)  # leaves A's partial: 6 lines
    kit.emu.faults.clear()

    report = await save(kit, batch_b, path)
    assert report.discarded and report.resumed == 0 and report.written == N
    assert sorted(lines_of(path)) == sorted(expected_b)  # no line of A
    assert not set(lines_of(path)) & set(expected_a)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "reference.jsonl"]


async def test_a_partial_of_the_same_batch_is_resumed(kit: Kit, tmp_path: Path) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    kit.emu.faults.add(Fault.cut_stream(offset(expected, 6) + 3))
    path = tmp_path / "out.jsonl"
    with pytest.raises(APIConnectionError):
        await save(kit, batch.id, path, max_attempts=1)
    meta = tmp_path / "out.jsonl.partial.meta"
    assert PartialOwner.read(meta) == PartialOwner(batch.id, batch.results_url)
    kit.emu.faults.clear()
    report = await save(kit, batch, path)
    assert (report.resumed, report.written, report.discarded) == (6, N - 6, False)
    assert sorted(lines_of(path)) == sorted(expected) and not meta.exists()


def test_a_partial_of_the_same_batch_with_another_results_url_starts_fresh(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.jsonl"
    first = PartialOwner("msgbatch_1", "https://api.example/v1/messages/batches/msgbatch_1/results")
    with ResultsFile(path, owner=first) as out:
        out.feed(b'{"custom_id": "a", "result": {"type": "succeeded"}}\n')
    assert first.results_url is not None
    other = PartialOwner("msgbatch_1", first.results_url + "?page=2")
    for owner in (other, first):  # each finds the other's partial: discarded, not merged
        with ResultsFile(path, owner=owner) as out:
            assert out.discarded and out.resumed == 0 and not out.seen
            out.feed(b'{"custom_id": "b", "result": {"type": "succeeded"}}\n')
    with ResultsFile(path, owner=first) as out:  # same owner: continued
        assert out.resumed == 1 and out.seen == {"b"} and not out.discarded


def test_a_partial_without_a_record_of_its_owner_starts_fresh(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_bytes(b'{"custom_id": "old", "result": {}}\n')
    owner = PartialOwner("msgbatch_1", None)
    with ResultsFile(path, owner=owner) as out:
        assert out.discarded and out.resumed == 0 and not out.seen
    assert (tmp_path / "out.jsonl.partial").read_bytes() == b""
    (tmp_path / "out.jsonl.partial.meta").write_bytes(b"not json")
    (tmp_path / "out.jsonl.partial").write_bytes(b'{"custom_id": "old", "result": {}}\n')
    with ResultsFile(path, owner=owner) as out:
        assert out.discarded and out.resumed == 0


# -- item 6: one saver per path, across processes -----------------------------------------------

# Another process holding the lock the way a save does (flock on the partial, or the
# ``.lock`` file), without importing anthropic, so it starts in milliseconds.
_HOLDER = """
import fcntl, os, sys
path, mode = sys.argv[1], sys.argv[2]
if mode == "flock":
    fd = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
else:
    os.close(os.open(path + ".lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
print("locked", flush=True)
sys.stdin.read()  # hold the lock until the test closes our stdin
if mode != "flock":
    os.unlink(path + ".lock")
"""


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[Any]:
    """Start another process that locks a file (``holder(path, mode)``); stopped after."""
    procs: List[subprocess.Popen[str]] = []

    def start(path: Path, mode: str = "flock") -> subprocess.Popen[str]:
        if mode == "flock" and sys.platform == "win32":
            pytest.skip("flock is POSIX only (Windows uses the lock file)")
        proc = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(path), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()


def release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.wait(timeout=30) == 0


async def test_a_save_while_another_process_writes_the_partial_fails_fast(
    kit: Kit, tmp_path: Path, holder: Any
) -> None:
    batch = await ended_batch(kit)
    expected = await reference(kit, batch, tmp_path)
    kit.emu.faults.add(Fault.cut_stream(offset(expected, 4) + 1))
    path = tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    with pytest.raises(APIConnectionError):
        await save(kit, batch, path, max_attempts=1)
    kit.emu.faults.clear()
    before = partial.read_bytes()
    results_requests = kit.emu.count("results")

    proc = holder(partial)
    with pytest.raises(ResultsFileLockedError) as info:
        await save(kit, batch, path)
    assert str(partial) in str(info.value) and info.value.path == partial
    assert isinstance(info.value, OSError)
    assert partial.read_bytes() == before and not path.exists()  # untouched
    assert kit.emu.count("results") == results_requests  # failed before any request

    release(proc)
    report = await save(kit, batch, path)
    assert report.resumed == 4 and len(lines_of(path)) == N


async def test_a_crashed_saver_leaves_no_stale_lock(kit: Kit, tmp_path: Path, holder: Any) -> None:
    batch = await ended_batch(kit)
    path = tmp_path / "out.jsonl"
    proc = holder(tmp_path / "out.jsonl.partial")
    proc.kill()  # no clean-up code runs: the kernel drops the flock
    proc.wait(timeout=30)
    report = await save(kit, batch, path)
    assert report.complete and len(lines_of(path)) == N


class Gate(httpx.AsyncBaseTransport):
    """Holds every results request while ``closed`` is an unset event."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.closed: Optional[anyio.Event] = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.closed is not None and request.url.path.endswith("/results"):
            await self.closed.wait()
        response: httpx.Response = await self.inner.handle_async_request(request)
        return response


async def test_two_concurrent_saves_to_one_path(flavor: str, tmp_path: Path) -> None:
    if flavor == "sync":
        pytest.skip("concurrency in one process: the async client (processes: above)")
    gates: List[Gate] = []
    kit = Kit(flavor, wrap=lambda inner: gates.append(Gate(inner)) or gates[-1])
    outcomes: List[object] = []
    path = tmp_path / "out.jsonl"
    gate = anyio.Event()

    async def one() -> None:
        try:
            outcomes.append(await save(kit, batch, path))
        except ResultsFileLockedError as exc:
            outcomes.append(exc)
            gate.set()  # the save holding the lock may download now

    try:
        batch = await ended_batch(kit)
        gates[0].closed = gate
        async with anyio.create_task_group() as tg:
            tg.start_soon(one)
            tg.start_soon(one)
    finally:
        await kit.aclose()
    assert sorted(type(o).__name__ for o in outcomes) == ["ResultsFileLockedError", "SaveReport"]
    assert len(lines_of(path)) == N and len(set(ids_of(lines_of(path)))) == N


class SyncGate(httpx.BaseTransport):
    """Holds every results request while ``closed`` is an unset event (threads)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.closed: Optional[threading.Event] = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.closed is not None and request.url.path.endswith("/results"):
            assert self.closed.wait(timeout=30)
        response: httpx.Response = self.inner.handle_request(request)
        return response


async def test_two_threads_saving_to_one_path(flavor: str, tmp_path: Path) -> None:
    if flavor != "sync":
        pytest.skip("threads share the sync client")
    gates: List[SyncGate] = []
    kit = Kit(flavor, wrap=lambda inner: gates.append(SyncGate(inner)) or gates[-1])
    outcomes: List[object] = []
    path = tmp_path / "out.jsonl"
    gate = threading.Event()

    def one() -> None:
        try:
            outcomes.append(save_results(kit.client, batch, path))
        except ResultsFileLockedError as exc:
            outcomes.append(exc)
            gate.set()  # the save holding the lock may download now

    try:
        batch = await ended_batch(kit)
        gates[0].closed = gate
        threads = [threading.Thread(target=one) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        await kit.aclose()
    assert sorted(type(o).__name__ for o in outcomes) == ["ResultsFileLockedError", "SaveReport"]
    assert len(lines_of(path)) == N and len(set(ids_of(lines_of(path)))) == N


def test_two_results_files_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with ResultsFile(path), pytest.raises(ResultsFileLockedError):
        ResultsFile(path)
    ResultsFile(path).close()  # released


def test_the_lock_file_fallback(tmp_path: Path, holder: Any) -> None:
    path = tmp_path / "out.jsonl"
    lock_file = tmp_path / ("out.jsonl.partial" + LOCK_SUFFIX)
    with ResultsFile(path, use_flock=False):
        assert lock_file.exists()
        with pytest.raises(ResultsFileLockedError) as info:
            ResultsFile(path, use_flock=False)
        assert info.value.lock_file == lock_file and str(lock_file) in str(info.value)
        copy = pickle.loads(pickle.dumps(info.value))  # safe to log and to pickle
        assert (copy.path, copy.lock_file, str(copy)) == (
            info.value.path,
            lock_file,
            str(info.value),
        )
    assert not lock_file.exists()
    proc = holder(tmp_path / "out.jsonl.partial", "file")  # across processes too
    with pytest.raises(ResultsFileLockedError):
        ResultsFile(path, use_flock=False)
    release(proc)
    ResultsFile(path, use_flock=False).close()
    assert not lock_file.exists()


def test_a_file_system_without_flock_falls_back_to_the_lock_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(fd: int) -> bool:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(_file_lock, "_flock", refuse)
    path = tmp_path / "out.jsonl"
    lock_file = tmp_path / ("out.jsonl.partial" + LOCK_SUFFIX)
    with ResultsFile(path):
        assert lock_file.exists()
        with pytest.raises(ResultsFileLockedError):
            ResultsFile(path)
    assert not lock_file.exists()

    def broken(fd: int) -> bool:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(_file_lock, "_flock", broken)
    with pytest.raises(OSError, match="I/O error"):  # other errors are not hidden
        ResultsFile(path)


# -- item 7: a stream that ends cleanly but early ------------------------------------------------


class ShortBodies(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Around the emulator's transport: the next results responses end cleanly after
    ``cuts[i]`` bytes (a proxy closing a close-delimited body early), then whole ones."""

    def __init__(self, inner: Any, cuts: List[int]) -> None:
        self.inner, self.cuts = inner, cuts

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = self.inner.handle_request(request)
        if not self._shorten(request):
            return response
        return self._short(request, response, response.read())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response: httpx.Response = await self.inner.handle_async_request(request)
        if not self._shorten(request):
            return response
        return self._short(request, response, await response.aread())

    def _shorten(self, request: httpx.Request) -> bool:
        return request.url.path.endswith("/results") and bool(self.cuts)

    def _short(self, request: httpx.Request, response: httpx.Response, body: bytes) -> Any:
        headers = [(k, v) for k, v in response.headers.multi_items() if k != "content-length"]
        cut = body[: self.cuts.pop(0)]
        return httpx.Response(response.status_code, headers=headers, content=cut, request=request)


class Short:
    """A kit whose results bodies end early at ``cuts`` (consumed in order), an ended
    batch of ``N`` requests and the lines a clean download gives (``expected``)."""

    def __init__(self, kit: Kit, cuts: List[int], batch: MessageBatch, expected: List[bytes]):
        self.kit, self.cuts, self.batch, self.expected = kit, cuts, batch, expected


@pytest.fixture
async def short(flavor: str, tmp_path: Path) -> AsyncIterator[Short]:
    cuts: List[int] = []
    kit = Kit(flavor, wrap=lambda inner: ShortBodies(inner, cuts))
    try:
        batch = await ended_batch(kit)
        yield Short(kit, cuts, batch, await reference(kit, batch, tmp_path))
    finally:
        await kit.aclose()


async def test_a_stream_ending_early_at_a_line_boundary_is_resumed(
    short: Short, tmp_path: Path
) -> None:
    kit, expected = short.kit, short.expected
    short.cuts += [offset(expected, 7), offset(expected, 20) + 9]  # a line boundary, mid-line
    path = tmp_path / "out.jsonl"
    report = await save(kit, short.batch, path)
    assert short.cuts == [] and report.complete and report.attempts == 3
    assert sorted(lines_of(path)) == sorted(expected)
    assert report.skipped == 7 + 20 and kit.sleeps == [0.5, 0.5]


async def test_a_stream_that_keeps_ending_early_raises_and_publishes_nothing(
    short: Short, tmp_path: Path
) -> None:
    short.cuts += [offset(short.expected, 7)] * 3
    path = tmp_path / "out.jsonl"
    with pytest.raises(APIConnectionError, match=r"ended cleanly but short.* 7 of .*40"):
        await save(short.kit, short.batch, path, max_attempts=3)
    assert not path.exists() and len(lines_of(tmp_path / "out.jsonl.partial")) == 7
    report = await save(short.kit, short.batch, path)  # the proxy behaves again: resumed
    assert (report.resumed, report.written) == (7, N - 7)
    assert sorted(lines_of(path)) == sorted(short.expected)


async def test_a_short_stream_of_a_batch_with_unusable_counts_is_taken_as_is(
    short: Short, tmp_path: Path
) -> None:
    short.cuts.append(offset(short.expected, 7))
    lenient = short.batch.model_copy(update={"request_counts": None})
    report = await save(short.kit, lenient, tmp_path / "out.jsonl")
    assert report.expected is None and report.lines == 7 and report.complete


class CloseDelimited(ThreadedLoopback):
    """A loopback HTTP server whose results bodies have no length: they end when the
    socket closes. The first responses close after ``cuts[i]`` bytes, cleanly, then
    whole bodies follow. Started and stopped by the test (``with``)."""

    def __init__(self, body: bytes, cuts: List[int]) -> None:
        super().__init__()
        self.body, self.cuts, self.served = body, cuts, 0

    def handle(self, conn: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(65536)
            if not chunk:
                break
            request += chunk
        body = self.body[: self.cuts.pop(0)] if self.cuts else self.body
        self.served += 1
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/binary\r\n"
        conn.sendall(head + b"Connection: close\r\n\r\n" + body)


async def test_a_close_delimited_body_cut_by_a_proxy_over_a_real_socket(
    flavor: str, tmp_path: Path
) -> None:
    n = 12
    lines = [
        b'{"custom_id":"r-%d","result":{"type":"succeeded","message":{}}}' % i for i in range(n)
    ]
    body = b"\n".join(lines) + b"\n"
    cuts = [offset(lines, 5), offset(lines, 9) + 4]  # at a line boundary, then inside one
    sleeps: List[float] = []
    with CloseDelimited(body, cuts) as server:
        batch = MessageBatch.model_validate(
            {
                "id": "msgbatch_1",
                "type": "message_batch",
                "processing_status": "ended",
                "request_counts": {
                    "processing": 0,
                    "succeeded": n,
                    "errored": 0,
                    "canceled": 0,
                    "expired": 0,
                },
                "created_at": "2024-09-24T18:37:24Z",
                "expires_at": "2024-09-25T18:37:24Z",
                "ended_at": "2024-09-24T18:40:00Z",
                "results_url": f"{server.base_url}/v1/messages/batches/msgbatch_1/results",
            }
        )
        path = tmp_path / "out.jsonl"
        if flavor == "sync":
            with Anthropic(
                api_key="k", base_url=server.base_url, max_retries=0, _sleep=sleeps.append
            ) as client:
                report = save_results(client, batch, path)
        else:

            async def record(seconds: float) -> None:
                sleeps.append(seconds)

            async with AsyncAnthropic(
                api_key="k", base_url=server.base_url, max_retries=0, _sleep=record
            ) as aclient:
                report = await asave_results(aclient, batch, path)
        assert server.served == 3 and cuts == []
    assert report.complete and report.attempts == 3 and sleeps == [0.5, 0.5]
    assert sorted(lines_of(path)) == sorted(lines)
