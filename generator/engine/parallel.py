"""Work split over the machine's two cores by forking: the second process takes every other item.

A forked process starts with everything the build has loaded, so nothing is sent to it; its
results come back pickled through a temporary file. With one core, no fork, or few items the
work runs in this process, with the same results in the same order.
"""

from __future__ import annotations

import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from . import faults

T = TypeVar("T")
R = TypeVar("R")


class Shared(Protocol):
    """State the second process changes that this one must learn of (the cache's used
    entries, the files written): `forked` starts the second process's account afresh, and
    what it adds comes back through `child_state` to `merge`."""

    def forked(self) -> None: ...

    def child_state(self) -> Any: ...

    def merge(self, state: Any) -> None: ...


def workers() -> int:
    return min(os.cpu_count() or 1, 2) if hasattr(os, "fork") else 1


def fork_map(items: Sequence[T], fn: Callable[[T], R], min_items: int, shared: Shared | None = None,
             tick: Callable[[int], None] | None = None, worth: Callable[[], bool] | None = None) -> list[R]:
    """[fn(item) for item in items], the odd-numbered items on a second process when there are
    at least `min_items`. An exception in either process is raised here.

    `worth`, asked after the first item is done here, can keep the rest here too: results
    read from a cache cost less than sending them back from another process.
    """
    tick = tick or (lambda n: None)
    if worth is not None and len(items) >= min_items and items:
        first = fn(items[0])
        tick(1)
        if not worth():
            min_items = len(items) + 1
        return [first, *fork_map(items[1:], fn, min_items - 1, shared, tick)]
    if len(items) < min_items or workers() < 2:
        out = []
        for item in items:
            out.append(fn(item))
            tick(1)
        return out
    with tempfile.TemporaryFile() as spill:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the second process; its results are tested through the parent
            code = 1
            try:
                faults.in_worker()
                if shared is not None:
                    shared.forked()
                try:
                    result: tuple = ("ok", [fn(item) for item in items[1::2]],
                                     shared.child_state() if shared else None)
                except Exception as err:  # sent back and raised by the parent
                    result = ("error", err, None)
                pickle.dump(result, spill, protocol=pickle.HIGHEST_PROTOCOL)
                spill.flush()
                code = 0
            finally:
                os._exit(code)
        try:
            mine = []
            for item in items[0::2]:
                mine.append(fn(item))
                tick(2)  # the other process keeps pace
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        _, status = os.waitpid(pid, 0)
        if status != 0:
            raise RuntimeError("the second build process failed")
        spill.seek(0)
        kind, theirs, state = pickle.load(spill)
    if kind == "error":
        raise theirs
    if shared is not None:
        shared.merge(state)
    out: list[Any] = [None] * len(items)
    out[0::2] = mine
    out[1::2] = theirs
    return out
