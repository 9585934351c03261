"""A build cache keyed by content hashes, so unchanged files are not parsed or checked again.

Parsing a year file (YAML, then the model's validation) and running its checks cost about
20 ms; unpickling their results costs about 1.5 ms. An entry's key is the SHA-256 of what
the result depends on (the file's bytes, its path, the code that made it), so an entry is
never stale: a changed file or a changed generator simply misses. Entries a build did not
use are removed after it succeeds, so the cache holds one build's worth.

Layout: `<cache>/<kind>/<key>.pickle`, and the marker `.disclosure-cache` that lets a later
build recognise the folder as its own. The cache is the builder's own scratch space, written
and read by this machine's builds only: pickle runs code on load, so a build refuses a cache
folder that anyone but its owner could write to, or that lies under such a folder
(generator/engine/targets.py), and makes its folders writable by the owner alone.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .targets import CACHE_MARKER, CACHE_MARKER_TEXT

T = TypeVar("T")

_GENERATOR = Path(__file__).resolve().parent.parent


def code_version() -> str:
    """A digest of the generator's code, Python's version and every installed distribution.

    Every library on the path may change what a build makes (Jinja2 and markdown-it-py
    render the pages, pydantic and PyYAML load them, mdurl and MarkupSafe sit below those),
    so each one's name and version counts, read from the `*.dist-info` folder names on
    sys.path: a version change renames the folder, and listing a folder costs next to nothing.
    The names count as one sorted set, not per entry of sys.path, so processes whose paths
    differ only in folders holding no library (a Dask worker adds its scratch folders, the
    `dask worker` command its own bin folder) agree on the digest, and so on the store's keys.
    """
    digest = hashlib.sha256(sys.version.encode())
    found: set[str] = set()
    for entry in sys.path:
        try:
            found.update(n for n in os.listdir(entry or ".") if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
    digest.update(b"\0dists\0" + "\0".join(sorted(found)).encode())
    for path in sorted(_GENERATOR.rglob("*.py")):
        if path.relative_to(_GENERATOR).parts[0] in BUILD_NEVER_IMPORTS:
            continue
        digest.update(path.relative_to(_GENERATOR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


#: The generator's packages no build imports (tests/test_cache.py holds a build to it): a change to
#: the importer leaves a province's store of built departments as it is.
BUILD_NEVER_IMPORTS = ("importer",)


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


class Cache:
    """Pickled results under `folder`, by kind and key; `None` as the folder caches nothing."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.version = code_version() if folder is not None else ""
        self.used: dict[str, set[str]] = {}
        self.hits = 0
        self.misses = 0
        self._marked = False

    def get_or_make(self, kind: str, parts: tuple[str | bytes, ...], make: Callable[[], T]) -> T:
        """The entry for `parts`, made and kept if there is none. An empty part is a thing
        not known (a report made in code has no file digest): the value is made, not kept."""
        if any(part == "" for part in parts):
            return make()
        found = self.get(kind, parts)
        if found is not None:
            return found
        value = make()
        self.misses += 1
        self.put(kind, parts, value)
        return value

    def get(self, kind: str, parts: tuple[str | bytes, ...]) -> Any:
        """The entry for `parts`, or None; either way it is kept by `prune`. (Typed Any: the caller
        knows what it put there, and whether it can be missing.)"""
        pickled = self.get_raw(kind, parts)
        if pickled is None:
            return None
        try:
            value = pickle.loads(pickled)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        self.hits += 1
        return value

    def get_raw(self, kind: str, parts: tuple[str | bytes, ...]) -> bytes | None:
        """The entry for `parts` as pickled, or None (for a value kept with others, `put` as bytes);
        either way it is kept by `prune`."""
        if self.folder is None:
            return None
        name = key(self.version, kind, *parts)
        self.used.setdefault(kind, set()).add(name)
        try:
            return (self.folder / kind / f"{name}.pickle").read_bytes()
        except OSError:
            return None

    def keep(self, kind: str, parts: tuple[str | bytes, ...]) -> None:
        """Keep the entry for `parts` through `prune` without reading it (one a worker process used)."""
        if self.folder is not None:
            self.used.setdefault(kind, set()).add(key(self.version, kind, *parts))

    def put(self, kind: str, parts: tuple[str | bytes, ...], value: Any) -> None:
        self._put(kind, parts, lambda f: pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL))

    def put_raw(self, kind: str, parts: tuple[str | bytes, ...], pickled: bytes) -> None:
        """Keep a value pickled already (one whose pickle serves something else too)."""
        self._put(kind, parts, lambda f: f.write(pickled))

    def _put(self, kind: str, parts: tuple[str | bytes, ...], write: Callable[[Any], Any]) -> None:
        if self.folder is None:
            return
        name = key(self.version, kind, *parts)
        self.used.setdefault(kind, set()).add(name)
        self._store(self.folder / kind / f"{name}.pickle", write)

    def subfolder(self, name: str) -> Path | None:
        """A folder of the cache's own for what is not kept as pickles (compiled templates), or
        None when there is no cache or it cannot be written."""
        if self.folder is None:
            return None
        try:
            self._mark()
            (self.folder / name).mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
        return self.folder / name

    def _mark(self) -> None:
        if not self._marked:
            assert self.folder is not None  # (a cache without a folder writes nothing)
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            marker = self.folder / CACHE_MARKER
            if not marker.exists():
                marker.write_bytes(CACHE_MARKER_TEXT)
            self._marked = True

    def _store(self, path: Path, write: Callable[[Any], Any]) -> None:
        try:
            self._mark()
            path.parent.mkdir(mode=0o700, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                write(f)
            os.replace(temp, path)
        except OSError:
            pass  # a read-only or full disk: the build goes on without caching

    def prune(self) -> None:
        """Remove the entries of every kind this build used that it did not use."""
        if self.folder is None:
            return
        for kind, names in self.used.items():
            try:
                entries = list(os.scandir(self.folder / kind))
            except OSError:
                continue
            for entry in entries:
                if entry.name.endswith(".pickle") and entry.name[:-7] not in names or entry.name.startswith(".tmp-"):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
