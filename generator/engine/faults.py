"""Fault injection for the interrupted-build tests: a build can be killed at a named point.

`SITE_BUILD_KILL_AT=<point>` makes the build process kill itself with SIGKILL when it
reaches that checkpoint, as a power cut or `kill -9` would. Unset (always, outside the
tests), a checkpoint costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

_TARGET = os.environ.get("SITE_BUILD_KILL_AT", "")
_WORKER = False


def in_worker() -> None:
    """Mark this process as the build's second rendering process: a kill takes the build with it."""
    global _WORKER
    _WORKER = True


def checkpoint(name: str) -> None:
    if _TARGET and name == _TARGET:
        if _WORKER:
            os.kill(os.getppid(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
