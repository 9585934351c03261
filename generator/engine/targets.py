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


class TargetError(Exception):
    """A folder a build was asked to write to and must not; the message is for the user."""


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


def _common_refusals(what: str, target: Path, content: Path | None) -> None:
    """What no output or cache folder may be, whatever it holds."""
    shown = str(target)
    if target in SYSTEM or any(_inside(target, tree) for tree in SYSTEM_TREES):
        raise TargetError(f"{what} {shown} 是系统文件夹，拒绝写入——请指定一个专用的新文件夹")
    if any(_inside(system, target) for system in SYSTEM if system != Path("/")):
        raise TargetError(f"{what} {shown} 包含系统文件夹，拒绝写入——请指定一个专用的新文件夹")
    if target in _homes():
        raise TargetError(f"{what} {shown} 是用户主目录，拒绝写入——请指定其下一个专用的新文件夹")
    if _inside(PROJECT, target):
        raise TargetError(f"{what} {shown} 是本项目文件夹或包含它，拒绝写入——默认输出为 {PROJECT / 'site'}")
    for name in CODE_FOLDERS:
        if _inside(target, PROJECT / name):
            raise TargetError(f"{what} {shown} 位于本项目的 {name}/ 文件夹内，拒绝写入")
    if content is not None:
        if _inside(content, target):
            raise TargetError(f"{what} {shown} 是内容文件夹或包含它（{content}），构建会删除其中的内容，拒绝写入")
        if _inside(target, content):
            raise TargetError(f"{what} {shown} 位于内容文件夹 {content} 内，拒绝写入——输出须放在内容文件夹之外")


def _existing(what: str, given: Path, marker: str, flag: str) -> None:
    """A target that exists: a folder that is empty or carries the marker, nothing else."""
    try:
        st = os.lstat(given)
    except FileNotFoundError:
        return
    except OSError as err:
        raise TargetError(f"{what} {given} 无法读取（{err.strerror}），拒绝写入") from None
    if stat.S_ISLNK(st.st_mode):
        raise TargetError(f"{what} {given} 是符号链接，拒绝写入——请直接指定实际文件夹")
    if not stat.S_ISDIR(st.st_mode):
        raise TargetError(f"{what} {given} 是已有的文件而不是文件夹，构建会删除它，拒绝写入")
    try:
        names = os.listdir(given)
    except OSError as err:
        raise TargetError(f"{what} {given} 无法读取（{err.strerror}），拒绝写入") from None
    if names and marker not in names:
        raise TargetError(f"{what} {given} 已存在且不是本程序生成的（缺少标记文件 {marker}），构建会删除其中的文件，"
                          f"拒绝写入——请指定一个新的或空的文件夹；若确是本程序旧版本生成的，删除后重新构建 {flag}")


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
    _common_refusals("输出文件夹 --out", link if own else link.resolve(),
                     content.resolve() if content is not None else None)
    if not own:
        _existing("输出文件夹 --out", link, SITE_MARKER, "")
    _existing("输出文件夹 --out 旁的站点存放处", Trees(link).folder, TREES_MARKER, "")
    return link


def check_cache(cache: Path, content: Path | None, out: Path | None) -> Path:
    """The resolved cache folder, or TargetError saying why builds must not use it."""
    cache = Path(cache)
    resolved = cache.resolve()
    what = "缓存文件夹 --cache"
    _common_refusals(what, resolved, content.resolve() if content is not None else None)
    if out is not None:
        site = Path(out).resolve()
        if _inside(resolved, site) or _inside(site, resolved):
            raise TargetError(f"{what} {cache} 与输出文件夹 {out} 重叠，拒绝使用——两者须是互不包含的文件夹")
    _existing(what, cache, CACHE_MARKER, "（或改用 --no-cache）")
    unsafe = _writable_by_others(resolved)
    if unsafe is not None:
        folder, mode = unsafe
        raise TargetError(f"{what} {folder} 可被其他用户写入或不属于当前用户（权限 {mode:04o}）：缓存读取时会执行其中的代码，"
                          f"拒绝使用——请执行 chmod go-w {folder}，或改用 --no-cache")
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
