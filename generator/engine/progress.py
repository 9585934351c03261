"""Progress bars for long builds: shown on a terminal after a second, silent everywhere else.

The stages call `stage(label, total)` and tick once per item. Bars appear only when the
build was started with progress on (`build.py` does, the tests and the server do not),
stderr is a terminal, CI is not set, and the stage has run for a second: a small site
builds without a flicker and logs stay clean.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_enabled = False


def enable(on: bool) -> None:
    global _enabled
    _enabled = on


def _wanted() -> bool:
    return _enabled and sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def stage(label: str, total: int, unit: str = "file") -> Iterator[Callable[[int], None]]:
    """A function to call with the number of items done since the last call."""
    if not _wanted():
        yield stage_nothing
        return
    bar = _bar(total=total, desc=f"{label:<7}", unit=unit, delay=1.0, leave=False, file=sys.stderr,
               mininterval=0.25, dynamic_ncols=True)
    try:
        yield bar.update
    finally:
        bar.close()


def _bar(**options):
    from tqdm import tqdm

    return tqdm(**options)


def stage_nothing(_: int = 1) -> None:
    """The tick of a stage that shows nothing."""
