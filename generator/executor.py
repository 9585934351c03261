"""Where department builds run: in this process, or on a pool of worker processes, one per core.

The department function is pure (generator/department.py), so the executor only maps it over
the department folders and hands back each result in order, as soon as it is there, so the
build streams: it keeps each department's summary and nothing else. Workers are forked from
the build once everything they share is ready (the scope, the renderer with its templates
loaded, the tree writer's list of existing files), so nothing of that is sent to them; a
department's folder goes out, its `Outcome` (a few kilobytes) comes back.

A worker that dies (killed, out of memory) fails the build, like an error in the build
itself; workers die with the build, never outliving it to write into a tree.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from . import faults

T = TypeVar("T")
R = TypeVar("R")

#: Below this many departments one process is quicker than starting workers (the tests lower it).
PARALLEL_FROM = int(os.environ.get("SITE_BUILD_PARALLEL_FROM", "8"))

_task: Callable[[Any], Any] | None = None


def cores() -> int:
    """The cores this process may run on; SITE_BUILD_WORKERS overrides (benchmarks compare 1 and 2)."""
    wanted = os.environ.get("SITE_BUILD_WORKERS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _worker() -> None:
    faults.in_worker()
    # The build turns the cyclic collector off for itself (it frees what it drops by reference
    # counting); a worker makes and drops a department's models, pages and contexts again and
    # again, and some of them hold cycles: it collects them, or it grows by the department.
    # What it inherited from the build is frozen out of the collector's sight (and its pages
    # stay shared with the build's).
    gc.freeze()
    gc.enable()
    try:  # Linux: SIGKILL this worker when the build process ends, however it ends
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the build ended before prctl took effect
        os._exit(1)


def _run(item: Any) -> Any:
    assert _task is not None
    return _task(item)


class Local:
    """This machine: the items in this process when there are few, else on `workers` processes."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or cores()

    def map(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """task(item) for each item, in order, each yielded as soon as it and those before it are done."""
        if self.workers < 2 or len(items) < PARALLEL_FROM or not hasattr(os, "fork"):
            for item in items:
                yield task(item)
                if not gc.isenabled():  # the build's own process: a department's cycles are young
                    gc.collect(1)
            return
        global _task
        _task = task  # the workers are forked below and find it here
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker)
        try:
            yield from pool.map(_run, items, chunksize=1)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            _task = None
