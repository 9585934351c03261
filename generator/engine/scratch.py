"""A build's temporary files, in one folder of its own under TMPDIR.

Everything a build and the processes it forks make with `tempfile` (the build's store without
a cache, the search index's spilled pairs, the year's SQLite database as it is made) goes
into `disclosure-build-<pid>-<random>/`, removed when the build ends. A build killed with
SIGKILL cannot remove it (the search index's pairs alone are 670 MB at 10,000 reports): the
next build removes every such folder of this user's whose build is gone. Whether it is gone
is asked of a lock, not of its process number: the build holds `flock` on a file in its
folder, and the kernel lets go of it when the build and its forked processes have ended,
however they ended (a process number can be reused, or belong to another container's build
sharing the same TMPDIR).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no folder of its own, TMPDIR as it is
    fcntl = None  # type: ignore[assignment]  # the module, or None where there is none

PREFIX = "disclosure-build-"
LOCK = ".in-use"


class Scratch:
    """The folder a build's temporary files go into, from `open()` until `close()`."""

    def __init__(self) -> None:
        base = tempfile.gettempdir()
        sweep(Path(base))
        self.folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
        # Held until this build and every process it forked have ended (they inherit it);
        # locked before it takes the name a sweep looks for, so no sweep finds it unlocked.
        self._lock = os.open(self.folder / (LOCK + ".new"), os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.rename(self.folder / (LOCK + ".new"), self.folder / LOCK)
        self._before = tempfile.tempdir
        tempfile.tempdir = str(self.folder)

    def close(self) -> None:
        tempfile.tempdir = self._before
        shutil.rmtree(self.folder, ignore_errors=True)
        os.close(self._lock)


def open_scratch() -> Scratch | None:
    """The build's folder, or None where TMPDIR cannot take one (the build then uses TMPDIR as it is)."""
    if fcntl is None:
        return None
    try:
        return Scratch()
    except OSError:
        return None


def sweep(base: Path) -> list[str]:
    """Remove the folders of builds that are gone (killed) from `base`; the names removed."""
    removed: list[str] = []
    if fcntl is None:
        return removed
    try:
        entries = list(os.scandir(base))
    except OSError:
        return removed
    uid = os.getuid()
    for entry in entries:
        if not entry.name.startswith(PREFIX):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid:
            continue
        try:
            fd = os.open(os.path.join(entry.path, LOCK), os.O_RDONLY | os.O_CLOEXEC | os.O_NOFOLLOW)
        except FileNotFoundError:
            continue  # a build of an earlier version, or one between mkdtemp and its lock
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # its build is running
        else:
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(entry.name)
        finally:
            os.close(fd)
    return removed
