"""What each page kind's template is given: one TypedDict per template, each key documented.

Every template also gets `page` (the `pages.Page` being rendered: its title, crumbs, URL) and
the renderer's globals (`site`, `url`, `asset` …, generator/outputs/render.py); those are not
listed here. A key is here only if its template reads it, and a template reads only the keys
here: tests/test_site.py parses every template (its includes and the base it extends) and
compares, and validates every context of the default content against its type.

Why TypedDict and not a dataclass: a context is handed to Jinja2 as keyword arguments
(`template.render(page=page, **context)`) and read by key elsewhere (a report page's downloads
by `data.page_tables`, the site-wide pages' chart tables), so a TypedDict is the dict all of
them already take, typed: a type checker holds each page builder to its keys and their types,
and it costs nothing per page at run time (a dataclass would be turned back into a dict for
every page rendered, `asdict` copying its values deeply). What a dataclass would add, a wrong
key refused when the context is made, the renderer does for a TypedDict (`Renderer.render`
compares the keys), and `check_context` validates the values' types (pydantic's TypeAdapter:
tests, and any build with SITE_CHECK_CONTEXTS=1).

The values are the model's own objects (a `YearReport`, a `Place`), the page views made of
them (views.FigureTable, charts.Chart) and, for the site-wide pages, the departments'
summaries (pages.Summary, pages.Headline): templates read their fields, so the types here say
which fields there are (the test checks each attribute a template reads of a key exists).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from typing import Any

from pydantic import ConfigDict, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic validates typing.TypedDict only from Python 3.12

from ..checks import Result, Rule
from ..content.load import DepartmentEntry, ReportFile
from ..content.model import Block, Department, Document, Organization, Performance, Staffing, Stat, Term, YearReport
from ..content.regions import Place
from ..content.sourcetext import Segment
from ..outputs.data import Column, Download
from . import pages
from .charts import Chart
from .pages import CheckPanel, Headline, Summary
from .views import (
    AccountGroup,
    ChangeRow,
    FigureTable,
    IndicatorRow,
    KeyFigure,
    ProjectTable,
    Ranking,
    RegionMember,
    RegionYear,
    SubRegion,
)

#: A key not declared is refused; the model objects and views are checked by their class.
_CONFIG = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


@with_config(_CONFIG)
class ReportBlock(TypedDict):
    """One of a report's 机关运行经费, 国有资产占用, 政府采购 (report.html's `blocks`)."""

    id: str  # the section's id and its table's
    caption: str
    table: FigureTable | None
    block: Block  # the model's, for its note and statement
    stats: list[tuple[int, Stat]]  # its other figures, each with its depth


@with_config(_CONFIG)
class RegionNode(TypedDict):
    """A region of the tree with the departments under it, only regions that have any
    (home, regions, departments and sitemap pages' `tree`, `groups`)."""

    place: Place
    children: list[RegionNode]
    departments: list[Summary]  # the departments of this region itself (a county's)
    count: int  # departments here and below
    reports: int  # their reports


@with_config(_CONFIG)
class Counts(TypedDict):
    """How much the site holds (home.html's and about.html's `counts`)."""

    departments: int
    reports: int
    years: int


@with_config(_CONFIG)
class StatedCounts(TypedDict):
    """How many of a year's reports state a figure (year.html's `stated`)."""

    score: int  # a self-evaluation score
    rate: int  # a 预算执行率


@with_config(_CONFIG)
class CheckTotals(TypedDict):
    """The checks over the whole site (checks.html's `totals`)."""

    checks: int  # comparisons made
    findings: int  # of them, not agreeing
    unchecked: int  # comparisons that could not be made
    by_rule: dict[str, tuple[int, int]]  # rule id → (made, findings)


@with_config(_CONFIG)
class ReportContext(TypedDict):
    """report.html: one department's report of one year, `departments/<slug>/<year>/`."""

    entry: DepartmentEntry  # the department, for its slug (links)
    dept: Department  # the department's own file, for its name
    rf: ReportFile  # the year file: its year and original text (the 原文 link); the downloads' source
    report: YearReport  # the year's model: its unit, sections, problems, measures, tables, 三公 note
    place: Place | None  # the department's region, where regions.yaml has it
    documents: tuple[Document, ...]  # the report's documents (标题, 文号, 发布日期 …), the header
    key_figures: list[KeyFigure]  # the figures atop the page
    income: list[AccountGroup]  # 收入 by scope of funds, a table per breakdown
    expenditure: list[AccountGroup]  # 支出 likewise
    sangong: FigureTable | None  # the 三公经费 table
    sangong_stats: list[tuple[int, Stat]]  # the 三公 section's other figures (批次, 人次 …), with depth
    projects: list[ProjectTable]  # a table per project group
    performance: Performance | None  # the department's self-evaluation
    indicator_rows: list[IndicatorRow]  # its indicator table, levels merged (_performance.html)
    project_performance: list[tuple[Performance, list[IndicatorRow]]]  # each project's, with its rows
    blocks: list[ReportBlock]  # 机关运行经费, 国有资产, 政府采购, those the report states
    staffing: Staffing | None  # 编制 and 实有人数 (_people.html)
    organization: Organization | None  # internal and subordinate units (_people.html)
    stats: list[tuple[int, Stat]]  # the 主要工作 figures, with depth
    others: list[ReportFile]  # the department's other years, for links
    changes: list[ChangeRow]  # the headline figures against the year before
    charts: dict[str, Chart]  # the report's charts by id
    checks: CheckPanel  # its 数据核验 (_checks.html)


@with_config(_CONFIG)
class SourceContext(TypedDict):
    """source.html: a report's original text, `departments/<slug>/<year>/source/`."""

    entry: DepartmentEntry  # the department, for its slug (the link back)
    report: YearReport  # for its year and its documents' original addresses
    segments: list[Segment]  # the text as text and tables, in order


@with_config(_CONFIG)
class DepartmentContext(TypedDict):
    """department.html: a department across its years, `departments/<slug>/`."""

    entry: DepartmentEntry  # for its slug
    dept: Department  # its profile: name, level, functions, history …
    place: Place | None  # its region, where regions.yaml has it
    rows: list[Headline]  # each report's headline figures, by year
    reports: list[ReportFile]  # its reports, the latest first
    charts: list[Chart]  # its figures across years
    changes: list[tuple[int, list[ChangeRow]]]  # each year against the one before, the latest first


@with_config(_CONFIG)
class DepartmentsContext(TypedDict):
    """departments.html: every department by region, `departments/`."""

    groups: list[RegionNode]


@with_config(_CONFIG)
class YearContext(TypedDict):
    """year.html: every department's report of one year side by side, `years/<year>/`."""

    year: int
    rows: list[Headline]  # the year's reports
    years: list[int]  # every year of the site, the latest first (the year links)
    charts: list[Chart]
    filters: list[tuple[str, str]]  # each row's region and grade, to filter the table by
    rankings: list[Ranking]  # top and bottom lists, when the year has too many for a bar each
    stated: StatedCounts


@with_config(_CONFIG)
class YearsContext(TypedDict):
    """years.html: the years, `years/`."""

    years: list[tuple[int, int]]  # each year with its number of reports, the latest first


@with_config(_CONFIG)
class RegionContext(TypedDict):
    """region.html: a province, city or county, `regions/…/`."""

    place: Place
    children: list[Place]  # its sub-regions
    departments: list[Summary]  # every department under it
    years: list[RegionYear]  # its reports year by year
    compare: list[SubRegion]  # its sub-regions side by side
    charts: list[Chart]
    members: list[RegionMember]  # its departments side by side


@with_config(_CONFIG)
class RegionsContext(TypedDict):
    """regions.html: the region tree, `regions/`."""

    tree: list[RegionNode]


@with_config(_CONFIG)
class HomeContext(TypedDict):
    """home.html: the home page."""

    latest: list[Headline]  # the latest reports published
    tree: list[RegionNode]
    years: list[int]  # the latest first
    counts: Counts
    charts: list[Chart]  # the totals by year, if any year states them


@with_config(_CONFIG)
class GlossaryContext(TypedDict):
    """glossary.html: 名词解释, `glossary/`."""

    terms: tuple[Term, ...]  # glossary.yaml's, as written


@with_config(_CONFIG)
class ChecksContext(TypedDict):
    """checks.html: every finding of the site, `checks/`."""

    rows: list[tuple[str, int, Result]]  # (department name, year, finding)
    rules: dict[str, Rule]  # every rule by id, with how many checks and findings it made (totals)
    departments: list[str]  # the departments with findings, to filter by
    years: list[int]  # the years with findings, the latest first
    totals: CheckTotals


@with_config(_CONFIG)
class DataContext(TypedDict):
    """data.html: the downloads, `data/`."""

    downloads: list[Download]  # every data file with its size and rows
    #: each table's title, description, columns and primary key (data.TABLES)
    tables: dict[str, tuple[str, str, tuple[Column, ...], tuple[str, ...]]]
    text_note: str  # how text cells are written (data.TEXT_NOTE)


@with_config(_CONFIG)
class SearchContext(TypedDict):
    """search.html: the search page, `search/`."""

    filters: tuple[tuple[str, str], ...]  # each filter's key and its label (search.FILTERS)


@with_config(_CONFIG)
class AboutContext(TypedDict):
    """about.html: 关于本站, `about/`."""

    counts: Counts


@with_config(_CONFIG)
class SitemapContext(TypedDict):
    """sitemap.html: 网站地图, `sitemap/`."""

    tree: list[RegionNode]
    years: list[int]  # the latest first


@with_config(_CONFIG)
class Empty(TypedDict):
    """contact.html (from site.yaml alone), 404.html, robots.txt: nothing but `page` and the globals."""


@with_config(_CONFIG)
class SitemapXmlContext(TypedDict):
    """sitemap.xml."""

    urls: list[str]  # every page's URL from the site root, sorted


@with_config(_CONFIG)
class FeedContext(TypedDict):
    """feed.xml: the Atom feed."""

    entries: list[Headline]  # the latest reports (pages.FEED_ENTRIES), the latest first
    updated: dt.date  # the latest report's date


#: Each template's context type (a TypedDict class, which typing has no type for).
CONTEXTS: dict[str, Any] = {
    "report.html": ReportContext,
    "source.html": SourceContext,
    "department.html": DepartmentContext,
    "departments.html": DepartmentsContext,
    "year.html": YearContext,
    "years.html": YearsContext,
    "region.html": RegionContext,
    "regions.html": RegionsContext,
    "home.html": HomeContext,
    "glossary.html": GlossaryContext,
    "checks.html": ChecksContext,
    "data.html": DataContext,
    "search.html": SearchContext,
    "about.html": AboutContext,
    "sitemap.html": SitemapContext,
    "contact.html": Empty,
    "404.html": Empty,
    "sitemap.xml": SitemapXmlContext,
    "feed.xml": FeedContext,
    "robots.txt": Empty,
}

#: Each template's keys: what `Renderer.render` holds every context to.
CONTEXT_KEYS: dict[str, frozenset[str]] = {name: frozenset(kind.__required_keys__) for name, kind in CONTEXTS.items()}


@functools.cache
def _adapter(template: str) -> TypeAdapter[Any]:
    # views' row types name pages.Headline, which views cannot import (pages imports views):
    # pydantic resolves the names a type leaves open in the locals of the frame making its adapter.
    Headline = pages.Headline  # noqa: F841
    return TypeAdapter(CONTEXTS[template])


def check_context(template: str, context: Any) -> None:
    """Raise pydantic's ValidationError naming each key of `context` whose value is not of its
    declared type (strictly: a tuple is no list, a str no int), or a key missing or extra."""
    _adapter(template).validate_python(context, strict=True)


#: Whether the renderer checks every context's types as well as its keys (tests; a build run
#: with SITE_CHECK_CONTEXTS=1). Off by default: it costs a tenth of a report page's rendering.
CHECK_TYPES = os.environ.get("SITE_CHECK_CONTEXTS", "") not in ("", "0")
