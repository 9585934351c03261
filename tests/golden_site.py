"""The golden site: a small fixture site built whole and compared file by file with a golden tree.

`tests/fixtures/golden-site/content/` is a fictional site of three departments (four reports,
two years of one department) holding every page kind and every section of the content model;
`tests/golden-site/` is the site it builds, normalised (below). `tests/test_golden_site.py`
builds the fixture and compares every file, so any change to what the generator writes (a
template, a view, a number's format, a data file's column) shows up as a failing test with
the first differing line.

Regenerate with

    .venv/bin/python -m tests.golden_site

from a tree holding only the change you mean (a clean checkout of HEAD plus your change:
others' uncommitted edits would leak into it), then **read `git diff tests/golden-site/`
and check that every changed line is one you meant to change**. A golden diff is reviewed,
never blindly accepted: regenerating it to make the test pass, without reading it, makes
the test worthless.

What is normalised, and why:

- Asset names: `assets/site.c87fc84f59.css` is `assets/site.HASH.css`, in file names and in
  every reference to them, so a CSS or script change shows as a diff of that asset alone,
  not of every page. The assets' own bytes are still compared (but for plotly.js, below).
- Binary files, whose bytes depend on the zlib and SQLite libraries of the machine as well
  as on the generator: a SQLite database is compared by its SQL dump (`<name>.sql`: schema
  and rows, in rowid order), and so is a zipped one (`disclosures-2023.sqlite.zip.sql`: a
  comment naming its one entry, its date and compression, then the dump of the database it
  holds; not by CRC or size, which are the database's bytes); any other zip or workbook by
  its entries (`<name>.entries`: name, date, size and SHA-256 of each entry's uncompressed
  bytes), and where `data/datapackage.json` gives such a file's `bytes` and `hash`, by the
  path of the file (the content it stands for is compared through the file's own golden).
- `assets/plotly.HASH.js`, plotly.js's bundle copied from `vendor/` as published (1.2 MB,
  its hash pinned in vendor/README.md), by its SHA-256 alone (`<name>.sha256`).

Nothing else is: the build is deterministic (`tests/test_site.py`,
`tests/test_interrupted_builds.py`), its dates come from the content (SOURCE_DATE_EPOCH is
unset for the golden build), and the search index is compared as written.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONTENT = HERE / "fixtures" / "golden-site" / "content"
GOLDEN = HERE / "golden-site"

#: Files compared by a stable account of their content instead of their bytes: suffix → the
#: suffix of the golden file standing for them.
BINARY = {".sqlite": ".sql", ".zip": ".entries", ".xlsx": ".entries"}
#: A zipped database (`disclosures-2023.sqlite.zip`): by the dump of the database it holds.
ZIPPED_SQLITE = (".sqlite.zip", ".sql")
#: Asset names `stem.<10 hex digits>.ext` (generator/engine/pipeline.py `hashed_assets`).
HASHED = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{10})(?P<ext>\.[^.]+)?$")
#: Files compared by their SHA-256 alone: vendored as published, and large.
BY_DIGEST = ("assets/plotly.HASH.js",)


def sqlite_dump(payload: bytes) -> bytes:
    """A database as SQL: the same for the same tables and rows, whichever SQLite wrote it."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "db.sqlite"
        path.write_bytes(payload)
        db = sqlite3.connect(path)
        try:
            return ("\n".join(db.iterdump()) + "\n").encode("utf-8")
        finally:
            db.close()


def zipped_sqlite_dump(payload: bytes) -> bytes:
    """A zip of one database: its entry's name, date and compression, then the database's dump."""
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        infos = archive.infolist()
        if len(infos) != 1:
            raise AssertionError(f"a zipped database holds {len(infos)} entries: {archive.namelist()}")
        info = infos[0]
        stamp = "%04d-%02d-%02d %02d:%02d:%02d" % info.date_time
        method = "deflated" if info.compress_type == zipfile.ZIP_DEFLATED else f"compression {info.compress_type}"
        head = f"-- {info.filename}  {stamp}  {method}\n".encode("utf-8")
        return head + sqlite_dump(archive.read(info))


def zip_entries(payload: bytes) -> bytes:
    """A zip (or workbook) by its entries, in order: what it holds, not how zlib packed it."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            stamp = "%04d-%02d-%02d %02d:%02d:%02d" % info.date_time
            lines.append(f"{info.filename}  {stamp}  {len(data)} bytes  sha256:{hashlib.sha256(data).hexdigest()}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def normalise(site: Path) -> dict[str, bytes]:
    """Every file of a built site as the golden tree holds it: golden path → bytes."""
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    renamed = {}
    for path in files:
        folder, _, name = path.rpartition("/")
        match = HASHED.match(name) if folder == "assets" else None
        if match:
            renamed[path] = f"assets/{match['stem']}.HASH{match['ext'] or ''}"
    if len(set(renamed.values())) != len(renamed):
        raise AssertionError(f"two assets normalise to one name: {sorted(renamed)}")
    references = sorted(((old[len("assets/"):], new[len("assets/"):]) for old, new in renamed.items()),
                        key=lambda pair: -len(pair[0]))
    # A binary file's size and hash as the data package states them, by its path instead.
    stated = {}
    for path, payload in files.items():
        if Path(path).suffix in BINARY:
            stated[hashlib.sha256(payload).hexdigest()] = (len(payload), path)

    out: dict[str, bytes] = {}
    for path, payload in files.items():
        target = renamed.get(path, path)
        suffix = Path(path).suffix
        if suffix == ".sqlite":
            out[target + BINARY[suffix]] = sqlite_dump(payload)
            continue
        if path.endswith(ZIPPED_SQLITE[0]):
            out[target + ZIPPED_SQLITE[1]] = zipped_sqlite_dump(payload)
            continue
        if suffix in BINARY:
            out[target + BINARY[suffix]] = zip_entries(payload)
            continue
        if target in BY_DIGEST:
            out[target + ".sha256"] = f"sha256:{hashlib.sha256(payload).hexdigest()}\n".encode()
            continue
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError:
            raise AssertionError(f"{path}: not UTF-8 and not a known binary kind; say in tests/golden_site.py "
                                 "how to compare it") from None
        for old, new in references:
            text = text.replace(old, new)
        for digest, (size, binary) in stated.items():
            text = re.sub(rf'"bytes": {size},(\s*)"hash": "sha256:{digest}"',
                          rf'"bytes": "(the size of {binary})",\1"hash": "sha256:(the digest of {binary})"', text)
        out[target] = text.encode("utf-8")
    return out


def build_fixture(tmp: Path) -> dict[str, bytes]:
    """Build the fixture site into `tmp` (without a cache, as a fresh clone would) and normalise it."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from generator.engine.pipeline import build

    saved = os.environ.pop("SOURCE_DATE_EPOCH", None)
    try:
        build(CONTENT, tmp / "site")
    finally:
        if saved is not None:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return normalise(tmp / "site")


def golden_files(folder: Path = GOLDEN) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(built: dict[str, bytes], golden: dict[str, bytes], context: int = 3, limit: int = 60) -> str:
    """What differs between a built tree and the golden one, readably: the files missing, the
    files new, the files changed, and the diff of the first changed file (its first `limit`
    lines). Empty when they are the same."""
    missing = sorted(golden.keys() - built.keys())
    new = sorted(built.keys() - golden.keys())
    changed = sorted(path for path in built.keys() & golden.keys() if built[path] != golden[path])
    if not (missing or new or changed):
        return ""
    parts = ["the fixture site differs from tests/golden-site/: if the change is meant, run "
             "`.venv/bin/python -m tests.golden_site`, read `git diff tests/golden-site/` line by line, commit it"]
    for title, paths in (("missing (in the golden tree, not built)", missing), ("new (built, not in the golden tree)", new),
                         ("changed", changed)):
        if paths:
            shown = paths[:20] + ([f"… and {len(paths) - 20} more"] if len(paths) > 20 else [])
            parts.append(f"{len(paths)} file(s) {title}:\n  " + "\n  ".join(shown))
    if changed:
        first = changed[0]
        old = golden[first].decode("utf-8").splitlines(keepends=True)
        now = built[first].decode("utf-8").splitlines(keepends=True)
        diff = list(difflib.unified_diff(old, now, f"golden/{first}", f"built/{first}", n=context))
        line = next((n for n, (a, b) in enumerate(zip(old, now), 1) if a != b), min(len(old), len(now)) + 1)
        parts.append(f"first difference: {first}, line {line}\n" + "".join(diff[:limit]).rstrip("\n")
                     + ("\n…" if len(diff) > limit else ""))
    return "\n\n".join(parts)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        files = build_fixture(Path(tmp))
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for path, payload in files.items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload)
    print(f"wrote {len(files)} files into {GOLDEN.relative_to(ROOT)}/: now read `git diff --stat tests/golden-site/` "
          "and `git diff tests/golden-site/`; commit only a diff you have read and meant")
    return 0


if __name__ == "__main__":
    sys.exit(main())
