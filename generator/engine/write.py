"""Guarded, atomic output that costs what changed: two trees behind one link.

The site folder a user names (`site/`) is a symbolic link to one of two trees kept beside
it, `.site-trees-site/a` and `.../b`. A build brings the tree not shown up to date with the
one shown, writes into it only the files whose bytes changed, removes the files no longer
made, and then points the link at it with one rename(2), which is atomic: at every instant
`site/` is the complete previous build or the complete new one, and a reader never sees a
mix. Unchanged files are hard links shared by both trees, so a rebuild after one
correction touches that correction's files and the few it changes elsewhere, not the
300,000 others, and the disk holds one copy of each unchanged file.

Bringing the hidden tree up to date applies the shown tree's own changes (it is one build
behind: the paths that build changed and removed, kept in its state file) as hard links. A
tree whose state is unknown (never built, or a build was killed while writing into it) is
made again from the shown tree's list of files, by hard links. A failed or killed build
leaves the link where it was; the next build redoes the hidden tree.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .faults import checkpoint

#: Left by builds of earlier versions, which built into a staging folder and swapped it in.
STAGING_PREFIX = ".site-staging-"
OLD_PREFIX = ".site-old-"
TREES_PREFIX = ".site-trees-"
TREE_NAMES = ("a", "b")
TREES_MARKER = ".disclosure-trees"


class OutputError(Exception):
    pass


def safe_join(root: Path, relative: str) -> Path:
    """`root/relative`, refusing absolute paths, `.` and `..`, backslashes, NUL and empty parts."""
    return Path(safe_path(str(root), relative))


def safe_path(root: str, relative: str) -> str:
    """`safe_join` as a string (a build checks every path it writes: this is the cheap form)."""
    if (not relative or relative[0] == "/" or "\\" in relative or "\x00" in relative
            or "//" in relative or relative[-1] == "/" or _DOTS.search(relative)):
        raise OutputError(f"refusing to write outside the site: {relative!r}")
    return f"{root}/{relative}"


#: A part `.` or `..` of a relative path.
_DOTS = re.compile(r"(?:^|/)\.\.?(?:/|$)")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(site: Path) -> None:
    """Repair what a build of an earlier version left: a swapped-out site, dead staging."""
    parent = site.parent
    if not parent.exists():
        return
    olds = sorted(parent.glob(f"{OLD_PREFIX}{site.name}-*"))
    if not site.exists() and not site.is_symlink() and olds:
        os.rename(olds[-1], site)
        olds = olds[:-1]
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)
    for staging in parent.glob(f"{STAGING_PREFIX}{site.name}-*"):
        pid = staging.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _alive(int(pid)) or int(pid) == os.getpid():
            shutil.rmtree(staging, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two names (a folder and a link); False where the system cannot."""
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
    """Remove a folder without making the build wait: renamed to `.site-old-*` first, so a
    removal cut short is finished by the next build's `recover`, then a detached `rm`."""
    old = site.parent / f"{OLD_PREFIX}{site.name}-{os.getpid()}-{folder.name}"
    os.rename(folder, old)
    try:
        subprocess.Popen(["rm", "-rf", "--", str(old)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(old, ignore_errors=True)


@dataclass
class TreeState:
    """What a tree holds: the build it is (`serial`), complete or not, its files, and how it
    differs from the build before it (what that build changed and removed)."""

    serial: int = 0
    complete: bool = False
    files: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


class Trees:
    """The two trees behind the site link, and the link itself."""

    def __init__(self, site: Path):
        self.site = site
        self.folder = site.parent / f"{TREES_PREFIX}{site.name}"

    def _state_path(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def state(self, name: str) -> TreeState:
        try:
            raw = json.loads(self._state_path(name).read_text(encoding="utf-8"))
            return TreeState(int(raw["serial"]), bool(raw["complete"]), list(raw["files"]), list(raw["changed"]),
                             list(raw["removed"]))
        except (OSError, ValueError, KeyError, TypeError):
            return TreeState()

    def _save(self, name: str, state: TreeState) -> None:
        path = self._state_path(name)
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text(json.dumps(state.__dict__, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(temp, path)

    def shown(self) -> str | None:
        """The tree the link points at, or None (no site yet, or a folder of an earlier version)."""
        if not self.site.is_symlink():
            return None
        target = os.readlink(self.site)
        parts = PurePosixPath(target).parts
        if len(parts) == 2 and parts[0] == self.folder.name and parts[1] in TREE_NAMES:
            return parts[1]
        return None

    def prepare(self) -> tuple[Path, TreeState]:
        """The hidden tree made equal to the shown one, marked incomplete until published:
        its root and the shown tree's state."""
        self.folder.mkdir(exist_ok=True)
        marker = self.folder / TREES_MARKER
        if not marker.exists():
            marker.write_bytes(b"")
        shown = self.shown()
        if shown is None and self.site.is_dir() and not self.site.is_symlink():
            shown_root: Path | None = self.site  # a site folder of an earlier version: its files are copied once
            shown_state = TreeState(0, True, _walk(self.site))
        elif shown is not None:
            shown_root, shown_state = self.folder / shown, self.state(shown)
            if not shown_state.complete:  # a state lost by hand: read the tree
                shown_state = TreeState(shown_state.serial, True, _walk(shown_root))
        else:
            shown_root, shown_state = None, TreeState()
        hidden = "b" if shown == "a" else "a"
        root = self.folder / hidden
        state = self.state(hidden)
        self._save(hidden, TreeState(state.serial, False, state.files))  # unknown until published
        checkpoint("tree-marked")
        self.remade = False
        if (shown_root is not None and state.complete and state.serial == shown_state.serial - 1
                and root.is_dir()):
            for relative in shown_state.removed:
                _unlink(safe_join(root, relative))
            for relative in shown_state.changed:
                _link_over(safe_join(shown_root, relative), safe_join(root, relative))
        else:
            self.remade = True
            if root.exists() or root.is_symlink():
                _discard(root, self.site)
            root.mkdir()
            if shown_root is not None:
                _link_all(shown_root, root, shown_state.files)
        checkpoint("tree-synced")
        return root, shown_state

    def mirror(self, root: Path) -> None:
        """After publishing `root` into a tree that had to be made whole (a first build, or after
        a killed one): make the other tree its mirror now, by hard links, so the next build
        syncs only what changes rather than linking every file of the site again."""
        shown = self.state(root.name)
        other = self.folder / ("b" if root.name == "a" else "a")
        self._save(other.name, TreeState(0, False))  # unknown until it is whole
        if other.exists() or other.is_symlink():
            _discard(other, self.site)
        other.mkdir()
        _link_all(root, other, shown.files)
        checkpoint("mirrored")
        # The other tree now stands as a clean sync of the shown one: nothing is left to apply.
        self._save(other.name, TreeState(shown.serial - 1, True, shown.files))
        self._save(root.name, TreeState(shown.serial, True, shown.files, [], []))

    def restore(self, root: Path, shown_state: TreeState, changed: list[str]) -> None:
        """After a failed build: undo what it wrote into the hidden tree (each file it changed is
        linked again from the shown tree, or removed), so the next build need not remake the tree.
        Anything amiss leaves the tree marked incomplete, and the next build remakes it whole."""
        shown = self.shown()
        if shown is None or shown == root.name:
            return
        shown_root = self.folder / shown
        try:
            files = set(shown_state.files)
            for relative in changed:
                if relative in files:
                    _link_over(safe_join(shown_root, relative), safe_join(root, relative))
                else:
                    _unlink(safe_join(root, relative))
        except (OSError, OutputError):
            return
        # The tree is the shown one again, as a clean sync from the build before it leaves it.
        self._save(root.name, TreeState(shown_state.serial - 1, True, shown_state.files))

    def publish(self, root: Path, shown_state: TreeState, files: list[str], changed: list[str],
                removed: list[str]) -> None:
        """Record the hidden tree's new state, then point the link at it in one rename."""
        name = root.name
        self._save(name, TreeState(shown_state.serial + 1, True, files, changed, removed))
        checkpoint("before-swap")
        link = self.site.parent / f".{self.site.name}.link-{os.getpid()}"
        link.unlink(missing_ok=True)
        os.symlink(f"{self.folder.name}/{name}", link)
        if self.site.is_dir() and not self.site.is_symlink():
            # A site folder of an earlier version: swap it for the link, then remove it.
            if not os.environ.get("SITE_BUILD_NO_EXCHANGE") and _exchange(link, self.site):
                checkpoint("swap-exchanged")
                _discard(link, self.site)
            else:
                old = self.site.parent / f"{OLD_PREFIX}{self.site.name}-{os.getpid()}"
                os.rename(self.site, old)
                checkpoint("swap-between-renames")
                os.rename(link, self.site)
                _discard(old, self.site)
        else:
            os.replace(link, self.site)
            checkpoint("swap-exchanged")


def _walk(root: Path) -> list[str]:
    out = []
    for folder, _, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        for name in names:
            out.append(name if rel == "." else f"{rel}/{name}")
    return sorted(out)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    parent = path.parent
    try:
        while not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    except OSError:
        pass


def _same_files(a: Path, b: Path, size: int) -> bool:
    """Whether two files hold the same bytes (a is not a link and has `size` bytes)."""
    try:
        if a.is_symlink() or a.stat().st_size != size:
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                x, y = fa.read(1 << 20), fb.read(1 << 20)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


def _link_all(source: Path, target: Path, files: list[str]) -> None:
    """Make each of `files` in the tree `source` a file of the new tree `target` too, by hard link."""
    made: set[Path] = set()
    for relative in files:
        path = safe_join(target, relative)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        try:
            os.link(safe_join(source, relative), path)
        except FileNotFoundError:
            pass  # removed by hand from the shown tree: the build makes it again


def _link_over(source: Path, target: Path) -> None:
    """`target` becomes another name of `source`, atomically replacing what it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if os.path.samestat(os.stat(source), os.stat(target, follow_symlinks=False)):
            return  # already that file (rename(2) over another name of it would leave the temporary)
    except OSError:
        pass
    temp = target.with_name(f".{target.name}.link-{os.getpid()}")
    temp.unlink(missing_ok=True)
    try:
        os.link(source, temp)
    except FileNotFoundError:
        _unlink(target)
        return
    os.replace(temp, target)


def _stamp_of(st: os.stat_result) -> tuple[int, int, int]:
    """What a file as written is recognised by: its inode, size and modification time."""
    return st.st_ino, st.st_size, st.st_mtime_ns


def _write_new(path: str, data: bytes) -> os.stat_result | None:
    """`data` into a file created at `path` (none may be there: None if one is), and its stat."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        return os.fstat(fd)
    finally:
        os.close(fd)


class Output:
    """The hidden tree being written; every path checked, no file written twice.

    `existing` are the files the tree holds already (those of the shown site, linked). A
    file whose bytes are already there is left as it is; another is written under a
    temporary name and renamed into place, so the shown tree, which shares the old file,
    keeps it. `finish` removes the existing files this build did not make.
    """

    def __init__(self, root: Path, existing=None, shared: bool = False):
        self.root = root
        #: With `shared`, `existing` is a set used as it is (a writer per department shares the build's).
        self.existing = existing if shared else set(existing or ())
        self.written: dict[str, int] = {}
        #: path → (inode, size, mtime) of each file as written: what `reuse` recognises it by.
        self.stamps: dict[str, tuple[int, int, int]] = {}
        self.linked = 0
        self.changed: list[str] = []
        #: Folders known to exist in the tree.
        self._folders: set[str] = set()

    def child_state(self) -> tuple[dict[str, int], dict[str, tuple[int, int, int]], int, list[str]]:
        """What this writer wrote, kept and linked: a worker's writer hands it to the build's (`merge`)."""
        return self.written, self.stamps, self.linked, self.changed

    def merge(self, state: tuple[dict[str, int], dict[str, tuple[int, int, int]], int, list[str]]) -> None:
        written, stamps, linked, changed = state
        both = sorted(path for path in written if path in self.written)
        if both:
            raise OutputError(f"two outputs for one path: {both[0]}")
        self.written.update(written)
        self.stamps.update(stamps)
        self.linked += linked
        self.changed.extend(changed)

    def stamps_of(self, paths: Iterable[str]) -> dict[str, tuple[int, int, int]]:
        """The stamps of files written: what a memo keeps, for `reuse` to find them as written."""
        return {path: self.stamps[path] for path in paths}

    def reuse(self, stamps: dict[str, tuple[int, int, int]]) -> bool:
        """Keep a department's files that are still exactly as a build wrote them.

        All or nothing: if any file is missing or was touched since (another inode, size or
        time), nothing is kept and False says the files must be made again.
        """
        written, existing = self.written, self.existing
        if not written.keys().isdisjoint(stamps) or not all(relative in existing for relative in stamps):
            return False
        # The paths are those a build wrote (checked then), read from its own store: only
        # looked at here, with lstat, so not checked again (68,000 of them at 10,000 reports,
        # each file's few steps of Python a large part of a build that changed nothing).
        root = f"{self.root}/"
        try:
            found = [(st.st_ino, st.st_size, st.st_mtime_ns) for st in map(os.lstat, [root + r for r in stamps])]
        except OSError:
            return False
        if found != list(stamps.values()):
            return False
        written.update(zip(stamps, [stamp[1] for stamp in found]))
        self.stamps.update(stamps)
        self.linked += len(stamps)
        return True

    def _path(self, relative: str) -> str:
        if relative in self.written:
            raise OutputError(f"two outputs for one path: {relative}")
        return safe_path(str(self.root), relative)

    def _folder(self, path: Path | str) -> None:
        folder = os.path.dirname(path)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)

    def _temporary(self, relative: str, path: Path) -> Path:
        """Where a new file is written before it is renamed into place: never in place, for the
        file there may be a link shared with the shown tree."""
        self._folder(path)
        if path.is_dir() and not path.is_symlink():
            raise OutputError(f"refusing to write over a folder: {relative}")
        return path.with_name(f".{path.name}.new-{os.getpid()}")

    def write(self, relative: str, data: bytes) -> None:
        path = self._path(relative)
        self.written[relative] = len(data)
        if relative in self.existing:
            if self._same(Path(path), data):
                self.linked += 1
                self._stamp(relative, path)
                return
        else:
            # A path the tree does not hold: written in place, created exclusively, for no file
            # of the shown tree can be there (one that is, left by a killed build or put by
            # hand, is written over by renaming, as below).
            self._folder(path)
            st = _write_new(path, data)
            if st is not None:
                self.changed.append(relative)
                self.stamps[relative] = _stamp_of(st)
                return
        temp = self._temporary(relative, Path(path))
        temp.write_bytes(data)
        os.replace(temp, path)
        self.changed.append(relative)
        self._stamp(relative, path)

    def write_file(self, relative: str, fill) -> tuple[int, str]:
        """Write a file made by `fill(binary file)` (a large download, written as it is made
        rather than held in memory): its size and SHA-256. Kept as it was when the bytes are the same."""
        path = Path(self._path(relative))
        temp = self._temporary(relative, path)
        with open(temp, "w+b") as out:
            fill(out)
            size = out.tell()
            out.seek(0)
            digest = hashlib.sha256()
            while chunk := out.read(1 << 20):
                digest.update(chunk)
        self.written[relative] = size
        if relative in self.existing and _same_files(path, temp, size):
            temp.unlink()
            self.linked += 1
        else:
            os.replace(temp, path)
            self.changed.append(relative)
        self._stamp(relative, path)
        return size, digest.hexdigest()

    def write_chunks(self, relative: str, chunks) -> tuple[int, str]:
        """`write` of bytes given in pieces: its size and SHA-256."""
        def fill(out) -> None:
            for chunk in chunks:
                out.write(chunk)

        return self.write_file(relative, fill)

    def finish(self) -> list[str]:
        """Remove the files of the previous site this build did not make; what was removed."""
        removed = sorted(self.existing - set(self.written))
        for relative in removed:
            _unlink(safe_join(self.root, relative))
        return removed

    def _stamp(self, relative: str, path: Path | str) -> None:
        self.stamps[relative] = _stamp_of(os.stat(path))

    @staticmethod
    def _same(old: Path, data: bytes) -> bool:
        try:
            if old.is_symlink() or old.stat().st_size != len(data):
                return False
            return old.read_bytes() == data
        except OSError:
            return False


class Recorder:
    """A view of a tree writer that records the paths written through it: what one department,
    page or data file made, for its memo."""

    def __init__(self, output: Output):
        self.output = output
        self.paths: list[str] = []

    def write(self, path: str, payload: bytes) -> None:
        self.output.write(path, payload)
        self.paths.append(path)

    def write_chunks(self, path: str, chunks) -> tuple[int, str]:
        self.paths.append(path)
        return self.output.write_chunks(path, chunks)

    def write_file(self, path: str, fill) -> tuple[int, str]:
        self.paths.append(path)
        return self.output.write_file(path, fill)
