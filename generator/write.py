"""Guarded, atomic output: write into a staging folder beside the site, then swap it in.

The swap uses Linux's renameat2(RENAME_EXCHANGE), so at every instant `site/` is either
the complete previous build or the complete new one. Where the kernel or filesystem
cannot exchange (or SITE_BUILD_NO_EXCHANGE is set, as the tests do to cover this path),
two renames are used, and a build interrupted between them leaves `site/` missing for that
instant; the next run (`recover`) restores the previous build before doing anything else.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath

from .faults import checkpoint

STAGING_PREFIX = ".site-staging-"
OLD_PREFIX = ".site-old-"


class OutputError(Exception):
    pass


def safe_join(root: Path, relative: str) -> Path:
    """`root/relative`, refusing absolute paths, `..`, backslashes and empty parts."""
    pure = PurePosixPath(relative)
    if (pure.is_absolute() or not relative or "\\" in relative or any(p in ("", ".", "..") for p in pure.parts)
            or "\x00" in relative):
        raise OutputError(f"refusing to write outside the site: {relative!r}")
    return root.joinpath(*pure.parts)


def staging_for(site: Path) -> Path:
    return site.parent / f"{STAGING_PREFIX}{site.name}-{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(site: Path) -> None:
    """Repair what an interrupted build left: restore a swapped-out site, drop dead staging."""
    parent = site.parent
    if not parent.exists():
        return
    olds = sorted(parent.glob(f"{OLD_PREFIX}{site.name}-*"))
    if not site.exists() and olds:
        os.rename(olds[-1], site)
        olds = olds[:-1]
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)
    for staging in parent.glob(f"{STAGING_PREFIX}{site.name}-*"):
        pid = staging.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _alive(int(pid)) or int(pid) == os.getpid():
            shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _discard(folder: Path, site: Path) -> None:
    """Remove a replaced site without making the build wait for it.

    It is renamed to an `.site-old-*` name first, so a removal cut short is finished by the
    next build's `recover`; the removal itself runs in a detached `rm`.
    """
    old = site.parent / f"{OLD_PREFIX}{site.name}-{os.getpid()}"
    os.rename(folder, old)
    try:
        subprocess.Popen(["rm", "-rf", "--", str(old)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(old, ignore_errors=True)


def publish(staging: Path, site: Path) -> None:
    """Make the staged build the site, atomically where the system allows."""
    if not site.exists():
        os.rename(staging, site)
        return
    if not os.environ.get("SITE_BUILD_NO_EXCHANGE") and _exchange(staging, site):
        checkpoint("swap-exchanged")
        _discard(staging, site)
        return
    old = site.parent / f"{OLD_PREFIX}{site.name}-{os.getpid()}"
    os.rename(site, old)
    checkpoint("swap-between-renames")
    os.rename(staging, site)
    checkpoint("swap-renamed")
    _discard(old, site)


class Output:
    """The staging folder being filled; every path checked, no file written twice.

    A file whose bytes equal those of the same file in the previous site is hard-linked to
    it instead of written: after a small correction only the pages it affects are new
    files, and a server or a sync tool sees the rest unchanged.
    """

    def __init__(self, root: Path, previous: Path | None = None):
        self.root = root
        self.previous = previous
        self.written: dict[str, int] = {}
        #: path → (inode, size, mtime) of each file as written: what `reuse` recognises it by.
        self.stamps: dict[str, tuple[int, int, int]] = {}
        self.linked = 0

    def forked(self) -> None:
        """In a second process (generator/parallel.py): account only for what it writes."""
        self.written, self.stamps, self.linked = {}, {}, 0

    def child_state(self) -> tuple[dict[str, int], dict[str, tuple[int, int, int]], int]:
        return self.written, self.stamps, self.linked

    def merge(self, state: tuple[dict[str, int], dict[str, tuple[int, int, int]], int]) -> None:
        written, stamps, linked = state
        both = set(written) & set(self.written)
        if both:
            raise OutputError(f"two outputs for one path: {sorted(both)[0]}")
        self.written.update(written)
        self.stamps.update(stamps)
        self.linked += linked

    def reuse(self, stamps: dict[str, tuple[int, int, int]]) -> bool:
        """Link files of the previous site that are still exactly as a build wrote them.

        All or nothing: if any file is missing or was touched since (another inode, size or
        time), nothing is linked and False says the files must be made again.
        """
        if self.previous is None or any(p in self.written for p in stamps):
            return False
        for relative, stamp in stamps.items():
            try:
                st = os.stat(safe_join(self.previous, relative), follow_symlinks=False)
            except OSError:
                return False
            if (st.st_ino, st.st_size, st.st_mtime_ns) != stamp:
                return False
        done = []
        try:
            for relative, stamp in stamps.items():
                path = safe_join(self.root, relative)
                path.parent.mkdir(parents=True, exist_ok=True)
                os.link(safe_join(self.previous, relative), path)
                done.append(path)
        except OSError:
            for path in done:
                path.unlink(missing_ok=True)
            return False
        for relative, stamp in stamps.items():
            self.written[relative] = stamp[1]
            self.stamps[relative] = stamp
        self.linked += len(stamps)
        return True

    def write(self, relative: str, data: bytes) -> None:
        if relative in self.written:
            raise OutputError(f"two outputs for one path: {relative}")
        path = safe_join(self.root, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.written[relative] = len(data)
        if self.previous is not None and self._same(safe_join(self.previous, relative), data):
            try:
                os.link(safe_join(self.previous, relative), path)
                self.linked += 1
                self._stamp(relative, path)
                return
            except OSError:
                pass  # a filesystem without hard links: write the bytes
        path.write_bytes(data)
        self._stamp(relative, path)

    def _stamp(self, relative: str, path: Path) -> None:
        st = os.stat(path)
        self.stamps[relative] = (st.st_ino, st.st_size, st.st_mtime_ns)

    @staticmethod
    def _same(old: Path, data: bytes) -> bool:
        try:
            if old.is_symlink() or old.stat().st_size != len(data):
                return False
            return old.read_bytes() == data
        except OSError:
            return False
