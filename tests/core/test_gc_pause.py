"""``paused_gc()``: the collector's state is always restored, nested and across threads, and
memory is still reclaimed (see ``anthropic._gc_pause``).

The collector is process-wide, so every test leaves it enabled and unfrozen as it found it.
"""

from __future__ import annotations

import gc
import random
import threading
import weakref
from typing import Any, Iterator, List

import pytest

from anthropic import _gc_pause
from anthropic._gc_pause import MIN_BYTES, PROMOTES, pause_state, paused_gc, pausing

needs_promotion = pytest.mark.skipif(not PROMOTES, reason="paused_gc() is a no-op here")


class Cycle:
    """An object in a reference cycle with itself: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.me = self


def dropped_cycle() -> weakref.ref[Cycle]:
    return weakref.ref(Cycle())


@pytest.fixture(autouse=True)
def _collector_as_found() -> Iterator[None]:
    assert gc.isenabled()
    assert pause_state() == (0, False)
    try:
        yield
    finally:
        gc.enable()
    assert pause_state() == (0, False)


def test_enabled_collector_is_paused_inside_and_enabled_after() -> None:
    with paused_gc():
        assert gc.isenabled() is not PROMOTES
        assert pause_state() == (1, PROMOTES)
    assert gc.isenabled()


def test_collector_disabled_by_the_program_stays_disabled() -> None:
    gc.disable()
    with paused_gc():
        assert not gc.isenabled()
        assert pause_state() == (1, False)
    assert not gc.isenabled()


def test_nested_blocks_restore_only_at_the_outermost_exit() -> None:
    with paused_gc():
        with paused_gc():
            assert pause_state() == (2, PROMOTES)
        assert gc.isenabled() is not PROMOTES
    assert gc.isenabled()


def test_an_exception_in_the_block_restores_the_collector() -> None:
    with pytest.raises(ZeroDivisionError), paused_gc():
        1 / 0  # noqa: B018
    assert gc.isenabled()


@needs_promotion
def test_a_failing_young_collection_on_entry_restores_the_collector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(generation: int = 2) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(gc, "collect", boom)
    with pytest.raises(KeyboardInterrupt), paused_gc():
        pytest.fail("the block must not run")
    assert gc.isenabled()


def test_pausing_says_whether_a_block_would_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pausing() is PROMOTES
    with paused_gc():
        assert pausing() is PROMOTES  # a second thread joins the pause already in place
    gc.disable()
    assert pausing() is False  # the program's own choice: nothing to pause
    gc.enable()
    monkeypatch.setattr(_gc_pause, "_user_froze", True)
    assert pausing() is False


def test_small_inputs_are_not_worth_a_pause() -> None:
    with paused_gc(MIN_BYTES - 1):
        assert gc.isenabled()
        assert pause_state() == (0, False)
    with paused_gc(MIN_BYTES):
        assert pause_state() == (1, PROMOTES)


# -- threads ---------------------------------------------------------------------------------


@pytest.mark.parametrize("first_out", ["first_in", "last_in"])
def test_overlapping_blocks_in_two_threads(first_out: str) -> None:
    """A enters, B enters, one leaves (still paused for the other), the other leaves."""
    entered = [threading.Event(), threading.Event()]
    leave = [threading.Event(), threading.Event()]
    left = [threading.Event(), threading.Event()]

    def worker(i: int) -> None:
        with paused_gc():
            entered[i].set()
            leave[i].wait(10)
        left[i].set()

    threads = [threading.Thread(target=worker, args=(i,)) for i in (0, 1)]
    threads[0].start()
    assert entered[0].wait(10)
    threads[1].start()
    assert entered[1].wait(10)
    assert pause_state() == (2, PROMOTES)

    order = (0, 1) if first_out == "first_in" else (1, 0)
    leave[order[0]].set()
    assert left[order[0]].wait(10)
    assert pause_state() == (1, PROMOTES)
    assert gc.isenabled() is not PROMOTES  # the other thread is still parsing
    leave[order[1]].set()
    for thread in threads:
        thread.join(10)
    assert gc.isenabled()


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled-by-program"])
def test_many_threads_nesting_at_random_leave_the_collector_as_it_was(enabled: bool) -> None:
    if not enabled:
        gc.disable()  # the program's own choice, made before any decoding starts
    errors: List[BaseException] = []
    start = threading.Barrier(8)

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            start.wait(10)
            for _ in range(300):
                with paused_gc():
                    junk = [[i] for i in range(rng.randrange(50))]
                    if rng.random() < 0.3:
                        with paused_gc():
                            junk.append([])
                    if not enabled:
                        assert not gc.isenabled()
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert gc.isenabled() is enabled
    assert pause_state() == (0, False)


# -- memory is still reclaimed -----------------------------------------------------------------


@needs_promotion
def test_objects_built_in_the_block_go_to_the_oldest_generation_uncounted() -> None:
    with paused_gc():
        kept = [[i] for i in range(5_000)]  # seven young collections' worth
    assert gc.get_count()[0] < 50
    assert any(obj is kept for obj in gc.get_objects(generation=2))


@needs_promotion
def test_a_cycle_dropped_before_a_block_is_collected_when_the_block_starts() -> None:
    ref = dropped_cycle()
    assert ref() is not None  # only the cyclic collector can free it
    with paused_gc():
        assert ref() is None  # the young collection on entry reclaimed it


def test_a_cycle_built_in_a_block_and_dropped_later_is_collected() -> None:
    with paused_gc():
        cycle: Any = Cycle()
        padding = [[i] for i in range(2_000)]
    ref = weakref.ref(cycle)
    del cycle, padding
    gc.collect()
    assert ref() is None


def test_a_cycle_kept_across_blocks_and_dropped_later_is_collected() -> None:
    cycle: Any = Cycle()
    ref = weakref.ref(cycle)
    for _ in range(3):
        with paused_gc():
            _ = [[i] for i in range(1_000)]
    del cycle
    gc.collect()
    assert ref() is None


def test_objects_the_program_froze_stay_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    # The sticky "the program uses gc.freeze()" flag goes back to False after this test.
    monkeypatch.setattr(_gc_pause, "_user_froze", False)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused_gc():
            assert gc.isenabled()  # a program that freezes: we leave the collector alone
            _ = [[i] for i in range(1_000)]
        assert gc.get_freeze_count() == frozen
        assert pause_state() == (0, False)
    finally:
        gc.unfreeze()
