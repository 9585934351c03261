"""One department, start to finish: the unit of work of a build.

`build_department` turns one department folder, with the site scope, into everything the
department contributes: its pages and downloads (written into the tree being built), its
rows of the site-wide tables and its search records (put in the build's store), and a small
`Summary` from which every site-wide page is made. It reads no other department, so what
it makes depends only on its own files and on the scope: the build keeps the result under
a key of those (the store's keys add the generator's code and every library's version) and
reuses it while the key matches and the files it wrote are still in the tree as written.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import Result, check_department
from ..content import yamlsafe
from ..content.load import MAX_SOURCE_BYTES, Scope, _ignored, load_department
from ..content.problems import Problem
from ..content.regions import places
from ..engine.cache import Cache
from ..engine.faults import checkpoint
from ..engine.write import Output, Recorder
from ..outputs import data
from ..outputs.render import Renderer
from ..site.pages import Page, department_pages, department_records, summary
from .memo import Kept, Memo, _plain


@dataclass(frozen=True)
class BuildScope:
    """What every department is built with: the site-wide files, the renderer (templates
    and asset names), and `key`, a digest of all of that, which every department's key starts from."""

    scope: Scope
    renderer: Renderer
    key: str
    search: bool
    #: Whether results kept by earlier builds may be reused (False: a build from nothing).
    reuse: bool
    #: Names a department's store entries when its files cannot be keyed (a link, a device):
    #: unique to the build, so they are made anew each time.
    build_id: str = ""


@dataclass
class Outcome:
    """What building one department gave the build: problems, or its memo; what it wrote."""

    name: str
    problems: list[Problem] = field(default_factory=list)
    memo: Memo | Kept | None = None
    #: The key its rows and records are stored under.
    key: str = ""
    reused: bool = False
    #: The tree writer's account of this department (Output.child_state); None once merged
    #: into the build's, or for a department kept by the build's own process.
    written: tuple | None = ({}, {}, 0, [])


def _files(folder: Path) -> list[tuple[os.DirEntry, os.stat_result]] | None:
    """A department folder's files by name with their `lstat`, editor and system files left out
    (the load skips them too); None when the folder is a link or holds anything but regular
    files (a link, a device, a folder): such a department is read and built every time, and
    its problems are reported then."""
    try:
        if folder.is_symlink():
            return None
        out = []
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if _ignored(entry.name):
                continue
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                return None
            out.append((entry, info))
        return out
    except OSError:
        return None


def department_key(folder: Path, scope_key: str) -> str | None:
    """A digest of everything in a department folder (names and bytes) and the scope, or None
    when the folder cannot be keyed safely (`_files`, or a file over the limits)."""
    files = _files(folder)
    if files is None:
        return None
    digest = hashlib.sha256(scope_key.encode() + b"\0" + os.fsencode(folder.name))
    for entry, info in files:
        if info.st_size > max(yamlsafe.MAX_BYTES, MAX_SOURCE_BYTES):
            return None
        try:
            with open(entry.path, "rb") as handle:
                raw = handle.read(info.st_size + 1)
        except OSError:
            return None
        name = os.fsencode(entry.name)
        digest.update(len(name).to_bytes(8, "little") + name + len(raw).to_bytes(8, "little") + raw)
    return digest.hexdigest()


def signature(folder: Path) -> tuple | None:
    """What a department folder looks like without reading it: each file's name, size, times
    and inode (None as for `_files`)."""
    files = _files(folder)
    if files is None:
        return None
    return tuple((entry.name, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino) for entry, info in files)


def build_department(folder: Path, site: BuildScope, output: Output, store: Cache, n: int = 0) -> Outcome:
    """Build one department into `output` (a writer of its own over the tree being built) and `store`.

    `n` is the department's place in the build, for the fault-injection checkpoints.
    """
    checkpoint(f"department-{n}")
    key = department_key(folder, site.key)
    if key is not None and site.reuse:
        memo = store.get("department", (key,))
        if isinstance(memo, Memo) and output.reuse(memo.files):
            return Outcome(folder.name, memo=memo, key=key, reused=True, written=output.child_state())
    with _young_collections_less_often():
        return _build(folder, site, output, store, n, key)


def _build(folder: Path, site: BuildScope, output: Output, store: Cache, n: int, key: str | None) -> Outcome:
    entry, problems = load_department(folder, site.scope)
    if problems or entry is None:
        return Outcome(folder.name, problems=problems)
    content = site.scope.content
    assert content is not None
    key = key or f"{site.build_id}:{folder.name}"
    checks = check_department(entry)
    made = summary(entry, checks, content.site.money_unit)
    parts = data.department_parts(content, entry, checks)
    made.digests["row"] = hashlib.sha256(parts.department.lines.data + b"\0" + parts.department.sheet.data).hexdigest()
    files = Recorder(output)
    for page in department_pages(content, entry, checks, made.heads):
        _write_page(page, site.renderer, content, parts, files)
    checkpoint(f"department-{n}-written")
    records = department_records(entry, places(content.regions).get(entry.department.region)) if site.search else []
    rows: dict[tuple[int | None, str], int] = {(None, "departments"): parts.department.rows}
    extents: dict[tuple[int | None, str], tuple[int, ...]] = {
        (None, "departments"): _plain(data.part_extents(parts.department)[1:])}
    for year, tables in parts.years.items():
        rows.update({(year, name): tables[name].rows for name in data.YEAR_TABLES})
        extents.update({(year, name): _plain(data.part_extents(tables[name])[1:]) for name in data.YEAR_TABLES})
    memo = Memo(made, output.stamps_of(files.paths), rows, tuple(r.url for r in records), extents)
    department_row = pickle.dumps(parts.department, protocol=pickle.HIGHEST_PROTOCOL)
    store.put_raw("rows", (key,), department_row)
    for year, tables in parts.years.items():
        year_rows = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
        store.put_raw("rows-year", (key, str(year)), year_rows)
        # What this department adds to that year's data files: they are remade only when it changes.
        made.digests[f"rows:{year}"] = hashlib.sha256(department_row + year_rows).hexdigest()
    if site.search:
        store.put("records", (key,), records)
    store.put("department", (key,), memo)
    return Outcome(folder.name, memo=memo, key=key, written=output.child_state())


#: The collector's first threshold while a department is built (Python's default is 700).
YOUNG_THRESHOLD = 5000


@contextlib.contextmanager
def _young_collections_less_often():
    """Collect the youngest objects after 5,000 new ones rather than 700 while a department is
    built. Its model and pages live for the whole build and make nothing the collector must
    free (no reference cycles), yet with the default each of them was looked at in two young
    collections, then counted towards a full one: at 700 the collector took about 2 ms of a
    report's 25, at 5,000 about 1. The threshold is put back when the last department being
    built in this process (a Dask worker may build several at once, in threads) is done."""
    global _building, _threshold
    with _building_lock:
        if _building == 0:
            _threshold = gc.get_threshold()
            gc.set_threshold(max(_threshold[0], YOUNG_THRESHOLD), *_threshold[1:])
        _building += 1
    try:
        yield
    finally:
        with _building_lock:
            _building -= 1
            if _building == 0:
                gc.set_threshold(*_threshold)


_building = 0
_threshold = gc.get_threshold()
_building_lock = threading.Lock()


@dataclass(frozen=True)
class Job:
    """A build as plain values that travel to any worker process or machine: where the content,
    the tree being built and the store are, and how to build. A worker makes the scope from it
    once (`scope_of`); workers forked from the build find it made already."""

    content: str
    tree: str
    store: str
    search: bool
    reuse: bool
    build_id: str


_made: dict[Job, tuple[BuildScope, Cache, object]] = {}


class OnDisk:
    """The files of a tree, looked up on disk: the `existing` of a worker that was not forked
    from the build and so has not its list of them."""

    def __init__(self, root: Path):
        self.root = root

    def __contains__(self, relative: object) -> bool:
        return isinstance(relative, str) and os.path.lexists(self.root / relative)


def prepare(job: Job, site: BuildScope, store: Cache, existing) -> None:
    """What the build made for `job`, for the workers it forks."""
    _made.clear()
    _made[job] = (site, store, existing)


def run(job: Job, item: tuple[int, str]) -> Outcome:
    """Build department number `n`, folder `name`, of `job`: the task an executor runs."""
    n, name = item
    if job not in _made:
        from ..engine.pipeline import build_scope  # a worker on another machine: make the scope once

        _shared(job)
        _made.clear()
        _made[job] = (build_scope(Path(job.content), job), Cache(Path(job.store)), OnDisk(Path(job.tree)))
    site, store, existing = _made[job]
    output = Output(Path(job.tree), existing, shared=True)
    outcome = build_department(Path(job.content) / "departments" / name, site, output, store, n)
    if isinstance(outcome.memo, Memo):
        # To the build as the seen file keeps it: pickled here, on the worker, and held pickled
        # by the build, which unpickles the summaries when the site-wide files are made (a
        # province's memos unpickled were a quarter of a gigabyte of the build's own process).
        outcome.memo = Kept(outcome.memo.at_hand(), outcome.memo.pickled())
    return outcome


def _shared(job: Job) -> None:
    """Refuse plainly on a worker that does not see the build's folders at the build's paths."""
    for what, path in (("content folder", Path(job.content)), ("tree being built", Path(job.tree)),
                       ("store's parent folder", Path(job.store).parent)):
        if not path.is_dir():
            import socket

            raise FileNotFoundError(f"the worker on {socket.gethostname()} does not see the {what} {path}: "
                                    "workers must see the build's folders at the same paths (a shared filesystem)")


def _write_page(page: Page, renderer: Renderer, content, parts: data.DepartmentParts, files: Recorder) -> None:
    context = page.context
    files.write(page.path, renderer.render(page, context))
    folder = page.path[: -len("index.html")]
    if page.template == "report.html":
        # A report's own downloads beside its page: the model as JSON, its YAML, its figures, and
        # every table of the page in one file (each table's own CSV is made in the browser).
        rf = context["rf"]
        files.write(f"{folder}data.json", data.report_json(rf))
        files.write(f"{folder}source.yaml", (content.root.parent / rf.path).read_bytes())
        files.write(f"{folder}{data.REPORT_FIGURES}", data.report_figures_zip(parts.years[rf.year]["figures"]))
        page_tables = data.page_tables(context)
        if page_tables:
            files.write(f"{folder}tables.csv", data.tables_csv(page_tables))
    elif context.get("charts"):  # the department page's chart tables
        files.write(f"{folder}tables.csv", data.tables_csv(data.chart_table(c) for c in context["charts"]))


@dataclass
class CheckedSite:
    """What `build.py check` reports: every problem, or every report's check results."""

    problems: list[Problem]
    results: dict[tuple[str, int], list[Result]]
    #: (department slug, year) → (department name, year file)
    names: dict[tuple[str, int], tuple[str, str]]
    departments: int


def _check_task(scope: Scope, folder: Path) -> tuple[list[Problem], dict[tuple[str, int], list[Result]],
                                                      dict[tuple[str, int], tuple[str, str]], int]:
    entry, problems = load_department(folder, scope)
    if problems or entry is None:
        return problems, {}, {}, 0
    names = {(entry.slug, rf.year): (entry.department.name, rf.path) for rf in entry.reports}
    return [], check_department(entry), names, 1


def check_site(root: Path) -> CheckedSite:
    """Load and check every department, on every core, keeping only problems and results."""
    import functools

    from ..content.load import load_scope
    from ..engine import executor

    scope = load_scope(root)
    checked = CheckedSite(list(scope.problems), {}, {}, 0)
    for problems, results, names, count in executor.Local().map(functools.partial(_check_task, scope),
                                                                 list(scope.folders)):
        checked.problems += problems
        checked.results.update(results)
        checked.names.update(names)
        checked.departments += count
    return checked
