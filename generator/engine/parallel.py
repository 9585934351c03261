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
from typing import IO, Any, Protocol, TypeVar

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
        here = []
        for item in items:
            here.append(fn(item))
            tick(1)
        return here
    with tempfile.TemporaryFile() as spill:
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the second process; its results are tested through the parent
            _second(lambda: [fn(item) for item in items[1::2]], shared, spill, parent)
        try:
            mine = []
            for item in items[0::2]:
                mine.append(fn(item))
                tick(2)  # the other process keeps pace
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise
        theirs = _collect(pid, spill, shared)
    out: list[Any] = [None] * len(items)
    out[0::2] = mine
    out[1::2] = theirs
    return out


class Background:
    """`fn()` on a second process started now, its result asked for later (`result`), while this
    process goes on with other work: a rebuild after a correction makes the year's data files
    there while this one makes the pages and the search index. The second process is killed
    when this one leaves the `with` block by an exception, or is killed itself; `shared` as
    for `fork_map`. With one core or no fork, `fn` runs when its result is first asked for."""

    def __init__(self, fn: Callable[[], R], shared: Shared | None = None):
        self.fn, self.shared = fn, shared
        self.pid: int | None = None
        self._spill: IO[bytes] | None = None
        self._done = False
        self._value: Any = None

    def __enter__(self) -> Background:
        if workers() < 2:
            return self
        self._spill = tempfile.TemporaryFile()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the second process; its results are tested through the parent
            _second(self.fn, self.shared, self._spill, parent)
        self.pid = pid
        return self

    def result(self) -> Any:
        if self._done:
            return self._value
        if self.pid is None:
            self._value = self.fn()
        else:
            pid, self.pid = self.pid, None
            spill = self._spill
            assert spill is not None  # (made with the process)
            try:
                self._value = _collect(pid, spill, self.shared)
            finally:
                spill.close()
        self._done = True
        return self._value

    def __exit__(self, kind, error, trace) -> None:
        if self.pid is not None:
            if kind is None:
                self.result()
            else:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                self.pid = None
        if self._spill is not None:
            self._spill.close()


def _second(work: Callable[[], Any], shared: Shared | None, spill, parent: int | None = None) -> None:
    """The second process: `work()` with `shared`'s account begun afresh, its result (or the
    exception it raised) and that account pickled into `spill` for `_collect`; then it ends.
    With `parent`, it is killed when that process ends."""
    code = 1
    try:
        faults.in_worker()
        if parent is not None:
            _die_with_parent(parent)
        if shared is not None:
            shared.forked()
        try:
            result: tuple = ("ok", work(), shared.child_state() if shared else None)
        except Exception as err:  # sent back and raised by the parent
            result = ("error", err, None)
        pickle.dump(result, spill, protocol=pickle.HIGHEST_PROTOCOL)
        spill.flush()
        code = 0
    finally:
        os._exit(code)


def _collect(pid: int, spill, shared: Shared | None) -> Any:
    """What the second process `pid` left in `spill` (`_second`): its result, its account merged
    into `shared`; its exception raised here, or RuntimeError if it died."""
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise RuntimeError("the second build process failed")
    spill.seek(0)
    kind, value, state = pickle.load(spill)
    if kind == "error":
        raise value
    if shared is not None:
        shared.merge(state)
    return value


def _die_with_parent(parent: int) -> None:
    """Linux: this process gets SIGKILL when the build process (`parent`) ends, however it ends."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the build ended before prctl took effect
        os._exit(1)
