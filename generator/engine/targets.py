"""Where a build may write: the output folder it replaces and the cache folder it prunes.

A build swaps its staging folder with the output and deletes what was there, and it deletes
cache entries it did not use. Both are only safe on folders this generator made, so each
carries a marker file the build writes, and every target is judged before any work:

- a target that does not exist yet, or is an empty folder, is taken;
- a folder holding the marker is taken;
- anything else is refused: a regular file, a link, a folder without the marker, a folder
  that is or contains the content or the project, or lies inside the content or the code,
  a home folder, the file system root or a system folder.

The cache holds pickles, and unpickling runs code, so the cache folder and every folder
above it must also be writable by its owner only (or be sticky, like /tmp), as OpenSSH's
StrictModes asks of ~/.ssh: whoever else could write there could run code in the next build.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..content.messages import Said, SaidError, say
from .write import TREES_MARKER, Trees

#: The output root's marker: its bytes are fixed, so a build stays byte-identical.
SITE_MARKER = ".disclosure-site"
SITE_MARKER_TEXT = ("部门预算绩效公开平台 generator output. A build replaces this whole folder;\n"
                    "do not keep other files in it.\n").encode()
CACHE_MARKER = ".disclosure-cache"
CACHE_MARKER_TEXT = ("部门预算绩效公开平台 build cache. Builds delete entries they did not use;\n"
                     "do not keep other files in it.\n").encode()

PROJECT = Path(__file__).resolve().parent.parent.parent
#: Folders of the project a target may never be in or contain.
CODE_FOLDERS = ("generator", "templates", "tests", "schema", "scripts", "deploy", "benchmarks", "vendor", ".git")

#: System folders: never a target, nor anything that contains one.
SYSTEM = frozenset(Path(p) for p in (
    "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt",
    "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/var/tmp", "/var/lib",
    "/var/log", "/var/www", "/usr/local", "/usr/bin", "/usr/lib", "/usr/share", "/private", "/System", "/Users",
    "/Library", "/Applications", "/Volumes"))
#: Inside these nothing is ever written, whatever the folder is called.
SYSTEM_TREES = tuple(Path(p) for p in ("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc",
                                       "/sbin", "/sys", "/usr/bin", "/usr/lib", "/usr/sbin", "/usr/include"))


class TargetError(SaidError):
    """A folder a build was asked to write to and must not; the message (of the catalogue, worded
    when shown) is for the user."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _homes() -> set[Path]:
    homes = set()
    for raw in (os.environ.get("HOME"), os.path.expanduser("~")):
        if raw and raw not in ("/", ""):
            homes.add(Path(raw).resolve())
    try:
        import pwd

        homes.update(Path(entry.pw_dir).resolve() for entry in pwd.getpwall() if entry.pw_dir not in ("/", ""))
    except (ImportError, KeyError, OSError):
        pass
    return homes


def _common_refusals(what: Said, target: Path, content: Path | None) -> None:
    """What no output or cache folder may be, whatever it holds."""
    shown = str(target)
    if target in SYSTEM or any(_inside(target, tree) for tree in SYSTEM_TREES):
        raise TargetError(say("target.system", what=what, path=shown))
    if any(_inside(system, target) for system in SYSTEM if system != Path("/")):
        raise TargetError(say("target.contains_system", what=what, path=shown))
    if target in _homes():
        raise TargetError(say("target.home", what=what, path=shown))
    if _inside(PROJECT, target):
        raise TargetError(say("target.project", what=what, path=shown, default=str(PROJECT / "site")))
    for name in CODE_FOLDERS:
        if _inside(target, PROJECT / name):
            raise TargetError(say("target.code", what=what, path=shown, name=name))
    if content is not None:
        if _inside(content, target):
            raise TargetError(say("target.holds_content", what=what, path=shown, content=str(content)))
        if _inside(target, content):
            raise TargetError(say("target.in_content", what=what, path=shown, content=str(content)))


def _existing(what: Said, given: Path, marker: str, flag: Said | str) -> None:
    """A target that exists: a folder that is empty or carries the marker, nothing else."""
    try:
        st = os.lstat(given)
    except FileNotFoundError:
        return
    except OSError as err:
        raise TargetError(say("target.unreadable", what=what, path=str(given), reason=err.strerror)) from None
    if stat.S_ISLNK(st.st_mode):
        raise TargetError(say("target.link", what=what, path=str(given)))
    if not stat.S_ISDIR(st.st_mode):
        raise TargetError(say("target.file", what=what, path=str(given)))
    try:
        names = os.listdir(given)
    except OSError as err:
        raise TargetError(say("target.unreadable", what=what, path=str(given), reason=err.strerror)) from None
    if names and marker not in names:
        raise TargetError(say("target.foreign", what=what, path=str(given), marker=marker, flag=flag))


def _own_link(out: Path) -> bool:
    """Whether `out` is the link a build made, to one of the two trees beside it (write.Trees)."""
    trees = Trees(out)
    shown = trees.shown()
    return shown is not None and (trees.folder / shown / SITE_MARKER).is_file()


def check_output(out: Path, content: Path | None) -> Path:
    """The output's absolute path (the link itself, not where it points), or TargetError
    saying why the build must not replace it."""
    out = Path(out)
    link = out.parent.resolve() / out.name
    if out.name in ("", ".", ".."):
        link = out.resolve()
    own = _own_link(link)
    _common_refusals(say("target.what.out"), link if own else link.resolve(),
                     content.resolve() if content is not None else None)
    if not own:
        _existing(say("target.what.out"), link, SITE_MARKER, "")
    _existing(say("target.what.trees"), Trees(link).folder, TREES_MARKER, "")
    return link


def check_cache(cache: Path, content: Path | None, out: Path | None) -> Path:
    """The resolved cache folder, or TargetError saying why builds must not use it."""
    cache = Path(cache)
    resolved = cache.resolve()
    what = say("target.what.cache")
    _common_refusals(what, resolved, content.resolve() if content is not None else None)
    if out is not None:
        site = Path(out).resolve()
        if _inside(resolved, site) or _inside(site, resolved):
            raise TargetError(say("target.overlap", what=what, path=str(cache), out=str(out)))
    _existing(what, cache, CACHE_MARKER, say("target.or_no_cache"))
    unsafe = _writable_by_others(resolved)
    if unsafe is not None:
        folder, mode = unsafe
        raise TargetError(say("target.unsafe", what=what, path=str(folder), mode=mode))
    return resolved


def _writable_by_others(folder: Path) -> tuple[Path, int] | None:
    """The first existing folder from `folder` up to the root that someone else could change."""
    uid = os.geteuid()
    for path in (folder, *folder.parents):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            continue
        except OSError:
            return path, 0
        mode = stat.S_IMODE(st.st_mode)
        if st.st_uid not in (uid, 0):
            return path, mode
        if mode & 0o022 and not (path != folder and mode & stat.S_ISVTX):
            return path, mode
    return None
