"""Work split over two processes gives what one process gives, errors included."""

from __future__ import annotations

import os

import pytest

import time

from generator.engine.parallel import Background, fork_map, workers

needs_two = pytest.mark.skipif(workers() < 2, reason="one core: nothing is forked")


class Seen:
    def __init__(self) -> None:
        self.pids: set[int] = set()

    def forked(self) -> None:
        self.pids = set()  # the second process reports only what it adds

    def child_state(self):
        return self.pids

    def merge(self, state) -> None:
        self.pids |= state


@needs_two
def test_results_come_back_in_order_from_both_processes():
    seen = Seen()

    def square(n: int) -> int:
        seen.pids.add(os.getpid())
        return n * n

    assert fork_map(list(range(25)), square, min_items=2, shared=seen) == [n * n for n in range(25)]
    assert len(seen.pids) == 2  # the second process's state was merged


def test_few_items_stay_in_this_process():
    assert fork_map([1, 2, 3], lambda n: os.getpid(), min_items=10) == [os.getpid()] * 3


@needs_two
@pytest.mark.parametrize("failing", [3, 4])  # an item of the second process, then of this one
def test_an_error_in_either_process_is_raised_here(failing):
    def work(n: int) -> int:
        if n == failing:
            raise ValueError(f"item {n}")
        return n

    with pytest.raises(ValueError, match=f"item {failing}"):
        fork_map(list(range(8)), work, min_items=2)


@needs_two
@pytest.mark.parametrize("worth", [True, False])
def test_the_rest_stays_here_when_the_first_item_shows_a_second_process_is_not_worth_it(worth):
    pids = fork_map(list(range(10)), lambda n: os.getpid(), min_items=2, worth=lambda: worth)
    assert pids[0] == os.getpid()
    assert (len(set(pids)) == 2) is worth


@needs_two
def test_background_work_runs_on_a_second_process_while_this_one_goes_on():
    seen = Seen()

    def work() -> int:
        seen.pids.add(os.getpid())
        return 42

    with Background(work, shared=seen) as job:
        here = os.getpid()
        assert job.pid is not None and job.pid != here  # started at once, not when asked for
        assert job.result() == 42 and job.result() == 42
    assert seen.pids and here not in seen.pids  # what the second process added is merged here


@needs_two
def test_an_error_in_background_work_is_raised_when_its_result_is_asked_for():
    def work() -> int:
        raise ValueError("第二个进程出错")

    with pytest.raises(ValueError, match="第二个进程出错"):
        with Background(work) as job:
            job.result()


@needs_two
def test_an_error_here_kills_the_background_work():
    def work() -> None:
        time.sleep(60)

    with pytest.raises(RuntimeError):
        with Background(work) as job:
            pid = job.pid
            raise RuntimeError("此处出错")
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # killed and reaped, not left running


def test_with_one_core_background_work_runs_here_when_asked_for(monkeypatch):
    import generator.engine.parallel as parallel

    monkeypatch.setattr(parallel, "workers", lambda: 1)
    calls = []
    with Background(lambda: calls.append(os.getpid()) or len(calls)) as job:
        assert job.pid is None and calls == []
        assert job.result() == 1
    assert calls == [os.getpid()]
