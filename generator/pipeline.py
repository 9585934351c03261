"""The build, stage by stage: load → plan → render → write → swap.

Everything is gathered and validated before the first byte is written, and the output goes
to the hidden one of the site's two trees, which the site link points at only when the whole
build succeeded (generator/write.py).
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import data
from . import pages as page_plan
from . import plotly_assets
from .checks import check_content
from . import progress
from .cache import Cache
from .parallel import fork_map
from .faults import checkpoint
from .load import Content, load_content
from .render import Renderer
from .searchindex import build_index
from .targets import SITE_MARKER, SITE_MARKER_TEXT, check_cache, check_output
from .pages import Page
from .write import Output, Trees, recover

ROOT = Path(__file__).resolve().parent.parent
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


def render_site(content: Content, output: Output, result: BuildResult, search: bool = True,
                cache: Cache | None = None) -> None:
    checkpoint("check")
    started = time.perf_counter()
    checks = check_content(content, cache)
    result.stages["check"] = time.perf_counter() - started
    result.findings = sum(1 for rs in checks.values() for r in rs if r.passed is False)
    started = time.perf_counter()
    checkpoint("data")
    downloads, tables = data.site_data(content, checks, source_epoch(content), cache, output.write)
    result.stages["data"] = time.perf_counter() - started
    checkpoint("plan")
    started = time.perf_counter()
    plan = page_plan.plan(content, checks, downloads)
    result.stages["plan"] = time.perf_counter() - started
    started = time.perf_counter()
    assets = hashed_assets()
    asset_names = {name: hashed for name, (hashed, _) in assets.items()}
    renderer = Renderer(TEMPLATES, content.site, asset_names)
    cache = cache or Cache(None)
    scope = _site_scope(content, asset_names) if cache.folder is not None else ()
    todo, kept = _reuse_departments(plan, content, output, cache, scope)
    render_pages(todo, renderer, content, tables, output)
    _remember_departments(content, output, cache, scope, kept)
    result.reused = len(kept)
    for name, (hashed, payload) in assets.items():
        output.write(f"assets/{hashed}", payload)
    output.write(SITE_MARKER, SITE_MARKER_TEXT)
    result.stages["render"] = time.perf_counter() - started
    if search:
        checkpoint("index")
        started = time.perf_counter()
        records = page_plan.search_records(content, cache)
        build_index(records, output.write)
        result.searchable = len(records)
        checkpoint("index-written")
        result.stages["index"] = time.perf_counter() - started
    result.pages = len(plan)
    result.departments = len(content.departments)


#: Below this many pages a second process costs more than it saves (the tests lower it).
PARALLEL_FROM = int(os.environ.get("SITE_BUILD_PARALLEL_FROM", "400"))


def render_pages(pages: list[tuple[int, Page]], renderer: Renderer, content: Content, tables: data.Tables,
                 output: Output) -> None:
    """Render and write pages, on two processes when there are many (the machine has two cores)."""
    def render(item: tuple[int, Page]) -> None:
        n, page = item
        checkpoint(f"render-{n}")
        context = page.context
        output.write(page.path, renderer.render(page, context))
        if page.template == "report.html":
            _write_report_data(content, page, context, tables, output)
        elif context.get("charts"):  # the chart tables of the department, year and home pages
            folder = page.path[: -len("index.html")]
            output.write(f"{folder}tables.csv", data.tables_csv(data.chart_table(c) for c in context["charts"]))

    with progress.stage("render", len(pages), "page") as tick:
        fork_map(pages, render, PARALLEL_FROM, output, tick)


def _write_report_data(content: Content, page, context: dict, tables: data.Tables, output: Output) -> None:
    """A report's own downloads beside its page: the model as JSON, its YAML, its figures, and every
    table of the page in one file (each table's own CSV is made in the browser from the table)."""
    rf = context["rf"]
    folder = page.path[: -len("index.html")]
    output.write(f"{folder}data.json", data.report_json(rf))
    output.write(f"{folder}source.yaml", (content.root.parent / rf.path).read_bytes())
    output.write(f"{folder}figures.csv", data.report_figures_csv(tables, rf.slug, rf.year))
    page_tables = data.page_tables(context)
    if page_tables:
        output.write(f"{folder}tables.csv", data.tables_csv(page_tables))


def _department_of(path: str) -> str | None:
    """The department whose folder a site path is in: departments/<slug>/…"""
    parts = path.split("/", 2)
    return parts[1] if len(parts) == 3 and parts[0] == "departments" else None


def _site_scope(content: Content, asset_names: dict[str, str]) -> tuple[str, ...]:
    """What every page may depend on: the site-wide files (site, regions, glossary), the
    templates and the assets (the code is in every cache key already)."""
    digest = hashlib.sha256()
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(TEMPLATES).as_posix().encode() + b"\0" + path.read_bytes())
    return content.digest, digest.hexdigest(), repr(sorted(asset_names.items()))


def _department_key(scope: tuple[str, ...], entry) -> tuple[str, ...]:
    """What every file under departments/<slug>/ is made from: the site scope and that
    department's own files, and nothing of other departments."""
    return (*scope, entry.slug, entry.digest, *(f"{rf.year}:{rf.digest}" for rf in entry.reports))


def _reuse_departments(plan: list[Page], content: Content, output: Output, cache: Cache,
                       scope: tuple[str, ...]) -> tuple[list[tuple[int, Page]], set[str]]:
    """Pages still to render, and the departments whose files were linked from the previous site.

    A department's files are kept when its key matches a build that wrote them and the
    files in the previous site are still the ones that build wrote (generator/write.py).
    """
    kept = set()
    if cache.folder is not None and output.existing:
        for entry in content.departments:
            stamps = cache.get("department", _department_key(scope, entry))
            if stamps and output.reuse(stamps):
                kept.add(entry.slug)
    return [(n, page) for n, page in enumerate(plan) if _department_of(page.path) not in kept], kept


def _remember_departments(content: Content, output: Output, cache: Cache, scope: tuple[str, ...],
                          kept: set[str]) -> None:
    if cache.folder is None:
        return
    by_department: dict[str, dict[str, tuple[int, int, int]]] = {}
    for path, stamp in output.stamps.items():
        slug = _department_of(path)
        if slug is not None:
            by_department.setdefault(slug, {})[path] = stamp
    for entry in content.departments:
        if entry.slug not in kept and entry.slug in by_department:
            cache.put("department", _department_key(scope, entry), by_department[entry.slug])


def source_epoch(content: Content) -> int:
    """The build's fixed moment: SOURCE_DATE_EPOCH, else the latest date the content states."""
    import calendar

    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    days = [page_plan.report_date(rf) for rf in content.reports()]
    latest = max(days) if days else None
    return calendar.timegm(latest.timetuple()) if latest else 0


def build(content_dir: Path, site_dir: Path, search: bool = True, cache_dir: Path | None = None,
          show_progress: bool = False) -> BuildResult:
    """Build the site from `content_dir` into `site_dir`; on any error the old site stays.

    `cache_dir` keeps parsed and checked reports between builds (see generator/cache.py);
    `show_progress` draws progress bars on a terminal.
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
    try:
        return _build(content_dir, site_dir, BuildResult(), search, Cache(cache_dir))
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()
        progress.enable(False)


def _build(content_dir: Path, site_dir: Path, result: BuildResult, search: bool, cache: Cache) -> BuildResult:
    checkpoint("start")
    started = time.perf_counter()
    content = load_content(content_dir, cache)
    checkpoint("loaded")
    result.stages["load"] = time.perf_counter() - started
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(site_dir)
    trees = Trees(site_dir)
    started = time.perf_counter()
    root, shown_state = trees.prepare()
    result.stages["tree"] = time.perf_counter() - started
    output = Output(root, existing=shown_state.files)
    render_site(content, output, result, search, cache)
    removed = output.finish()
    started = time.perf_counter()
    trees.publish(root, shown_state, sorted(output.written), sorted(output.changed), removed)
    checkpoint("after-swap")
    result.stages["swap"] = time.perf_counter() - started
    cache.prune()
    result.unchanged = output.linked
    result.files = len(output.written)
    result.bytes = sum(output.written.values())
    return result
