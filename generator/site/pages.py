"""The page plan: every page of the site, its URL, template and explicit context.

Each page kind has one pure function building its context from the loaded content, of the
type its template is declared to take (generator/site/contexts.py, where each key is
documented; tested against the templates).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..checks import RULES, Result, check_content, findings
from ..content import sourcetext
from ..content.load import Content, DepartmentEntry, ReportFile
from ..content.numbers import decimal_text
from ..content.regions import Place, places
from ..outputs.data import TABLES, TEXT_NOTE
from ..outputs.searchindex import Record, RecordPart
from . import charts, views
from .search import FILTERS, department_text, grade_band, report_text

if TYPE_CHECKING:  # contexts.py imports this module's summaries
    from .contexts import (
        ChecksContext,
        CheckTotals,
        Counts,
        DataContext,
        DepartmentContext,
        HomeContext,
        RegionContext,
        RegionNode,
        ReportBlock,
        ReportContext,
        SitemapXmlContext,
        YearContext,
    )


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str | None


@dataclass(frozen=True)
class Page:
    """One output file: where it goes, which template renders it, and with what.

    `make` is the context, or a function making it: report pages make theirs (tables, charts,
    checks) only when rendered, so a large site does not hold every page's context at once.
    Either is of the type contexts.CONTEXTS gives for `template`.
    """

    path: str  # output path relative to the site root, e.g. departments/x/2020/index.html
    template: str
    title: str
    make: Mapping[str, Any] | Callable[[], Mapping[str, Any]] = field(compare=False)
    crumbs: tuple[Crumb, ...] = ()
    description: str = ""
    #: Links from the site's root (the path of `base_url`) instead of from the page: a page
    #: served at any URL, as the 404 page is for every missing one, however deep.
    rooted: bool = False

    @property
    def context(self) -> Mapping[str, Any]:
        return self.make() if callable(self.make) else self.make

    @property
    def url(self) -> str:
        """The page's URL relative to the site root: directory form for index pages."""
        return self.path[: -len("index.html")] if self.path.endswith("index.html") else self.path


def report_date(rf: ReportFile) -> dt.date:
    """When a report was published, for ordering: its stated dates, else the end of the year after."""
    dates = [date for date in (d.published or d.written for d in rf.report.documents) if date]
    return max(dates) if dates else dt.date(rf.year + 1, 12, 31)


def report_title(entry: DepartmentEntry, rf: ReportFile) -> str:
    """The report's title as published, naming its department and year where the title itself
    does not (a tab, a bookmark or a search engine must tell whose report it is)."""
    title = rf.report.documents[0].title
    name = entry.department.name
    if name not in title:
        title = f"{name}{title}"
    if str(rf.year) not in title:
        title = f"{title}（{rf.year}年度）"
    return title


def _place_crumbs(place: Place | None) -> list[Crumb]:
    crumbs = [Crumb("首页", ""), Crumb("地区", "regions/")]
    if place is None:
        return crumbs
    for i in range(len(place.lineage)):
        sub = Place(place.lineage[i], place.lineage[: i + 1])
        crumbs.append(Crumb(sub.region.name, sub.url))
    return crumbs


@dataclass(frozen=True)
class Headline:
    """A report as site-wide pages show it: what it is and its figures, for comparison tables
    across years and departments, the latest list and the feed. Small, and holding nothing
    of the model's other fields, so a build keeps one per report in memory."""

    slug: str
    name: str  # the department's
    year: int
    title: str
    kinds: tuple[str, ...]
    issuer: str | None
    date: dt.date  # when it was published, for ordering (report_date)
    #: Each compared figure's headline amount in yuan (Figure.value) and the stage it is at.
    #: Amounts, not the figures: a build keeps every department's headlines and reads them
    #: back from its store, and a figure with its statements costs ten times as much to unpickle.
    figures: dict[str, tuple[Decimal | None, str]]
    staff: int | None
    staff_label: str
    score: Decimal | None  # the self-evaluation score as first stated
    grade: str | None
    #: What the comparison tables print: each figure's cell (money in the site's unit), and the score's.
    cells: dict[str, views.Cell | None]
    score_cell: views.Cell | None
    #: The 预算执行率 as first stated (views.execution_rate: of the 支出合计, else of the
    #: self-evaluation's 预算执行 row), what it is the rate of, and its cell.
    rate: Decimal | None = None
    rate_of: str = ""
    rate_cell: views.Cell | None = None


def headline(entry: DepartmentEntry, rf: ReportFile, unit: str) -> Headline:
    report = rf.report
    perf = report.performance
    staff, staff_label = views.staff_count(report)
    figures = views.headline(report)
    score = perf.score if perf else None
    rate, rate_of = views.execution_rate(report)
    return Headline(entry.slug, entry.department.name, rf.year, report_title(entry, rf),
                    tuple(d.kind for d in report.documents), report.documents[0].issuer, report_date(rf),
                    {key: (fig.value if fig is not None else None, stage) for key, (fig, stage) in figures.items()},
                    staff, staff_label, score.first.value if score is not None else None, perf.grade if perf else None,
                    {key: views.figure_cell(fig, "money", unit) for key, (fig, _) in figures.items()},
                    views.figure_cell(score, "score", unit), rate.first.value if rate is not None else None,
                    rate_of, views.figure_cell(rate, "percent", unit))


@dataclass(frozen=True)
class Summary:
    """What the site-wide pages know of one department: its listing, a headline per report and
    its check results in brief. Made with the department's own pages (generator/department/build.py)
    and, unlike the loaded model, kept for the whole build."""

    slug: str
    name: str
    region: str
    heads: tuple[Headline, ...]  # by year
    #: The findings of each report, (year, result), by year then as `findings` orders them.
    findings: tuple[tuple[int, Result], ...]
    #: Results made per rule, and results that could not be checked.
    made: dict[str, int]
    unchecked: int
    #: The years whose original text is published beside the report.
    sources: tuple[int, ...] = ()
    #: Digests of the parts site-wide pages show (`digests_of`), so a page is made again only
    #: when what it shows of a department changed.
    digests: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(h.year for h in self.heads)


def summary(entry: DepartmentEntry, checks: dict[tuple[str, int], list[Result]], unit: str) -> Summary:
    results = [(rf.year, checks.get((entry.slug, rf.year), [])) for rf in entry.reports]
    made = Summary(entry.slug, entry.department.name, entry.department.region,
                   tuple(headline(entry, rf, unit) for rf in entry.reports),
                   tuple((year, r) for year, rs in results for r in findings(rs)),
                   dict(sorted(Counter(r.rule for _, rs in results for r in rs).items())),
                   sum(1 for _, rs in results for r in rs if r.passed is None),
                   tuple(rf.year for rf in entry.reports if rf.source_text is not None))
    made.digests.update(digests_of(made))
    return made


def digests_of(d: Summary) -> dict[str, str]:
    """What each kind of site-wide page shows of a department, digested: `listing` (name,
    region, years: the region trees, sitemap, counts), `region` (what region pages add up of its
    reports), `heads` (every report's headline: home, feed), `year:<y>` (one year's: its year
    page), `findings` (the checks page)."""
    def digest(value) -> str:
        text = repr(value)
        assert " at 0x" not in text, text  # a value without a stable repr would never match
        return hashlib.sha256(text.encode()).hexdigest()

    out = {"listing": digest((d.slug, d.name, d.region, d.years, d.sources)),
           # a region page's years, charts and comparisons: each report's spending, score, grade
           # and 预算执行率 as shown, and findings by severity (not its title or other figures)
           "region": digest((d.slug, d.name, d.region, d.years,
                             tuple((h.year, h.figures["expenditure"], h.cells["expenditure"], h.score, h.score_cell,
                                    h.grade, h.rate_cell) for h in d.heads),
                             tuple((year, r.severity) for year, r in d.findings))),
           "heads": digest((d.slug, d.name, d.heads)),
           "findings": digest((d.slug, d.name, d.findings, d.made, d.unchecked))}
    for h in d.heads:
        out[f"year:{h.year}"] = digest((d.slug, d.name, h))
    return out


def _region_filters(place: Place | None) -> dict[str, list[str]]:
    if place is None:
        return {}
    keys = ("province", "city", "county")
    return {keys[i]: [r.name] for i, r in enumerate(place.lineage[:3])}


def report_record(entry: DepartmentEntry, rf: ReportFile, place: Place | None) -> Record:
    """The search record of a report: its page and, where there is one, its original text."""
    report = rf.report
    perf = report.performance
    score = perf.score.value if perf and perf.score else None
    grade = grade_band(score)
    title = rf.report.documents[0].title
    filters: dict[str, list[str]] = {"type": ["报告"], "year": [str(rf.year)], **_region_filters(place),
               "department": [entry.department.name], "kind": sorted({d.kind for d in report.documents})}
    if grade:
        filters["grade"] = [grade]
    meta = {"department": entry.department.name, "region": place.full_name if place else "",
            "year": str(rf.year), "kind": "、".join(d.kind for d in report.documents), "type": "报告"}
    if score is not None:
        meta["score"] = decimal_text(score)
    url = f"departments/{entry.slug}/{rf.year}/"
    parts = [RecordPart(url, "报告", report_text(report, entry.department))]
    if rf.source_text is not None:
        parts.append(RecordPart(f"{url}source/", "原文", sourcetext.clean(rf.source_text)))
    return Record(url, title, meta, filters, {"year": rf.year, "score": score}, tuple(parts))


def department_record(entry: DepartmentEntry, place: Place | None) -> Record:
    years = [str(rf.year) for rf in entry.reports]
    meta = {"department": entry.department.name, "region": place.full_name if place else "",
            "year": "、".join(years), "kind": "部门概况", "type": "部门"}
    url = f"departments/{entry.slug}/"
    return Record(url, entry.department.name, meta,
                  {"type": ["部门"], **_region_filters(place), "department": [entry.department.name]},
                  {"year": max((rf.year for rf in entry.reports), default=None), "score": None},
                  (RecordPart(url, "部门", department_text(entry.department)),))


def department_records(entry: DepartmentEntry, place: Place | None) -> list[Record]:
    """The search records of one department: its own and one per report (page and original text)."""
    return [department_record(entry, place), *(report_record(entry, rf, place) for rf in entry.reports)]


def search_records(content: Content) -> list[Record]:
    """One search record per report (page and original text) and per department, in URL order."""
    regions = places(content.regions)
    records = [r for entry in content.departments
               for r in department_records(entry, regions.get(entry.department.region))]
    return sorted(records, key=lambda r: r.url)


@dataclass(frozen=True)
class CheckPanel:
    """The 数据核验 of one report as its page shows it."""

    results: tuple[Result, ...]
    findings: tuple[Result, ...]
    passed: tuple[Result, ...]
    unchecked: tuple[Result, ...]


def check_panel(results: list[Result]) -> CheckPanel:
    return CheckPanel(tuple(results), tuple(findings(results)), tuple(r for r in results if r.passed),
                      tuple(r for r in results if r.passed is None))


def report_page(content: Content, entry: DepartmentEntry, rf: ReportFile, regions: dict[str, Place],
                results: list[Result]) -> Page:
    report = rf.report
    place = regions.get(entry.department.region)
    crumbs = (*_place_crumbs(place), Crumb(entry.department.name, f"departments/{entry.slug}/"),
              Crumb(f"{rf.year}年度", None))
    return Page(f"departments/{entry.slug}/{rf.year}/index.html", "report.html", report_title(entry, rf),
                lambda: report_context(content, entry, rf, place, results), crumbs,
                description=f"{entry.department.name}{rf.year}年度{'、'.join(d.kind for d in report.documents)}")


def report_context(content: Content, entry: DepartmentEntry, rf: ReportFile, place: Place | None,
                   results: list[Result]) -> ReportContext:
    report = rf.report
    perf = report.performance
    unit = content.site.money_unit
    blocks: list[ReportBlock] = []
    for id, caption, block, total in (("operating-costs", "机关运行经费", report.operating_costs, "机关运行经费合计"),
                                      ("assets", "国有资产占用", report.assets, "资产总额"),
                                      ("procurement", "政府采购", report.procurement, "政府采购支出总额")):
        table = views.block_table(id, caption, block, total, unit)
        if block is not None:
            blocks.append({"id": id, "caption": caption, "table": table, "block": block,
                           "stats": views.stats_rows(block.stats)})
    context: ReportContext = {
        "entry": entry,
        "dept": entry.department,
        "rf": rf,
        "report": report,
        "place": place,
        "documents": report.documents,
        "key_figures": views.key_figures(report),
        "income": views.account_tables("收入", report.income, "income", unit),
        "expenditure": views.account_tables("支出", report.expenditure, "expenditure", unit),
        "sangong": views.sangong_table(report.sangong, unit),
        "sangong_stats": views.stats_rows(report.sangong.stats) if report.sangong else [],
        "projects": views.project_tables(report.projects, unit),
        "performance": perf,
        "indicator_rows": views.indicator_rows(perf.indicators, perf.weights) if perf else [],
        "project_performance": [(p, views.indicator_rows(p.indicators, p.weights)) for p in report.project_performance],
        "blocks": blocks,
        "staffing": report.staffing,
        "organization": report.organization,
        "stats": views.stats_rows(report.work_stats),
        "others": [r for r in entry.reports if r.year != rf.year],
        "changes": views.change_rows(charts.year_changes([r.report for r in entry.reports
                                                          if r.year in (rf.year, rf.year - 1)], rf.year), unit),
        "charts": {c.id: c for c in charts.report_charts(report, content.site.money_unit)},
        "checks": check_panel(results),
    }
    return context


def source_page(entry: DepartmentEntry, rf: ReportFile, regions: dict[str, Place]) -> Page:
    place = regions.get(entry.department.region)
    crumbs = (*_place_crumbs(place), Crumb(entry.department.name, f"departments/{entry.slug}/"),
              Crumb(f"{rf.year}年度", f"departments/{entry.slug}/{rf.year}/"), Crumb("原文", None))
    return Page(f"departments/{entry.slug}/{rf.year}/source/index.html", "source.html",
                f"{report_title(entry, rf)}（原文）",
                {"entry": entry, "report": rf.report, "segments": sourcetext.segments(rf.source_text or "")},
                crumbs,
                description=f"{entry.department.name}{rf.year}年度报告原文")


def department_page(entry: DepartmentEntry, regions: dict[str, Place], unit: str,
                    heads: tuple[Headline, ...] | None = None) -> Page:
    place = regions.get(entry.department.region)
    crumbs = (*_place_crumbs(place), Crumb(entry.department.name, None))

    def context() -> DepartmentContext:
        return {"entry": entry, "dept": entry.department, "place": place,
                "rows": list(heads) if heads is not None else [headline(entry, rf, unit) for rf in entry.reports],
                "reports": list(reversed(entry.reports)),
                "charts": charts.department_charts([rf.report for rf in entry.reports], unit),
                "changes": [(rf.year, views.change_rows(
                                charts.year_changes([r.report for r in entry.reports], rf.year), unit))
                            for rf in reversed(entry.reports)]}

    return Page(f"departments/{entry.slug}/index.html", "department.html", entry.department.name, context, crumbs,
                description=f"{entry.department.name}的部门概况与历年公开报告")


def department_pages(content: Content, entry: DepartmentEntry, checks: dict[tuple[str, int], list[Result]],
                     heads: tuple[Headline, ...] | None = None) -> list[Page]:
    """Every page of one department: its own, and each report's page and original text.

    `content` is the site scope: its site, regions and glossary (its departments are not read).
    """
    regions = places(content.regions)
    pages = [department_page(entry, regions, content.site.money_unit, heads)]
    for rf in entry.reports:
        pages.append(report_page(content, entry, rf, regions, checks.get((entry.slug, rf.year), [])))
        if rf.source_text is not None:
            pages.append(source_page(entry, rf, regions))
    return pages


def years_of(summaries: Sequence[Summary]) -> list[int]:
    return sorted({h.year for d in summaries for h in d.heads}, reverse=True)


def year_page(summaries: Sequence[Summary], year: int, years: list[int], unit: str,
              regions: dict[str, Place] | None = None) -> Page:
    def context() -> YearContext:  # made when the page is rendered
        rows = [h for d in summaries for h in d.heads if h.year == year]
        region_of = {d.slug: (regions[d.region].full_name if regions and d.region in regions else "")
                     for d in summaries}
        # what the table can be filtered by: each row's region and grade (grade bands where no grade is stated)
        filters = [(region_of.get(h.slug, ""), h.grade or grade_band(h.score) or "未评") for h in rows]
        return {"year": year, "rows": rows, "years": years, "charts": charts.year_charts(rows, unit),
                "filters": filters,
                # top and bottom lists where the score chart is a distribution, not a bar each
                "rankings": views.year_rankings(rows, charts.YEAR_CHART_MAX),
                "stated": {"score": sum(1 for h in rows if h.score is not None),
                           "rate": sum(1 for h in rows if h.rate is not None)}}

    return Page(f"years/{year}/index.html", "year.html", f"{year}年度各部门对比", context,
                (Crumb("首页", ""), Crumb("年度", "years/"), Crumb(f"{year}年度", None)),
                description=f"{year}年度各部门收支、“三公”经费与绩效自评对比")


def region_path(place: Place) -> str:
    """Where a region's page is written (what a build keys the page by, before its context is made)."""
    return f"{place.url}index.html"


def region_pages(summaries: Sequence[Summary], regions: dict[str, Place], unit: str = "万元") -> list[Page]:
    # Each department under its county and every region above it, by code (comparing the
    # regions themselves would compare their whole subtrees).
    under: dict[str, list[Summary]] = {}
    for d in summaries:
        if d.region in regions:
            for ancestor in regions[d.region].lineage:
                under.setdefault(ancestor.code, []).append(d)
    def context(place: Place) -> Callable[[], RegionContext]:
        # made only when the page is rendered: a correction remakes a region page only where
        # what it shows changed, and a province has thousands of them
        def make() -> RegionContext:
            departments = under.get(place.code, [])
            children = [regions[c.code] for c in place.region.children]
            return {"place": place, "children": children, "departments": departments,
                    "years": views.region_years(departments, unit),
                    "compare": views.region_compare(children, under) if children else [],
                    "charts": charts.region_charts(departments, children, under, unit),
                    "members": views.region_departments(departments)}
        return make

    pages = []
    for _, place in sorted(regions.items()):
        pages.append(Page(region_path(place), "region.html", place.full_name, context(place),
                          tuple(_place_crumbs(place)[:-1]) + (Crumb(place.region.name, None),),
                          description=f"{place.full_name}各部门的预算与绩效公开报告"))
    return pages


def region_tree(summaries: Sequence[Summary], regions: dict[str, Place], roots) -> list[RegionNode]:
    """Provinces → cities → counties with the departments under each county."""
    by_county: dict[str, list[Summary]] = {}
    for d in summaries:
        by_county.setdefault(d.region, []).append(d)

    def node(place: Place) -> RegionNode:
        kids = [node(regions[c.code]) for c in place.region.children]
        kids = [k for k in kids if k["count"]]
        own = by_county.get(place.code, [])
        return {"place": place, "children": kids, "departments": own,
                "count": len(own) + sum(k["count"] for k in kids),
                "reports": sum(len(d.heads) for d in own) + sum(k["reports"] for k in kids)}

    return [n for n in (node(regions[r.code]) for r in roots) if n["count"]]


def checks_page(summaries: Sequence[Summary]) -> Page:
    def context() -> ChecksContext:  # made when the page is rendered
        rows = [(d.name, year, r) for d in summaries for year, r in d.findings]
        made: Counter = Counter()
        for d in summaries:
            made.update(d.made)
        found = Counter(r.rule for _, _, r in rows)
        totals: CheckTotals = {"checks": sum(made.values()), "findings": len(rows),
                  "unchecked": sum(d.unchecked for d in summaries),
                  "by_rule": {rule: (made[rule], found[rule]) for rule in RULES}}
        return {"rows": rows, "rules": RULES, "departments": sorted({n for n, _, _ in rows}),
                "years": sorted({y for _, y, _ in rows}, reverse=True), "totals": totals}

    return Page("checks/index.html", "checks.html", "数据核验", context,
                (Crumb("首页", ""), Crumb("数据核验", None)), description="各报告数字之间的一致性核对结果")


def by_date(summaries: Sequence[Summary]) -> list[Headline]:
    """Every report, the latest published first."""
    return sorted((h for d in summaries for h in d.heads), key=lambda h: (h.date, h.slug), reverse=True)


def site_pages(content: Content, summaries: Sequence[Summary], downloads: list | Callable[[], list]) -> list[Page]:
    """Every page above the departments, made from their summaries (in slug order), in a stable order.

    `content` is the site scope (site, regions, glossary); its departments are not read.
    `downloads` are the data files the data page lists, or what gives them when that page is
    made (a build may still be writing them on another process).
    """
    listed = downloads if callable(downloads) else (lambda: downloads)
    unit = content.site.money_unit
    regions = places(content.regions)
    years = years_of(summaries)
    reports = sum(len(d.heads) for d in summaries)
    counts: Counts = {"departments": len(summaries), "reports": reports, "years": len(years)}
    # What several pages share, made when the first of them is rendered: a correction remakes
    # a few of these pages, and each piece walks every report of a province.
    tree = functools.cache(lambda: region_tree(summaries, regions, content.regions.regions))
    dated = functools.cache(lambda: by_date(summaries))
    pages: list[Page] = []

    def home() -> HomeContext:
        by_year: dict[int, list[Headline]] = {}
        for d in summaries:
            for h in d.heads:
                by_year.setdefault(h.year, []).append(h)
        home_chart = charts.home_chart(by_year, unit)
        return {"latest": dated()[:12], "tree": tree(), "years": years, "counts": counts,
                "charts": [home_chart] if home_chart else []}

    pages.append(Page("index.html", "home.html", content.site.title, home,
                      description=content.site.subtitle or content.site.title))
    pages.append(Page("departments/index.html", "departments.html", "部门", lambda: {"groups": tree()},
                      (Crumb("首页", ""), Crumb("部门", None)), description="全部部门，按地区排列"))
    for year in years:
        pages.append(year_page(summaries, year, years, unit, regions))
    per_year = Counter(h.year for d in summaries for h in d.heads)
    pages.append(Page("years/index.html", "years.html", "年度", {"years": [(y, per_year[y]) for y in years]},
                      (Crumb("首页", ""), Crumb("年度", None)), description="按年度浏览各部门报告"))
    pages += region_pages(summaries, regions, unit)
    pages.append(Page("regions/index.html", "regions.html", "地区", lambda: {"tree": tree()},
                      (Crumb("首页", ""), Crumb("地区", None)), description="按省、市、县浏览各部门"))
    pages.append(Page("glossary/index.html", "glossary.html", "名词解释",
                      {"terms": content.glossary.terms if content.glossary else ()},
                      (Crumb("首页", ""), Crumb("名词解释", None)), description="预算、决算与绩效报告中的常用名词"))
    pages.append(checks_page(summaries))
    def data_context() -> DataContext:
        return {"downloads": listed(), "tables": TABLES, "text_note": TEXT_NOTE}

    pages.append(Page("data/index.html", "data.html", "数据下载", data_context,
                      (Crumb("首页", ""), Crumb("数据下载", None)),
                      description="全部数字、绩效指标与核验结果的 CSV、Excel 和数据包下载"))
    pages.append(Page("search/index.html", "search.html", "全文搜索", {"filters": FILTERS},
                      (Crumb("首页", ""), Crumb("全文搜索", None)), description="搜索各部门报告、部门概况和报告原文"))
    pages.append(Page("about/index.html", "about.html", "关于本站", {"counts": counts},
                      (Crumb("首页", ""), Crumb("关于本站", None))))
    # The 页面底部功能区 of a government site lists 网站地图 and 联系我们 (FORMATS.md §3.1).
    pages.append(Page("sitemap/index.html", "sitemap.html", "网站地图", lambda: {"tree": tree(), "years": years},
                      (Crumb("首页", ""), Crumb("网站地图", None)), description="本站各栏目、地区、部门与年度"))
    if content.site.contact:
        pages.append(Page("contact/index.html", "contact.html", "联系我们", {},
                          (Crumb("首页", ""), Crumb("联系我们", None)),
                          description=f"{content.site.organizer}的联系方式"))
    pages.append(Page("404.html", "404.html", "页面未找到", {}, rooted=True))
    listed_pages = [p.url for p in pages if p.path.endswith(".html") and p.path != "404.html"]

    def sitemap() -> SitemapXmlContext:
        urls = list(listed_pages)
        for d in summaries:
            urls.append(f"departments/{d.slug}/")
            for h in d.heads:
                urls.append(f"departments/{d.slug}/{h.year}/")
                # an original-text page is listed when the department made one (Summary.sources)
                if h.year in d.sources:
                    urls.append(f"departments/{d.slug}/{h.year}/source/")
        return {"urls": sorted(urls)}

    pages.append(Page("sitemap.xml", "sitemap.xml", "sitemap", sitemap))
    pages.append(Page("feed.xml", "feed.xml", "feed", lambda: {
        "entries": dated()[:FEED_ENTRIES], "updated": dated()[0].date if dated() else dt.date(2000, 1, 1)}))
    pages.append(Page("robots.txt", "robots.txt", "robots", {}))
    return pages


#: The reports the feed carries, the latest first: a reader subscribes for what is new, and a
#: province's feed of every report would run to megabytes, remade at every correction.
FEED_ENTRIES = 100


def plan(content: Content, checks: dict[tuple[str, int], list[Result]] | None = None,
         downloads: list | None = None) -> list[Page]:
    """Every page of the site in one list (the build makes them department by department;
    this is for tests and tools that want them all at once)."""
    checks = checks if checks is not None else check_content(content)
    if downloads is None:
        from ..outputs.data import MemoryFiles, build_tables, site_data

        downloads = site_data(content, build_tables(content, checks), {}, MemoryFiles())
    unit = content.site.money_unit
    pages: list[Page] = []
    summaries = []
    for entry in content.departments:
        made = summary(entry, checks, unit)
        summaries.append(made)
        pages += department_pages(content, entry, checks, made.heads)
    pages = site_pages(content, summaries, downloads) + pages
    duplicates = sorted(path for path, n in Counter(p.path for p in pages).items() if n > 1)
    if duplicates:
        raise ValueError(f"two pages would be written to the same path: {', '.join(duplicates)}")
    return pages
