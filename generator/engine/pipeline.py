"""The build, stage by stage, as `_build` runs them (each named as in BuildResult.stages):

1. `load`: the site scope (site.yaml, regions, glossary, templates, hashed assets) and its
   renderer; a problem in it stops the build here.
2. `tree`: the hidden one of the site's two trees made equal to the shown one
   (generator/engine/write.py).
3. `departments`: each department loaded, checked and rendered by the executor (its pages and
   downloads written into the hidden tree, its rows and search records put in the store); a
   department whose files are as the last build saw them is kept without being read. Content
   problems in any department are raised here, all at once, and what was written is undone.
4. `data`, `pages`, `index`: from the departments' summaries, the data files, the site-wide
   pages and the search index (after a small correction the data files are made on a second
   process meanwhile, and the pages come after the index); all three kept at one look when
   neither the scope nor any department changed. Then the assets and the tree's marker.
5. `swap`: the site link pointed at the hidden tree in one rename, the only step a reader
   sees; then `mirror` (after a first build, the other tree linked to it) and the stores pruned.

A build that fails, on content problems or anything else, leaves the site as it was: the link
is pointed at the new tree only when the whole build succeeded.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, cast

from .. import department
from ..content.load import Content, load_department, load_scope
from ..content.problems import ContentError, Problem
from ..content.regions import places
from ..department import BuildScope, Job, Kept, Outcome
from ..department.memo import Memo
from ..outputs import data, plotly_assets
from ..outputs.render import Renderer
from ..outputs.searchindex import ColdBuildNeeded, IndexState, Record, build_index, delta_limit, update_index
from ..site.pages import Page, Summary, region_path, site_pages
from . import executor, parallel, progress, scratch
from .cache import Cache, key
from .faults import checkpoint
from .targets import SITE_MARKER, SITE_MARKER_TEXT, check_cache, check_output
from .write import Output, Recorder, Trees, recover

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = ROOT / "templates"
STATIC = TEMPLATES / "static"


@dataclass
class BuildResult:
    pages: int = 0
    searchable: int = 0
    findings: int = 0
    unchanged: int = 0
    reused: int = 0
    departments: int = 0
    files: int = 0
    bytes: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    #: The departments built anew (the others' results were kept), and the site-wide pages and
    #: data files made anew: what a change cost.
    rebuilt: list[str] = field(default_factory=list)
    remade: list[str] = field(default_factory=list)
    #: The build's own records (every department's memo, the files written), kept for as long
    #: as the result: a command line build ends its process with them (build.py), rather than
    #: freeing millions of objects one by one.
    held: list = field(default_factory=list, repr=False, compare=False)


def hashed_assets(static: Path = STATIC) -> dict[str, tuple[str, bytes]]:
    """Static files named by content hash, so they can be cached for ever: name → (hashed, bytes)."""
    files = {path.relative_to(static).as_posix(): path.read_bytes() for path in sorted(static.rglob("*"))
             if path.is_file()}
    files["plotly.js"] = plotly_assets.script()
    files["plotly.css"] = plotly_assets.stylesheet()
    out = {}
    for rel, payload in sorted(files.items()):
        stem, dot, ext = rel.rpartition(".")
        digest = hashlib.sha256(payload).hexdigest()[:10]
        out[rel] = (f"{stem}.{digest}.{ext}" if dot else f"{rel}.{digest}", payload)
    return out


def content_assets(content: Content) -> dict[str, tuple[str, bytes]]:
    """The files of content/ that every page shows, named by hash as the static files are: the
    党政机关网站标识 site.yaml names (asset `government-mark.png`, or its own type)."""
    mark = content.site.government_mark
    if mark is None or content.mark_image is None:
        return {}
    digest = hashlib.sha256(content.mark_image).hexdigest()[:10]
    return {f"government-mark{mark.suffix}": (f"government-mark.{digest}{mark.suffix}", content.mark_image)}


def _scope_key(content: Content, asset_names: dict[str, str], search: bool) -> str:
    """What every page may depend on besides departments: the site-wide files (site, regions,
    glossary), the templates, the assets and whether the site has search (the code and the
    libraries are in every store key already)."""
    digest = hashlib.sha256()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes())
    return key(content.digest, digest.hexdigest(), repr(sorted(asset_names.items())), repr(search))


class _Taken(Protocol):
    """An outcome the build took (_Departments.take): a department built or kept, its memo set."""

    name: str
    key: str
    reused: bool
    memo: Memo | Kept


class _Departments:
    """The departments as the build runs them: each outcome merged as it arrives, only the
    summaries kept."""

    def __init__(self, output: Output, store: Cache):
        self.output = output
        self.store = store
        self.outcomes: list[_Taken] = []
        self.problems: list[Problem] = []
        self.reused = 0
        self.rebuilt: list[str] = []

    def take(self, outcome: Outcome) -> None:
        self.problems += outcome.problems
        if outcome.memo is None:
            return
        if outcome.written is not None:  # None: kept by this process, already in the output's account
            self.output.merge(outcome.written)
        outcome.written = None
        for kind in ("department", "rows", "records"):
            self.store.keep(kind, (outcome.key,))
        for year in outcome.memo.years:
            self.store.keep("rows-year", (outcome.key, str(year)))
        self.reused += outcome.reused
        if not outcome.reused:
            self.rebuilt.append(outcome.name)
        self.outcomes.append(cast(_Taken, outcome))  # its memo is set: an outcome without one returned above

    @property
    def summaries(self) -> list[Summary]:
        return [o.memo.summary for o in self.outcomes]

    def keys(self) -> list[str]:
        """Each department and the key of its result, `slug=key`: what every site-wide file is
        made from, besides the scope."""
        return [f"{o.memo.slug}={o.key}" for o in self.outcomes]


class _Seen:
    """What the last build saw of each department folder: the names, sizes, times and inodes of
    its files (`department.signature`), the key they had and the department's memo, in one
    file. A folder that looks the same is taken to hold the same bytes, as git's index does,
    and its department is kept without reading its files or its own store entry, when its
    files in the tree are still as written.

    Each memo is kept pickled on its own beside what a build with nothing changed asks of it
    (`Memo.at_hand`): such a build unpickles none (department.Kept), and a build that changed
    one department writes the file again with the others' as they were read (at 10,000
    reports, pickling every memo again took most of a second, unpickling them half of one)."""

    def __init__(self, store: Cache, site: BuildScope, folder: Path):
        self.store, self.site, self.folder = store, site, folder
        self.before: dict[str, tuple] = (store.get("seen", (site.key,)) or {}) if site.reuse else {}
        self.now: dict[str, tuple] = {}
        self.signatures: dict[str, tuple | None] = {}
        #: The outcomes made here from the memos as they were read.
        self._kept: dict[str, Outcome] = {}
        self.changed = False

    def kept(self, name: str, output: Output) -> Outcome | None:
        signature = self.signatures[name] = department.signature(self.folder / name)
        before = self.before.get(name)
        if signature is None or before is None or len(before) != 5 or before[0] != signature:
            return None
        memo = department.Kept(before[2], before[3:])  # the memo unpickled only where it is needed
        if not output.reuse(memo.files):
            return None
        outcome = self._kept[name] = Outcome(name, memo=memo, key=before[1], reused=True, written=None)
        return outcome

    def saw(self, name: str, outcome: Outcome) -> None:
        signature = self.signatures.get(name)
        if outcome.memo is not None and signature is not None and not outcome.key.startswith(self.site.build_id):
            same = self._kept.get(name) is outcome  # kept from the memo as it was read
            if same:
                self.now[name] = self.before[name]
            else:
                self.now[name] = (signature, outcome.key, outcome.memo.at_hand(), *outcome.memo.pickled())
            self.changed |= not same
        else:
            self.changed = True

    def save(self) -> None:
        if self.changed or self.now.keys() != self.before.keys():
            self.store.put("seen", (self.site.key,), self.now)
        else:
            self.store.keep("seen", (self.site.key,))


def source_epoch(days) -> int:
    """A moment fixed by the content: SOURCE_DATE_EPOCH, else the latest of `days`."""
    import calendar

    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    days = list(days)
    return calendar.timegm(max(days).timetuple()) if days else 0


def _memo(store: Cache, output: Output, kind: str, parts: tuple[str, ...], reuse: bool):
    """A site-wide result kept by an earlier build from the same inputs whose files are still in
    the tree as written: (value, True), else (None, False)."""
    if not reuse:
        return None, False
    found = store.get(kind, parts)
    if found is not None and output.reuse(found[0]):
        return found[1], True
    return None, False


def _remember(store: Cache, output: Output, kind: str, parts: tuple[str, ...], paths: list[str], value) -> None:
    store.put(kind, parts, (output.stamps_of(paths), value))


#: The reports from which the years' data files are made on worker processes, when nothing
#: else runs beside them (a build without search). A year's files cost about 3.5 ms a report
#: on one process (most of it SQLite's own work on the year's database); starting the
#: workers about 0.3-0.6 s.
YEARS_ON_WORKERS_FROM = 400


def _site_data(site: BuildScope, departments: _Departments, output: Output, store: Cache,
               result: BuildResult, alone: bool = True) -> list:
    """The data files: the departments table, each year's tables and workbook (remade only for
    the years whose departments changed), and the data package describing them. The years on
    worker processes when there are many and the data files are made `alone` (not on a second
    process beside the search index, which keeps the other core busy)."""
    outcomes = departments.outcomes
    files = Recorder(output)
    parts = (site.key, "departments", *(o.memo.data["row"] for o in outcomes))
    downloads, kept = _memo(store, output, "data", parts, site.reuse)
    if not kept:
        table = data.Tables(lambda name: (store.get("rows", (o.key,)) for o in outcomes),
                            {"departments": sum(o.memo.rows[(None, "departments")] for o in outcomes)})
        downloads = data.department_data(table, files)
        _remember(store, output, "data", parts, files.paths, downloads)
        result.remade += files.paths
    years = sorted({y for o in outcomes for y in o.memo.years}, reverse=True)
    by_year: dict[int, list] = {}
    todo = []
    for year in years:
        having = [o for o in outcomes if year in o.memo.years]
        epoch = source_epoch(o.memo.data[f"date:{year}"] for o in having)
        parts = (site.key, "year", str(year), str(epoch),
                 *(f"{o.memo.slug}={o.memo.data[f'rows:{year}']}" for o in having))
        made, kept = _memo(store, output, "data", parts, site.reuse)
        store.keep("year-pack", (str(year),))  # made or kept where the year's files are made
        if kept:
            by_year[year] = made
        else:
            todo.append((year, having, epoch, parts))

    def make(item) -> tuple[list, tuple, list[str]]:
        # A year's files on a worker of their own: a province's years are each hundreds of megabytes.
        year, having, epoch, _ = item
        files = Recorder(Output(output.root, output.existing, shared=True))
        return (data.year_data(year, _year_tables(store, having, year), epoch, files),
                files.output.child_state(), files.paths)

    # Worker processes pay off from a few thousand reports: a year's files cost about 0.3 ms a
    # report in one process (their bytes: nothing is compressed again), starting the workers
    # about 0.3 s (1,000 reports over five years: 0.32 s here, 0.44-0.69 s on two workers).
    many = alone and sum(len(having) for _, having, _, _ in todo) >= YEARS_ON_WORKERS_FROM
    parallel = 2 if many else len(todo) + 1
    for (year, _, _, parts), (made, written, paths) in zip(todo, executor.Local().map(make, todo, parallel)):
        output.merge(written)
        _remember(store, output, "data", parts, paths, made)
        result.remade += paths
        by_year[year] = made
    for year in years:
        downloads = [*downloads, *by_year[year]]
    assert site.scope.content is not None  # (a build scope has its content: build_scope)
    base_url = site.scope.content.site.base_url
    return [*downloads, data.package_data(downloads, base_url, output),
            data.datasette_data(downloads, base_url, output)]


class _DataFiles(parallel.Background):
    """The site-wide data files (`_site_data`): made on a second process begun now when
    `alongside` (and the machine has two cores), else here when first asked for. `downloads`
    gives them once written; `remade` the paths made anew.

    A build with search makes them alongside: the index and the data files are each one
    process's work (at 1,000 reports, cold: the index 2.4 s, the years' files 3.6 s), so on two
    cores they take the longer of the two instead of the sum; after a correction, its year's
    files beside the index's delta and the pages. The second process starts with what this one
    has (forked), so its memory is what the year's files need beyond that."""

    def __init__(self, site: BuildScope, departments: _Departments, output: Output, store: Cache,
                 alongside: bool):
        self.alongside = alongside and parallel.workers() >= 2
        self.output, self.store, self.departments = output, store, departments

        def make() -> tuple[list, list[str]]:
            result = BuildResult()
            downloads = _site_data(site, departments, self.output, store, result, alone=not self.alongside)
            checkpoint("data-written")
            return downloads, result.remade

        super().__init__(make, shared=self if self.alongside else None)

    def __enter__(self) -> _DataFiles:
        if self.alongside:  # begun before any summary is unpickled: the data files need none (Memo.data)
            super().__enter__()
        return self

    def downloads(self) -> list:
        return self.result()[0]

    @property
    def remade(self) -> list[str]:
        return self.result()[1]

    # The second process's account of files written and store entries used, merged here.
    def forked(self) -> None:
        self.output = Output(self.output.root, self.output.existing, shared=True)
        self.store.used = {}

    def child_state(self):
        return self.output.child_state(), self.store.used

    def merge(self, state) -> None:
        written, used = state
        self.output.merge(written)
        for kind, names in used.items():
            self.store.used.setdefault(kind, set()).update(names)


def _year_pack(store: Cache, having: list[_Taken], year: int) -> dict[str, tuple[bytes, bytes]]:
    """Every department's parts of one year's tables as the store holds them, pickled: its
    year entry (`rows-year`) and its departments row (`rows`), by its key, kept together in one
    store entry of the year's. A correction remakes its year's files from one read of that
    entry and the corrected department's own two, not two reads for each of the thousands of
    departments a province has in a year (0.4 s at 10,000 reports)."""
    found = store.get("year-pack", (str(year),))
    before: dict[str, tuple[bytes, bytes]] = found if isinstance(found, dict) else {}
    pack: dict[str, tuple[bytes, bytes]] = {}
    for outcome in having:
        got = before.get(outcome.key)
        if got is None:
            rows_year = store.get_raw("rows-year", (outcome.key, str(year)))
            rows = store.get_raw("rows", (outcome.key,))
            if rows_year is None or rows is None:
                raise RuntimeError(f"the build's store has lost the rows of {outcome.name} ({store.folder})")
            got = (rows_year, rows)
        pack[outcome.key] = got
    if pack != before:  # kept by the build either way (_site_data)
        store.put("year-pack", (str(year),), pack)
    return pack


def _year_tables(store: Cache, having: list[_Taken], year: int) -> data.Tables:
    """One year's tables, read department by department from the year's pack (`_year_pack`) as
    they are written.

    A year's files are written in one pass taking every table's parts of a department together
    (data._write_year): its year entry, which holds them all, is unpickled once for them, and
    only the last one is kept."""
    pack = _year_pack(store, having, year)
    last: list = [None, None]

    def year_parts(key: str) -> dict:
        if last[0] != key:
            last[:] = [key, pickle.loads(pack[key][0])]
        return last[1]

    def parts(name: str):
        for outcome in having:
            if name == "departments":
                yield pickle.loads(pack[outcome.key][1])
            else:
                yield year_parts(outcome.key)[name]

    def extents(name: str):
        key = (None if name == "departments" else year, name)
        return ((o.memo.rows[key], *department.extents_of(o.memo.extents[key])) for o in having)

    counts = {name: sum(o.memo.rows[(None if name == "departments" else year, name)] for o in having)
              for name in data.TABLES}
    return data.Tables(parts, counts, extents)


class _Inputs:
    """What each site-wide page is made from, as digests: what it shows of each department
    (`Summary.digests`) and the scope. A page whose inputs are those of a page an earlier
    build wrote is kept: a corrected figure remakes its year's page, the home page and the
    feed, not the region trees or the checks page."""

    def __init__(self, site_key: str, summaries: list[Summary], regions, downloads: Callable[[], list]):
        self.site_key = site_key
        self.years = sorted({y for d in summaries for y in d.years})
        self.all = {kind: key(*(d.digests[kind] for d in summaries)) for kind in ("listing", "heads", "findings")}
        self.downloads = downloads
        self.by_year: dict[int, list[str]] = {}
        self.by_region: dict[str, list[str]] = {}
        for d in summaries:
            for year in d.years:
                self.by_year.setdefault(year, []).append(d.digests[f"year:{year}"])
            if d.region in regions:  # by the region page's path (its context is made when rendered)
                for ancestor in regions[d.region].lineage:
                    self.by_region.setdefault(region_path(regions[ancestor.code]), []).append(d.digests["region"])

    def of(self, page: Page) -> tuple[str, ...]:
        kind = page.template
        if kind == "year.html":
            year = int(page.path.split("/")[1])
            shown = (repr(self.years), *self.by_year.get(year, ()))
        elif kind == "region.html":
            shown = tuple(self.by_region.get(page.path, ()))
        elif kind in ("home.html", "feed.xml"):
            shown = (self.all["listing"], self.all["heads"])
        elif kind == "checks.html":
            shown = (self.all["findings"],)
        elif kind == "data.html":
            shown = (key(repr(self.downloads())),)
        elif kind in ("glossary.html", "search.html", "contact.html", "404.html", "robots.txt"):
            shown = ()
        else:  # the trees, year list, about, sitemap: names, regions and years
            shown = (self.all["listing"],)
        return (self.site_key, page.path, *shown)


class _PageMemos:
    """What an earlier build made each site-wide page from and the stamps of the files it wrote,
    in one store entry (path → (key of its inputs, stamps)): a province has a page per region,
    and one entry read is cheaper than a thousand."""

    def __init__(self, store: Cache, site: BuildScope):
        self.store, self.site = store, site
        found = store.get("pages", (site.key,)) if site.reuse else None
        self.before: dict[str, tuple[str, dict]] = found if isinstance(found, dict) else {}
        self.now: dict[str, tuple[str, dict]] = {}

    def kept(self, path: str, inputs: str, output: Output) -> bool:
        found = self.before.get(path)
        if found is not None and found[0] == inputs and output.reuse(found[1]):
            self.now[path] = found
            return True
        return False

    def made(self, path: str, inputs: str, output: Output, paths: list[str]) -> None:
        self.now[path] = (inputs, output.stamps_of(paths))

    def save(self) -> None:
        if self.now != self.before:
            self.store.put("pages", (self.site.key,), self.now)
        else:
            self.store.keep("pages", (self.site.key,))


def _site_pages(site: BuildScope, departments: _Departments, downloads: Callable[[], list], output: Output,
                store: Cache, remade: list[str]) -> None:
    """The pages above the departments; the data page, which lists the data files (`downloads`
    gives them, once they are written), the last."""
    content = site.scope.content
    assert content is not None  # (a build scope has its content: build_scope)
    summaries = departments.summaries
    inputs = _Inputs(site.key, summaries, places(content.regions), downloads)
    pages = site_pages(content, summaries, downloads)
    pages.sort(key=lambda page: page.template == "data.html")
    memos = _PageMemos(store, site)
    with progress.stage("pages", len(pages), "page") as tick:
        for page in pages:
            parts = key(*inputs.of(page))
            if not memos.kept(page.path, parts, output):
                files = Recorder(output)
                context = page.context
                files.write(page.path, site.renderer.render(page, context))
                if context.get("charts"):  # the chart tables of the year and home pages
                    folder = page.path[: -len("index.html")]
                    files.write(f"{folder}tables.csv", data.tables_csv(data.chart_table(c) for c in context["charts"]))
                memos.made(page.path, parts, output, files.paths)
                remade.append(page.path)
            tick(1)
    memos.save()


class _Records(Sequence):
    """The search records of every department in URL order, read from the store a department
    at a time as the index asks for them (a province's records are gigabytes of text)."""

    def __init__(self, departments: _Departments, store: Cache):
        self.store = store
        self.departments = departments
        self._key: str | None = None
        self._records: list[Record] = []

    @functools.cached_property
    def order(self) -> list[tuple[str, str, int]]:
        """(URL, department key, number among its records) of every record, in URL order: made
        when the index is built whole (an update needs only the changed departments' records)."""
        order = []
        for outcome in self.departments.outcomes:
            for n, url in enumerate(outcome.memo.records):
                order.append((url, outcome.key, n))
        order.sort()
        return order

    def __len__(self) -> int:
        return sum(o.memo.searchable for o in self.departments.outcomes)

    def sources(self) -> list[tuple[str, str]]:
        """The department (slug, key) of each record."""
        slugs = {o.key: o.memo.slug for o in self.departments.outcomes}
        return [(slugs[key], key) for _, key, _ in self.order]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        _, key, n = self.order[i]
        if key != self._key:
            self._records = self.store.get("records", (key,))
            self._key = key
        return self._records[n]


def _search(site: BuildScope, departments: _Departments, output: Output, store: Cache,
            result: BuildResult) -> None:
    """The search index: kept whole when nothing changed; else, when an earlier build's main
    segment is still in the tree and few documents changed since it was built, that segment
    kept and a delta segment of the changed departments written beside it
    (searchindex.update_index); else built anew, and its state kept for the next builds."""
    parts = (key(site.key, *departments.keys()),)
    searchable, kept = _memo(store, output, "index", parts, site.reuse)
    if kept:
        result.searchable = searchable
        return
    records = _Records(departments, store)
    files = Recorder(output)
    if not (site.reuse and _update_search(site, departments, output, store, files)):
        state = build_index(records, files.write, sources=records.sources()).state
        assert state is not None  # (kept when the sources are given)
        _remember(store, output, "index-state", (site.key,), state.paths, state)
    result.searchable = searchable = len(records)
    _remember(store, output, "index", parts, files.paths, searchable)


def _update_search(site: BuildScope, departments: _Departments, output: Output, store: Cache,
                   files: Recorder) -> bool:
    """The delta segment over the main one an earlier build kept; False where a cold build is needed."""
    found = store.get("index-state", (site.key,))
    if not isinstance(found, tuple) or len(found) != 2 or not isinstance(found[1], IndexState):
        return False
    stamps, state = found
    keys = state.keys()
    current = {o.memo.slug: o for o in departments.outcomes}
    changed = [o for slug, o in current.items() if keys.get(slug) != o.key]
    removed = [slug for slug in keys if slug not in current]
    gone = set(removed)
    dead_only = sum(1 for owner in state.owners if state.departments[owner][0] in gone)
    if sum(o.memo.searchable for o in changed) + dead_only > delta_limit(state.documents):
        return False
    written: dict[str, bytes] = {}
    try:
        update_index(state, [(o.memo.slug, o.key, store.get("records", (o.key,))) for o in changed],
                     removed, written.__setitem__)
    except ColdBuildNeeded:
        return False
    if not output.reuse(stamps):  # the main segment's files are not all as that build wrote them
        return False
    files.paths.extend(stamps)
    for n, (path, payload) in enumerate(written.items()):
        if n == len(written) // 2:
            checkpoint("index-half")
        files.write(path, payload)
    store.keep("index-state", (site.key,))
    return True


def build(content_dir: Path, site_dir: Path, search: bool = True, cache_dir: Path | None = None,
          show_progress: bool = False, executor=None) -> BuildResult:
    """Build the site from `content_dir` into `site_dir`; on any error the old site stays.

    `cache_dir` keeps each department's result between builds (see generator/engine/cache.py), so a
    rebuild makes only what changed; without it the build makes everything, keeping what it
    must hold back (each department's table rows and search records) in a folder of its own
    that it removes at the end. `show_progress` draws progress bars on a terminal. `executor`
    runs the departments (generator/engine/executor.py; this machine's cores unless given).
    """
    # Judge both targets before any work: a build replaces the output and prunes the cache.
    site_dir = check_output(site_dir, content_dir)
    if cache_dir is not None:
        cache_dir = check_cache(cache_dir, content_dir, site_dir)
    progress.enable(show_progress)
    # A build makes millions of objects that live until it ends, and the cyclic collector
    # would scan them again and again: a third of a build's time. Reference counting frees
    # what a build drops (peak memory is the same with the collector off); the few cycles
    # left are collected once the build is over, frozen objects included.
    enabled = gc.isenabled()
    gc.disable()
    build_id = f"{os.getpid()}-{time.time_ns()}"
    spool = None
    # The build's temporary files in a folder of its own, which the next build removes if this
    # one is killed (generator/engine/scratch.py); the folders of killed builds removed now.
    space = scratch.open_scratch()
    try:
        cache = Cache(cache_dir)
        if cache_dir is None:
            spool = tempfile.TemporaryDirectory(prefix="disclosure-build-")
            store = Cache(Path(spool.name) / "store")
        else:
            store = cache
        return _build(content_dir, site_dir, BuildResult(), search, cache, store, build_id, executor)
    finally:
        if spool is not None:
            spool.cleanup()
        if space is not None:
            space.close()
        gc.unfreeze()
        if enabled:
            gc.enable()
        progress.enable(False)


def build_scope(content_dir: Path, job: Job, cache: Cache | None = None,
                assets: dict[str, tuple[str, bytes]] | None = None) -> BuildScope:
    """The site scope every department is built with: site-wide files, renderer, their key."""
    scope = load_scope(content_dir, cache)
    assets = assets if assets is not None else hashed_assets()
    asset_names = {name: hashed for name, (hashed, _) in assets.items()}
    if scope.content is None:  # site.yaml or regions.yaml failed: report every department's problems too
        problems = list(scope.problems)
        for folder in scope.folders:
            problems += load_department(folder, scope)[1]
        raise ContentError(problems)
    asset_names.update((name, hashed) for name, (hashed, _) in content_assets(scope.content).items())
    renderer = Renderer(TEMPLATES, scope.content.site, asset_names, cache.subfolder("templates") if cache else None)
    return BuildScope(scope, renderer, _scope_key(scope.content, asset_names, job.search), job.search,
                      reuse=job.reuse, build_id=job.build_id)


def _build(content_dir: Path, site_dir: Path, result: BuildResult, search: bool, cache: Cache,
           store: Cache, build_id: str, runner=None) -> BuildResult:
    checkpoint("start")
    started = time.perf_counter()
    assets = hashed_assets()
    site = build_scope(content_dir, Job(str(content_dir), "", "", search, cache.folder is not None, build_id),
                       cache, assets)
    scope = site.scope
    assert scope.content is not None  # (build_scope raised the content's problems otherwise)
    result.stages["load"] = time.perf_counter() - started
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    trees = Trees(site_dir)
    started = time.perf_counter()
    root, shown_state = trees.prepare()
    result.stages["tree"] = time.perf_counter() - started
    output = Output(root, existing=shown_state.files)
    departments = _Departments(output, store)
    try:
        started = time.perf_counter()
        folders = [folder.name for folder in scope.folders]
        job = Job(str(content_dir), str(root), str(store.folder), search, site.reuse, build_id)
        department.prepare(job, site, store, output.existing)
        seen = _Seen(store, site, scope.root / "departments")
        with progress.stage("build", len(folders), "dept") as tick:
            # Departments whose files are as the last build saw them (names, sizes, times) are
            # kept here without reading them; the others go to the executor.
            kept = {n: seen.kept(name, output) for n, name in enumerate(folders)}
            todo = [(n, name) for n, name in enumerate(folders) if kept[n] is None]
            runner = runner or executor.Local()
            built = runner.map(functools.partial(department.run, job), todo)
            for n, name in enumerate(folders):
                outcome = kept[n] or next(built)
                departments.take(outcome)
                seen.saw(name, outcome)
                tick(1)
        seen.save()
        checkpoint("departments")
        result.stages["departments"] = time.perf_counter() - started
        if scope.problems or departments.problems:
            raise ContentError([*scope.problems, *departments.problems])
        # Every site-wide file is made from the scope and the departments' results alone: when
        # neither changed since a build whose files are all still as it wrote them, they are kept.
        started = time.perf_counter()
        whole = (key(site.key, os.environ.get("SOURCE_DATE_EPOCH", ""), *departments.keys()),)
        searchable, same_site = _memo(store, output, "site", whole, site.reuse)
        if same_site:
            result.searchable = searchable
            result.stages["site"] = time.perf_counter() - started
        else:
            before = set(output.written)
            checkpoint("data")
            with _DataFiles(site, departments, output, store, alongside=search) as data_files:
                if data_files.alongside:
                    # The data files on a second process, the index and the pages here meanwhile.
                    result.stages["data"] = time.perf_counter() - started
                else:
                    data_files.downloads()
                    result.stages["data"] = time.perf_counter() - started
                    started = time.perf_counter()
                    checkpoint("pages")
                    _site_pages(site, departments, data_files.downloads, output, store, result.remade)
                    result.stages["pages"] = time.perf_counter() - started
                if search:
                    checkpoint("index")
                    started = time.perf_counter()
                    _search(site, departments, output, store, result)
                    checkpoint("index-written")
                    result.stages["index"] = time.perf_counter() - started
                if data_files.alongside:
                    started = time.perf_counter()
                    checkpoint("pages")
                    _site_pages(site, departments, data_files.downloads, output, store, result.remade)
                    result.stages["pages"] = time.perf_counter() - started
            result.remade += data_files.remade
            for hashed, payload in {**assets, **content_assets(scope.content)}.values():
                output.write(f"assets/{hashed}", payload)
            output.write(SITE_MARKER, SITE_MARKER_TEXT)
            _remember(store, output, "site", whole, [p for p in output.written if p not in before],
                      result.searchable)
    except ContentError:
        trees.restore(root, shown_state, output.changed)
        raise
    result.pages = sum(1 for path in output.written if path.endswith((".html", ".xml", ".txt")))
    result.departments = len(departments.outcomes)
    result.findings = sum(o.memo.findings for o in departments.outcomes)
    result.reused = departments.reused
    result.rebuilt = departments.rebuilt
    removed = output.finish()
    started = time.perf_counter()
    trees.publish(root, shown_state, sorted(output.written), sorted(output.changed), removed)
    checkpoint("after-swap")
    result.stages["swap"] = time.perf_counter() - started
    if trees.remade:
        started = time.perf_counter()
        trees.mirror(root)
        result.stages["mirror"] = time.perf_counter() - started
    for store_ in {id(cache): cache, id(store): store}.values():
        store_.prune()
    result.unchanged = output.linked
    result.files = len(output.written)
    result.bytes = sum(output.written.values())
    result.held = [departments, seen, output, shown_state, site, trees]
    return result
