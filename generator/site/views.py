"""Presentation data built from the model: tables, key figures, the indicator table.

Plain data for templates: no HTML is written here. Columns appear only where some row
states a figure for them, so a table never shows an empty stage the report never gave.
Each figure a table or list prints is prepared here once as a `Cell` (its exact value, its
statements, the text shown), so the templates print fields instead of calling a macro per cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from typing_extensions import TypedDict  # pydantic validates typing.TypedDict only from Python 3.12

from ..content.figures import Figure
from ..content.labels import BREAKDOWNS as BREAKDOWN_NAMES, COUNTS, FIGURES
from ..content.model import (
    SANGONG_LABELS,
    STAGES,
    Account,
    Amounts,
    Block,
    Indicator,
    Line,
    Project,
    ProjectGroup,
    SanGong,
    Stat,
    Weight,
    YearReport,
    nature_line,
)
from ..content.numbers import decimal_text, unmet
from ..content.regions import Place
from .format import agree, money, plain, stated_all

if TYPE_CHECKING:
    from .pages import Headline

#: Table columns in display order, by model field; their headers and kinds are in labels.FIGURES.
COLUMNS: tuple[str, ...] = ("budget_initial", "adjustment", "budget_full", "budget", "arrived", "actual", "prior",
                            "change", "change_rate", "share", "execution_rate", "arrival_rate", "variance",
                            "variance_rate", "score")


class Cell(NamedTuple):
    """A figure as a page prints it: `value` for `<data value>` (money in exact yuan, a rate or
    score as its first statement's number), `stated` every statement as written (with places),
    `shown` the text on the page (money in the site's unit), `agree` whether the statements agree.

    A tuple: every report's headline cells are kept for the site-wide pages and read back from
    the store at each rebuild, and a tuple unpickles several times faster than a dataclass."""

    value: str
    stated: str
    shown: str
    agree: bool


def figure_cell(figure: Figure | None, kind: str, unit: str) -> Cell | None:
    """The cell of a figure of `kind` (money, signed, percent, score); money shown in `unit`."""
    if figure is None:
        return None
    if kind == "percent":
        value = decimal_text(figure.first.value)
        shown = value + "%"
    elif kind == "score":
        value = shown = decimal_text(figure.first.value)
    else:
        yuan = figure.value
        value, shown = plain(yuan), money(yuan, unit)
    return Cell(value, stated_all(figure), shown, agree(figure))


@dataclass(frozen=True)
class FigureColumn:
    """A column of a figure table on a report page: one stage or measure of the model's amounts
    (`key`, one of COLUMNS), titled as labels.FIGURES says. Not `data.Column`, a column of a data file."""

    key: str

    @property
    def label(self) -> str:
        """The column's header on the page: 年初预算, 结余额（超支为负）."""
        return FIGURES[self.key].heading()

    @property
    def kind(self) -> str:
        return FIGURES[self.key].kind

    @property
    def csv(self) -> str:
        """The column's header in the table's CSV, with the unit of its values: 结余额（元，超支为负）."""
        unit = {"money": "元", "signed": "元", "percent": "%"}.get(self.kind, "")
        return FIGURES[self.key].heading(unit)


@dataclass(frozen=True)
class FigureRow:
    """A row of a figure table: a line of the report (an account line, a 三公 item, a project),
    indented by `depth`, with its figures by column key."""

    label: str
    depth: int
    cells: dict[str, Figure]
    code: str | None = None
    note: str | None = None
    total: bool = False
    reasons: tuple[str, ...] = ()
    #: The row's cells in the order of its table's columns (set by `table`).
    shown: tuple[Cell | None, ...] = ()


@dataclass(frozen=True)
class FigureTable:
    """A table of a report's figures as its page shows it (the `figure_table` macro) and its CSV
    gives it. Not `sourcetext.Table`, a table of the original text."""

    id: str
    caption: str
    columns: tuple[FigureColumn, ...]
    rows: tuple[FigureRow, ...]
    note: str | None = None
    has_code: bool = False


def _cells(amounts: Amounts) -> dict[str, Figure]:
    return {key: getattr(amounts, key) for key in COLUMNS if getattr(amounts, key, None) is not None}


def _reasons(amounts: Amounts) -> tuple[str, ...]:
    return tuple(f"{r.name}：{stated_all(r.change)}" if r.change else r.name for r in amounts.change_reasons)


def _rows(lines: Iterable[Line], depth: int) -> list[FigureRow]:
    out = []
    for line in lines:
        out.append(FigureRow(line.name, depth, _cells(line), line.code, line.note, reasons=_reasons(line)))
        out += _rows(line.items, depth + 1)
    return out


def table(id: str, caption: str, rows: list[FigureRow], unit: str, note: str | None = None) -> FigureTable | None:
    """A figure table of the rows, with a column for each figure some row states; money in `unit`."""
    if not rows:
        return None
    used = {key for row in rows for key in row.cells}
    columns = tuple(FigureColumn(k) for k in COLUMNS if k in used)
    rows = [FigureRow(r.label, r.depth, r.cells, r.code, r.note, r.total, r.reasons,
                tuple(figure_cell(r.cells.get(c.key), c.kind, unit) for c in columns)) for r in rows]
    return FigureTable(id, caption, columns, tuple(rows), note, has_code=any(r.code for r in rows))


def total_row(line: Amounts | None, label: str) -> list[FigureRow]:
    if line is None:
        return []
    name = getattr(line, "name", None) or label
    return [FigureRow(name, 0, _cells(line), getattr(line, "code", None), line.note, total=True,
                      reasons=_reasons(line))]


BREAKDOWNS = tuple(BREAKDOWN_NAMES.items())


class AccountGroup(TypedDict):
    """One scope of funds of a report's 收入 or 支出 (report.html's `income`, `expenditure`)."""

    scope: str  # 一般公共预算, 政府性基金 … as the report names it
    statement: str | None  # what the report says of it in place of figures
    tables: list[FigureTable]  # a table per breakdown it gives, its total in the first


def account_tables(kind: str, accounts: tuple[Account, ...], prefix: str, unit: str) -> list[AccountGroup]:
    """One group per scope of funds: its statement and a table per breakdown it gives."""
    groups: list[AccountGroup] = []
    for i, account in enumerate(accounts):
        tables = []
        shown_total = False
        for key, label in BREAKDOWNS:
            lines = getattr(account, key)
            if not lines:
                continue
            rows = [] if shown_total else total_row(account.total, f"{kind}合计")
            shown_total = shown_total or bool(rows)
            rows += _rows(lines, 1 if rows else 0)
            t = table(f"{prefix}-{i + 1}-{key.replace('_', '-')}", f"{kind}（{account.scope}，{label}）", rows, unit)
            if t:
                tables.append(t)
        if not tables and account.total is not None:
            t = table(f"{prefix}-{i + 1}-total", f"{kind}（{account.scope}）", total_row(account.total, f"{kind}合计"),
                      unit)
            assert t is not None  # (a total makes a row)
            tables.append(t)
        if account.related:
            t = table(f"{prefix}-{i + 1}-related", f"{kind}（{account.scope}，相关数，不计入合计）",
                      _rows(account.related, 0), unit)
            assert t is not None  # (the related lines make rows)
            tables.append(t)
        groups.append({"scope": account.scope, "statement": account.statement, "tables": tables})
    return groups


#: The rows of the 三公经费 table: field and depth; the two car items are 其中 of 公务用车.
SANGONG_ROWS = (("total", 0), ("overseas", 1), ("vehicles", 1), ("vehicle_purchase", 2), ("vehicle_operation", 2),
                ("reception", 1))


def sangong_table(sangong: SanGong | None, unit: str) -> FigureTable | None:
    if sangong is None:
        return None
    rows = []
    for key, depth in SANGONG_ROWS:
        label = ("其中：" if depth == 2 else "") + SANGONG_LABELS[key]
        amounts = getattr(sangong, key)
        if amounts is not None:
            rows.append(FigureRow(label, depth, _cells(amounts), note=amounts.note, total=key == "total",
                            reasons=_reasons(amounts)))
        if key == "reception":
            rows += _rows(sangong.reception_items, 2)
    rows += _rows(sangong.related, 0)  # 会议费, 培训费: published with 三公, not part of it
    scope = f"（{sangong.scope}）" if sangong.scope else ""
    return table("sangong", f"“三公”经费{scope}", rows, unit)


class ProjectTable(TypedDict):
    """One group of a report's projects (report.html's `projects`)."""

    id: str  # the table's id on the page and its CSV's name
    caption: str
    table: FigureTable | None
    sources: list[FigureTable]  # each project's money by source (中央、省级、县级财政资金…) that states it
    stats: list[tuple[int, Stat]]  # the other figures its projects state, each named after its project


def project_tables(groups: tuple[ProjectGroup, ...], unit: str) -> list[ProjectTable]:
    """A table per project group, with the other figures its projects state (中标价, 件数 …)."""
    out: list[ProjectTable] = []
    for i, group in enumerate(groups):
        rows = total_row(group.total, group.name) if group.total else []
        rows += _project_rows(group.items, 1 if rows else 0)
        stats = [(0, s.model_copy(update={"name": f"{p.name}：{s.name}"}))
                 for p in _all_projects(group.items) for s in p.stats]
        # (the project's own row first, as the whole its sources make up)
        sources = [table(f"projects-{i + 1}-sources-{k + 1}", f"{p.name}：按资金来源",
                         total_row(p, p.name) + _rows(p.by_source, 1), unit)
                   for k, p in enumerate(p for p in _all_projects(group.items) if p.by_source)]
        out.append({"id": f"projects-{i + 1}", "caption": group.name, "table": table(f"projects-{i + 1}", group.name,
                                                                                   rows, unit, group.note),
                    "sources": [t for t in sources if t is not None],
                    "stats": [(d, s) for _, top in stats for d, s in stats_rows((top,))]})
    return out


def _all_projects(projects: Iterable[Project]) -> list[Project]:
    out = []
    for p in projects:
        out.append(p)
        out += _all_projects(p.items)
    return out


def _project_rows(projects: Iterable[Project], depth: int) -> list[FigureRow]:
    out = []
    for p in projects:
        cells = _cells(p)
        grade = (f"自评等级：{p.grade}",) if p.grade else ()
        out.append(FigureRow(p.name, depth, cells, p.code, p.note, reasons=grade + _reasons(p)))
        out += _project_rows(p.items, depth + 1)
    return out


def block_table(id: str, caption: str, block: Block | None, total_label: str, unit: str) -> FigureTable | None:
    if block is None:
        return None
    rows = total_row(block.total, total_label)
    rows += _rows(block.items, 1 if rows else 0)
    rows += [FigureRow(r.name, 0, _cells(r), r.code, r.note) for r in block.related]
    return table(id, caption, rows, unit)


# --- the indicator table ---------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    level1_span: int  # 0: merged into the row above
    level2_span: int
    unmet: bool
    lost: Decimal | None
    weight: Cell | None = None
    score: Cell | None = None
    #: The stated weights of the row's 一级指标, shown beside it on its first row.
    level1_weights: tuple[Cell | None, ...] = ()


def indicator_rows(indicators: tuple[Indicator, ...], weights: Iterable[Weight] = ()) -> list[IndicatorRow]:
    """The rows of a 绩效自评表, with the spans of their 一级/二级指标 and the cells they print;
    `weights` are the evaluation's stated weights per 一级指标."""
    weights = tuple(weights)
    rows = []
    n = len(indicators)
    for i, ind in enumerate(indicators):
        span1 = span2 = 0
        if i == 0 or indicators[i - 1].level1 != ind.level1:
            span1 = 1
            while i + span1 < n and indicators[i + span1].level1 == ind.level1:
                span1 += 1
        if span1 or indicators[i - 1].level2 != ind.level2:
            span2 = 1
            while (i + span2 < n and indicators[i + span2].level1 == ind.level1
                   and indicators[i + span2].level2 == ind.level2):
                span2 += 1
        lost = None
        if ind.weight is not None and ind.score is not None and ind.score.value < ind.weight.value:
            lost = ind.weight.value - ind.score.value
        level1 = tuple(figure_cell(w.weight, "score", "") for w in weights
                       if w.name == ind.level1 and w.weight is not None) if span1 else ()
        rows.append(IndicatorRow(ind, span1, span2, unmet(ind.target, ind.actual), lost,
                                 figure_cell(ind.weight, "score", ""), figure_cell(ind.score, "score", ""), level1))
    return rows


# --- key figures -------------------------------------------------------------------------------

HEADLINE_STAGES = ("actual", "budget_full", "budget", "budget_initial")
STAGE_NAMES = STAGES


@dataclass(frozen=True)
class KeyFigure:
    label: str
    figure: Figure | None = None
    stage: str = ""
    text: str = ""
    note: str = ""
    kind: str = "money"


def _main_account(accounts: tuple[Account, ...]) -> Account | None:
    for account in accounts:
        if account.scope == "部门全部资金" and account.total is not None:
            return account
    for account in accounts:
        if account.total is not None:
            return account
    return None


def _stage_figure(amounts: Amounts | None) -> tuple[Figure | None, str]:
    if amounts is None:
        return None, ""
    for stage in HEADLINE_STAGES:
        figure = getattr(amounts, stage)
        if figure is not None:
            return figure, STAGE_NAMES[stage]
    return None, ""


def headline(report: YearReport) -> dict[str, tuple[Figure | None, str]]:
    """The figures compared across years and departments, each with the stage it is at."""
    income = _main_account(report.income)
    spending = _main_account(report.expenditure)
    basic, _ = nature_line(report, "基本支出")
    project, _ = nature_line(report, "项目支出")
    sangong = report.sangong.total if report.sangong else None
    return {
        "income": _stage_figure(income.total if income else None),
        "expenditure": _stage_figure(spending.total if spending else None),
        "basic": _stage_figure(basic),
        "project": _stage_figure(project),
        "sangong": _stage_figure(sangong),
    }


def execution_rate(report: YearReport) -> tuple[Figure | None, str]:
    spending = _main_account(report.expenditure)
    if spending and spending.total and spending.total.execution_rate:
        return spending.total.execution_rate, "支出合计"
    perf = report.performance
    if perf and perf.budget_execution and perf.budget_execution.execution_rate:
        return perf.budget_execution.execution_rate, perf.budget_execution.name or "预算执行"
    return None, ""


def key_figures(report: YearReport) -> list[KeyFigure]:
    heads = headline(report)
    out = []
    for key, label in (("income", "收入合计"), ("expenditure", "支出合计"), ("sangong", "“三公”经费")):
        figure, stage = heads[key]
        out.append(KeyFigure(label, figure, stage, "" if figure else "未列明"))
    rate, of = execution_rate(report)
    out.append(KeyFigure("预算执行率", rate, of, "" if rate else "未列明", kind="percent"))
    perf = report.performance
    if perf and perf.score:
        out.append(KeyFigure("绩效自评得分", perf.score, perf.grade or "", kind="score"))
    else:
        out.append(KeyFigure("绩效自评得分", None, "", "未列明", kind="score"))
    return out


STAFF_FIELDS = tuple((key, COUNTS[key].brief) for key in ("actual_end", "actual_start", "total_staff", "authorized"))


def staff_count(report: YearReport) -> tuple[int | None, str]:
    """The head count that best stands for the staff that year, with what it counts."""
    staffing = report.staffing
    if staffing is None:
        return None, ""
    for key, label in STAFF_FIELDS:
        value = getattr(staffing, key)
        if value is not None:
            return value, label
    return None, ""


def stats_rows(stats: tuple[Stat, ...], depth: int = 0) -> list[tuple[int, Stat]]:
    out = []
    for stat in stats:
        out.append((depth, stat))
        out += stats_rows(stat.items, depth + 1)
    return out


def budget_execution_rows(be: Any) -> list[tuple[Any, int]]:
    """The rows under a self-evaluation's 年度资金总额, with their depth: the rows by source, then
    those by nature (按支出性质分), each with the rows listed under it."""
    out: list[tuple[Any, int]] = []
    for line in (*be.items, *be.by_nature):
        out.append((line, 1))
        out += [(item, 2) for item in line.items]
    return out


#: The columns of the 预算支出进度 table, by field, with their heads (money in the table's unit).
PROGRESS_COLUMNS = (("spent", "当期支出"), ("spent_to_date", "累计支出"), ("rate", "支出进度"),
                    ("required", "序时进度要求"), ("weight", "分值"), ("score", "得分"))


def progress_rows(be: Any) -> tuple[list[tuple[str, Any]], list[tuple[str, str]]]:
    """The 预算支出进度 a self-evaluation's 预算执行 block states: each point of the year with the name of
    the row it is the progress of (the block's own points first, then its rows'), and the columns
    some point fills, in PROGRESS_COLUMNS' order."""
    owners = [(be.name or "预算执行", be), *((line.name, line) for line, _ in budget_execution_rows(be))]
    rows = [(name, point) for name, owner in owners for point in owner.progress]
    columns = [(key, head) for key, head in PROGRESS_COLUMNS
               if any(getattr(point, key) is not None for _, point in rows)]
    return rows, columns


class ChangeRow(TypedDict):
    """One figure compared with the year before, as text (report.html's and department.html's `changes`)."""

    label: str
    this: str  # this year's figure with its unit
    this_stage: str  # the stage it is at: 决算, 全年预算 …
    last: str
    last_stage: str
    source: str  # where last year's figure comes from: its own report, or this one's 上年数
    change: str  # computed, signed
    rate: str  # computed, signed, or — where last year's is 0


def change_rows(changes: list[Any], unit: str) -> list[ChangeRow]:
    """The year-on-year changes (charts.year_changes) as the page shows them: this year's and last
    year's figures with their stage, where last year's comes from, and the computed change and rate."""
    rows: list[ChangeRow] = []
    for c in changes:
        score = c.key == "score"

        def shown(value: Decimal) -> str:
            return decimal_text(value) + " 分" if score else f"{money(value, unit)} {unit}"  # noqa: B023 (called in this iteration only)

        sign = "+" if c.change > 0 else ""
        source = (f"据{c.this.year}年报告所述上年数" if c.last.from_prior else f"{c.last.year}年报告")
        rows.append({"label": c.label, "this": shown(c.this.figure.value), "this_stage": c.this.stage,
                     "last": shown(c.last.figure.value), "last_stage": c.last.stage, "source": source,
                     "change": sign + shown(c.change),
                     "rate": "—" if c.rate is None else f"{sign}{decimal_text(c.rate)}%"})
    return rows


def stated_actuals(heads: Iterable[Any], key: str) -> list[Decimal]:
    """The headline amounts (pages.Headline.figures) under `key` that the reports state as 决算/执行."""
    return [h.figures[key][0] for h in heads
            if h.figures[key][0] is not None and h.figures[key][1] == FIGURES["actual"].name]


def _average(values: list[Decimal]) -> Decimal | None:
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01")) if values else None


class RegionYear(TypedDict):
    """A region's reports of one year, as text (region.html's `years`)."""

    year: str
    reports: str
    spent: str  # the stated 决算 spending added up, over how many departments
    score: str  # the average self-evaluation score, over how many reports
    grades: str
    findings: str


def region_years(departments: Sequence[Any], unit: str) -> list[RegionYear]:
    """A region's reports year by year (pages.Summary of each department under it): how many,
    the stated 决算 spending added up (and over how many departments), the average self-evaluation
    score, the grades, and the 数据核验 findings."""
    from .search import grade_band

    years = sorted({h.year for d in departments for h in d.heads}, reverse=True)
    out: list[RegionYear] = []
    for year in years:
        heads = [h for d in departments for h in d.heads if h.year == year]
        spent = stated_actuals(heads, "expenditure")
        scores = [h.score for h in heads if h.score is not None]
        grades: dict[str, int] = {}
        for score in scores:
            band = grade_band(score)
            if band:
                grades[band] = grades.get(band, 0) + 1
        found = [r for d in departments for y, r in d.findings if y == year]
        errors = sum(1 for r in found if r.severity == "error")
        average = _average(scores)  # None when no report states a score
        out.append({
            "year": str(year), "reports": str(len(heads)),
            "spent": f"{money(sum(spent, Decimal(0)), unit)}（{len(spent)} 个部门）" if spent else "—",
            "score": f"{decimal_text(average)}（{len(scores)} 份）" if average is not None else "—",
            "grades": "、".join(f"{g} {n}" for g, n in grades.items()) or "—",
            "findings": f"{len(found)}（错误 {errors}）" if found else "0",
        })
    return out


class SubRegion(TypedDict):
    """A sub-region beside its siblings (region.html's `compare`)."""

    place: Place
    departments: int
    reports: int
    latest: int | None  # the latest year reported
    score: Decimal | None  # the average of its departments' latest scores
    findings: int


def region_compare(children: Sequence[Any], under: Mapping[str, Sequence[Any]]) -> list[SubRegion]:
    """The sub-regions of a region side by side: departments, reports, their latest year, the
    average of their latest scores, and the findings, for a sortable table."""
    out: list[SubRegion] = []
    for place in children:
        deps = under.get(place.region.code, [])
        heads = [h for d in deps for h in d.heads]
        latest = [d.heads[-1] for d in deps if d.heads]
        scores = [h.score for h in latest if h.score is not None]
        out.append({"place": place, "departments": len(deps), "reports": len(heads),
                    "latest": max((h.year for h in heads), default=None),
                    "score": _average(scores),
                    "findings": sum(len(d.findings) for d in deps)})
    return out


#: How many departments a top or bottom list of a year names.
RANKING_SIZE = 10


class Ranked(NamedTuple):
    """One department in a top or bottom list: its place in the list (tied values share it),
    its headline (pages.Headline) and the figure's cell."""

    rank: int
    head: Any
    cell: Cell
    note: str  # under the figure: the grade of a score, what a 预算执行率 is the rate of


@dataclass(frozen=True)
class Ranking:
    """The highest or lowest `RANKING_SIZE` of a year's departments by one figure, over the
    reports that state it."""

    id: str
    caption: str
    rank_label: str  # 名次, 倒数名次
    measure: str  # the figure's column header
    stated: int  # how many of the year's reports state the figure
    total: int
    rows: tuple[Ranked, ...]
    ties: str  # departments left out although they equal the last one listed


def _ranking(id: str, heads: Sequence[Any], value, cell, note, *, lowest: bool, measure: str, unit: str,
             size: int) -> Ranking:
    stated = [h for h in heads if value(h) is not None]
    # ties in the list's order, then by name: the same list for the same reports at every build
    order = sorted(stated, key=lambda h: (value(h) if lowest else -value(h), h.name, h.slug))
    rows, rank = [], 0
    for i, h in enumerate(order[:size]):
        if i == 0 or value(h) != value(order[i - 1]):
            rank = i + 1
        rows.append(Ranked(rank, h, cell(h), note(h)))
    ties = ""
    if len(order) > size:
        last = value(order[size - 1])
        left = sum(1 for h in order[size:] if value(h) == last)
        if left:
            ties = f"另有 {left} 个部门同为 {decimal_text(last)}{unit}，未列出（见全部部门表）"
    word = "最低" if lowest else "最高"
    caption = f"{measure}{word}的 {len(rows)} 个部门"
    return Ranking(id, caption, "倒数名次" if lowest else "名次", measure, len(stated), len(heads), tuple(rows), ties)


def year_rankings(heads: Sequence[Any], more_than: int, size: int = RANKING_SIZE) -> list[Ranking]:
    """A year's top and bottom lists (pages.Headline of each report): the highest and lowest
    self-evaluation scores and the lowest 预算执行率, each over the reports that state it, and only
    where more than `more_than` do (fewer are drawn bar by bar and read whole in the table)."""
    out = []
    if sum(1 for h in heads if h.score is not None) > more_than:
        for lowest in (False, True):
            out.append(_ranking(f"rank-score-{'low' if lowest else 'high'}", heads, lambda h: h.score,
                                lambda h: h.score_cell, lambda h: h.grade or "", lowest=lowest, measure="自评得分",
                                unit=" 分", size=size))
    if sum(1 for h in heads if h.rate is not None) > more_than:
        out.append(_ranking("rank-rate-low", heads, lambda h: h.rate, lambda h: h.rate_cell, lambda h: h.rate_of,
                            lowest=True, measure="预算执行率", unit="%", size=size))
    return out


class RegionMember(TypedDict):
    """A department of a region beside the others (region.html's `members`)."""

    slug: str
    name: str
    years: tuple[int, ...]
    latest: Headline | None  # its latest report
    findings: int  # in all years
    errors: int  # of them, errors


def region_departments(departments: Sequence[Any]) -> list[RegionMember]:
    """The departments of a region (pages.Summary of each) side by side, for a sortable table:
    their years, and of their latest report the spending with its stage, the 预算执行率 and the
    self-evaluation score; their 数据核验 findings in all years."""
    out: list[RegionMember] = []
    for d in departments:
        latest = d.heads[-1] if d.heads else None
        out.append({"slug": d.slug, "name": d.name, "years": d.years, "latest": latest,
                    "findings": len(d.findings), "errors": sum(1 for _, r in d.findings if r.severity == "error")})
    return out
