"""Where department builds run: in this process, on a pool of worker processes, one per core
(`Local`), or on the workers of a Dask cluster, on this machine or many (`Dask`).

The department function is pure (generator/department/build.py), so the executor only maps it over
the department folders and hands back each result in order, as soon as it is there, so the
build streams: it keeps each department's summary and nothing else. Workers are forked from
the build once everything they share is ready (the scope, the renderer with its templates
loaded, the tree writer's list of existing files), so nothing of that is sent to them; a
department's folder goes out, its `Outcome` (a few kilobytes) comes back.

A worker that dies (killed, out of memory) fails the build, like an error in the build
itself; workers die with the build, never outliving it to write into a tree.

`named("local" | "dask://HOST:PORT")` is the executor `build.py --executor` names.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from ..content.messages import SaidError, say
from . import faults, parallel

if TYPE_CHECKING:
    from distributed import Client

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


def _worker(parent: int) -> None:
    faults.in_worker()
    # The build turns the cyclic collector off for itself (it frees what it drops by reference
    # counting); a worker makes and drops a department's models, pages and contexts again and
    # again, and some of them hold cycles: it collects them, or it grows by the department.
    # What it inherited from the build is frozen out of the collector's sight (and its pages
    # stay shared with the build's).
    gc.freeze()
    gc.enable()
    parallel._die_with_parent(parent)  # SIGKILL this worker when the build process ends, however it ends


def _run(item: Any) -> Any:
    assert _task is not None
    return _task(item)


class Local:
    """This machine: the items in this process when there are few, else on `workers` processes
    (one worker process too, so a build on one core does the same work as on many)."""

    def __init__(self, workers: int | None = None):
        self.workers = workers or cores()

    def open(self) -> None:
        """Nothing to connect to: each `map` makes its own pool."""

    def close(self) -> None:
        """Nothing to let go of."""

    def map(self, task: Callable[[T], R], items: Sequence[T], min_items: int | None = None) -> Iterator[R]:
        """task(item) for each item, in order, each yielded as soon as it and those before it are
        done; in this process when there are fewer than `min_items` (PARALLEL_FROM)."""
        if len(items) < (PARALLEL_FROM if min_items is None else min_items) or not hasattr(os, "fork"):
            for item in items:
                yield task(item)
                if not gc.isenabled():  # the build's own process: a department's cycles are young
                    gc.collect(1)
            return
        global _task
        _task = task  # the workers are forked below and find it here
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_worker, initargs=(os.getpid(),))
        try:
            yield from pool.map(_run, items, chunksize=1)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            _task = None


class ExecutorError(SaidError):
    """An executor that cannot be used (a bad address, a scheduler out of reach): one line, a message
    of the catalogue worded when shown."""


def named(text: str) -> Local | Dask:
    """The executor `build.py --executor` names: `local`, or `dask://HOST:PORT` (ExecutorError if neither)."""
    if text == "local":
        return Local()
    if text.startswith("dask://"):
        return Dask(text)
    raise ExecutorError(say("executor.unknown", text=repr(text)))


#: How long to wait for the scheduler to answer, and then for its first worker, in seconds.
CONNECT_TIMEOUT = float(os.environ.get("SITE_BUILD_DASK_TIMEOUT", "10"))

_ADDRESS = re.compile(r"dask://(?:\[(?P<v6>[0-9A-Fa-f:.]+)\]|(?P<host>[A-Za-z0-9.-]+)):(?P<port>[0-9]{1,5})")


class Dask:
    """The workers of a Dask distributed cluster: each item a task, results streamed back in order.

    Why Dask rather than Ray: a department build is plain Python on one core (no GPUs, no
    actors, no shared objects), and Dask distributed is pure-Python wheels (tornado,
    cloudpickle, msgpack) that install into this venv like any other pinned dependency, with
    nothing to run but one scheduler (`dask scheduler`) and the workers (`dask worker`);
    Ray brings a large native runtime, its own object store and daemons per node. Dask's
    futures give what `map` promises here: results as they complete (`as_completed`), so the
    build streams and keeps only summaries, the first error raised at once, and the rest
    cancelled.

    The task and its items travel by cloudpickle; `department.run` travels by name, so every
    worker must import this same generator (the same code and libraries: the store's keys
    include their digest, and `map` checks each worker's against this process's). A task
    carries paths, not files: the content folder, the tree being built and the store must be
    at the same absolute paths on every worker (a shared filesystem: NFS, CephFS, Lustre),
    and the workers write the department's pages into the tree themselves.
    """

    #: Tasks in flight beyond the next result to hand back: bounds what waits here, in order.
    window = 256

    def __init__(self, address: str):
        match = _ADDRESS.fullmatch(address)
        port = int(match["port"]) if match else 0
        if not match or not 0 < port <= 65535:
            raise ExecutorError(say("executor.bad_address", address=repr(address)))
        host = match["v6"] or match["host"]
        self.shown = address
        self.address = f"tcp://[{host}]:{port}" if match["v6"] else f"tcp://{host}:{port}"
        self.client: Client | None = None

    def open(self) -> None:
        """Connect to the scheduler, wait for a worker and check the workers run this code
        (ExecutorError if any of that fails: said before the build touches anything)."""
        if self.client is not None:
            return
        import logging

        from distributed import Client

        quiet = logging.getLogger("distributed")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)  # a refused connection is said once, below, not logged as it retries
        try:
            self.client = Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as err:
            raise ExecutorError(say("executor.unreachable", address=self.shown, reason=_reason(err))) from None
        finally:
            quiet.setLevel(level)
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError):
            self.close()
            raise ExecutorError(say("executor.no_workers", address=self.shown, seconds=CONNECT_TIMEOUT)) from None
        # Workers with other code or libraries would make other pages and key the store otherwise.
        if set(self.client.run(_code).values()) - {_code()}:
            self.close()
            raise ExecutorError(say("executor.other_code", address=self.shown))

    def close(self) -> None:
        if self.client is not None:
            client, self.client = self.client, None
            client.close()

    def map(self, task: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """task(item) for each item on the cluster, in order, each yielded as soon as it and those
        before it are done; the first error is raised here, the other tasks are cancelled and
        waited for (none writes into the tree once the build has given up), and the client is closed."""
        from distributed import as_completed

        self.open()
        client = self.client
        assert client is not None
        build = uuid.uuid4().hex[:12]
        index: dict[Any, int] = {}
        done: dict[int, R] = {}
        stream = as_completed(loop=client.loop)
        submitted = given = 0

        def top_up() -> None:
            nonlocal submitted
            end = min(len(items), given + self.window)
            if submitted < end:
                keys = [f"department-{build}-{n}" for n in range(submitted, end)]
                for n, future in enumerate(client.map(task, items[submitted:end], key=keys), submitted):
                    index[future] = n
                    stream.add(future)
                submitted = end

        try:
            top_up()
            for future in stream:
                n = index.pop(future)
                done[n] = future.result()  # an error in the task is raised here, with its traceback
                future.release()
                while given in done:
                    yield done.pop(given)
                    given += 1
                top_up()
        finally:
            if index:
                futures = list(index)
                client.cancel(futures)
                _settle(client, {f.key for f in futures})
            self.close()


def _code() -> str:
    """This process's generator code and libraries, as the store's keys see them."""
    from .cache import code_version

    return code_version()


def _reason(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def _running(keys: set, dask_worker=None) -> list:
    """On a worker: which of `keys` it is still running (a cancelled task runs to its end)."""
    state = getattr(dask_worker, "state", None)
    tasks = getattr(state, "tasks", {})
    return [key for key, ts in list(tasks.items())
            if key in keys and getattr(ts, "state", "") in ("executing", "long-running", "cancelled", "resumed")]


def _settle(client, keys: set, timeout: float = 120.0) -> None:
    """Wait until no worker runs any of `keys`, so none writes into the tree after the build gave up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if not any(client.run(_running, keys).values()):
                return
        except Exception:  # a worker gone or the scheduler lost: nothing more to wait for here
            return
        time.sleep(0.05)
