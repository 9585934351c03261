"""Work split over two processes gives what one process gives, errors included."""

from __future__ import annotations

import os

import pytest

from generator.engine.parallel import fork_map, workers

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
