"""Open data: the figures as tables people analyse (CSV, XLSX), per-report JSON, a data package.

One tidy table holds every figure the content states, one row per statement, with where
it was stated; beside it the indicator tables, the check findings, the reports and the
departments. Amounts are exact decimals written as text (yuan, and 万元 scaled exactly).
The same content gives byte-identical files.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from ..checks import RULES, SEVERITY_LABELS, Result, explained_by, findings
from ..content.figures import Figure
from ..content.labels import (
    BREAKDOWNS as BREAKDOWN_NAMES,
    COUNTS,
    FIGURES,
    PROGRESS_FIGURES,
    SECTIONS as SECTION_NAMES,
)
from ..content.load import Content, DepartmentEntry, ReportFile
from ..content.model import SANGONG_LABELS, Headcount, Performance, Site, Stat
from ..content.numbers import MONEY_UNITS, decimal_text, unmet
from ..content.problems import field_path
from ..content.regions import Place, places
from ..site.format import plain
from ..site.search import grade_band
from ..site.views import budget_execution_rows, progress_rows
from .xlsx import (
    EMPTY,
    PIECE_LEVEL,
    Deflated,
    Entry,
    Extent,
    Layout,
    Number,
    Rows,
    deflate,
    extent,
    inflate,
    joined,
    sheet_of,
    split_rows,
)

BOM = "\ufeff"
WAN = Decimal(10000)


@dataclass(frozen=True)
class Column:
    name: str
    title: str
    type: str  # frictionless: string, integer, number, boolean
    description: str
    fdp: str = ""  # Fiscal Data Package columnType, where one fits honestly


def _region_columns() -> tuple[Column, ...]:
    return (
        Column("province_code", "省代码", "string", "省级行政区划代码"),
        Column("province", "省", "string", "省"),
        Column("city_code", "市代码", "string", "市级行政区划代码"),
        Column("city", "市", "string", "市"),
        Column("county_code", "县代码", "string", "县级行政区划代码"),
        Column("county", "县（区）", "string", "县（区）", "geo-source:target:code"),
    )


DEPARTMENT = (Column("department", "部门代号", "string", "部门在本站的代号（网址中的拼音缩写）",
                     "administrative-classification:generic:level1:code"),
              Column("department_name", "部门", "string", "部门全称",
                     "administrative-classification:generic:level1:label"))

TABLES: dict[str, tuple[str, str, tuple[Column, ...], tuple[str, ...]]] = {
    "departments": ("部门", "每个部门一行：名称、所在地区、级别与类型。", (
        *DEPARTMENT, *_region_columns(),
        Column("level", "级别", "string", "级别，照原文"),
        Column("type", "单位类型", "string", "单位类型，照原文"),
        Column("url", "网址", "string", "部门页的网址"),
    ), ("department",)),
    "reports": ("报告", "每份报告（部门的一个年度）一行：类型、标题、日期、索引号。", (
        *DEPARTMENT,
        Column("year", "年度", "integer", "报告年度", "date:fiscal-year"),
        Column("kinds", "报告类型", "string", "绩效自评报告、部门决算、部门预算；多种时以“、”分隔"),
        Column("title", "标题", "string", "标题，照原文"),
        Column("issuer", "发布机构", "string", "发布机构或发文机构"),
        Column("written", "成文日期", "string", "成文日期，YYYY-MM-DD"),
        Column("published", "发布日期", "string", "发布日期，YYYY-MM-DD"),
        Column("index_no", "索引号", "string", "政府信息公开索引号"),
        Column("original_url", "原始公开地址", "string",
               "发布原文的网页或附件的网址（http 或 https）；数据文件未给出时为空"),
        Column("retrieved", "采集日期", "string", "从原始公开地址取得原文的日期，YYYY-MM-DD"),
        Column("unit", "原文金额单位", "string", "报告原文金额所用单位：元或万元"),
        Column("score", "自评得分", "number", "部门整体支出绩效自评得分，照原文（多处所述时取第一处）；无自评时为空"),
        Column("grade", "等级", "string", "自评等级，照原文，如 优秀；原文未写时为空"),
        Column("grade_band", "得分档次", "string", "按自评得分依财预〔2020〕10号划分：优（90 分及以上）、良（80–90）、"
               "中（60–80）、差（60 以下），与本站搜索的“自评等级”相同；无得分时为空"),
        Column("findings", "核验不一致数", "integer", "数据核验发现的不一致处数"),
        Column("file", "数据文件", "string", "数据文件路径"),
        Column("url", "网址", "string", "报告页的网址"),
    ), ("department", "year")),
    "figures": ("全部数字",
                "报告所述的每一个数字一行（同一数字多处所述时每处一行），注明所在部分、项目、阶段和原文位置。"
                "部门名称、所在地区、报告类型与数据文件按部门代号和年度见 reports.csv 与 departments.csv。", (
        DEPARTMENT[0],
        Column("year", "报告年度", "integer", "报告年度"),
        Column("fiscal_year", "所属年度", "integer", "该数所属的年度：上年数为报告年度减一", "date:fiscal-year"),
        Column("section", "部分", "string", "、".join(SECTION_NAMES.values())),
        Column("scope", "口径", "string", "资金口径，如 部门全部资金、一般公共预算财政拨款"),
        Column("breakdown", "分类", "string", "、".join(BREAKDOWN_NAMES.values()) + "等"),
        Column("item", "项目", "string", "项目名称；逐级以“ / ”连接", "economic-classification:generic:level1:label"),
        Column("code", "科目编码", "string", "政府收支分类科目编码（功能分类“类”等），原文未给出时为空",
               "functional-classification:generic:level1:code"),
        Column("measure", "指标", "string", "、".join(FIGURES[key].heading() for key in (
            "budget_initial", "budget_full", "budget", "actual", "prior", "change", "change_rate", "share",
            "execution_rate", "variance", "score")) + "等"),
        Column("phase", "阶段（FDP）", "string",
               f"Fiscal Data Package 的阶段：approved {FIGURES['budget_initial'].name}、"
               f"adjusted {FIGURES['budget_full'].name}、"
               f"executed {FIGURES['actual'].name}与{FIGURES['prior'].name}；其他为空",
               "phase:id"),
        Column("value_type", "数值类型", "string", "金额、比率、分值或数量"),
        Column("amount_yuan", "金额（元）", "number", "金额，以元计的精确小数；非金额为空", "value"),
        Column("amount_wan", "金额（万元）", "number", "金额，以万元计的精确小数；非金额为空"),
        Column("value", "数值", "number", "比率（百分数的数字）、分值或数量；金额为空"),
        Column("stated", "原文写法", "string", "原文所写的数字与单位，如 848.4万元、31.41%"),
        Column("unit_stated", "原文单位", "string", "原文单位：元、万元、%、分、人、件……"),
        Column("precision", "原文精度", "number", "原文写到的最小位，以原文单位计，如 0.01"),
        Column("statement", "第几处", "integer", "同一数字在原文第几处出现（从 1 起）"),
        Column("at", "原文位置", "string", "在原文中的位置，如 附件1"),
        Column("line", "行号", "integer", "数据文件（reports.csv 的 file 列）中的行号"),
        Column("field", "字段", "string", "数据文件中的字段路径"),
    ), ("department", "year", "field", "statement")),
    "indicators": ("绩效指标", "绩效自评表的每一行指标。", (
        *DEPARTMENT,
        Column("year", "年度", "integer", "报告年度", "date:fiscal-year"),
        Column("evaluation", "自评", "string", "部门整体支出或项目支出（项目名）"),
        Column("row", "行", "integer", "在自评表中的行序（从 1 起）"),
        Column("level1", "一级指标", "string", "一级指标"),
        Column("level2", "二级指标", "string", "二级指标"),
        Column("level3", "三级指标", "string", "三级指标"),
        Column("target", "年度指标值", "string", "年度指标值，照原文"),
        Column("target_initial", "年初指标值", "string", "年初指标值（年中调整过时；年度指标值为调整后的），照原文"),
        Column("actual", "实际完成值", "string", "实际完成值，照原文"),
        Column("prior", "上年完成值", "string", "上年完成值（自评表在本年完成值旁另列时），照原文"),
        Column("weight", "分值", "number", "分值"),
        Column("score", "得分", "number", "得分"),
        Column("score_rate", "得分率", "number", "得分系数或得分率，以 % 计（95.5 即 95.5%），表中写明时"),
        Column("not_applicable", "不适用", "boolean", "自评表标明该指标不适用（不考核，没有得分）时为 true"),
        Column("unmet", "未达到指标值", "boolean", "数值型指标实际完成值未达到年度指标值时为 true（按原文数字比较）"),
        Column("deviation", "偏差原因", "string", "偏差原因分析及改进措施，照原文"),
        Column("file", "数据文件", "string", "数据文件路径"),
        Column("line", "行号", "integer", "数据文件中的行号"),
    ), ("department", "year", "evaluation", "row")),
    "findings": ("数据核验发现", "数据核验发现的每一处不一致，附所比较的数字。", (
        *DEPARTMENT,
        Column("year", "年度", "integer", "报告年度"),
        Column("rule", "规则", "string", "规则代号"),
        Column("rule_title", "规则说明", "string", "规则的中文说明"),
        Column("severity", "程度", "string", "错误、警告或提示"),
        Column("subject", "核对内容", "string", "核对的内容"),
        Column("message", "说明", "string", "不一致之处"),
        Column("computed", "计算值", "string", "按所述数计算的值"),
        Column("difference", "差额", "string", "所述与计算之差"),
        Column("tolerance", "允许误差", "string", "按各数所述精度允许的四舍五入误差"),
        Column("figures", "所比较的数字", "string", "参与比较的各数：名称、原文写法与数据文件行号"),
        Column("explanation", "单位说明", "string", "部门或审核人对这处不一致的说明（数据文件 explanations）"),
        Column("file", "数据文件", "string", "数据文件路径"),
        Column("line", "行号", "integer", "数据文件中的行号"),
    ), ("department", "year", "rule", "subject")),
}

SECTIONS = SECTION_NAMES
BREAKDOWNS = {**BREAKDOWN_NAMES, "related": "相关数", "items": "", "change_reasons": "增减原因",
              "reception_items": f"{SANGONG_LABELS['reception']}其中"}
#: A figure's name in the measure column: a signed one says what its sign means (结余额（超支为负）).
MEASURES = {key: label.heading() for key, label in (*FIGURES.items(), ("control_rate", COUNTS["control_rate"]),
                                                    *PROGRESS_FIGURES.items())}
PHASES = {"budget_initial": "approved", "budget_full": "adjusted", "actual": "executed", "prior": "executed"}
COUNT_FIELDS = {key: label.name for key, label in COUNTS.items() if label.kind == "count"}


def _region_values(place: Place | None) -> dict[str, str]:
    out = {c.name: "" for c in _region_columns()}
    if place is None:
        return out
    for key, region in zip(("province", "city", "county"), place.lineage):
        out[key] = region.name
        out[f"{key}_code"] = region.code
    return out


# --- figures -----------------------------------------------------------------------------------


class _Where(NamedTuple):
    section: str = ""
    scope: str = ""
    breakdown: str = ""
    items: tuple[str, ...] = ()
    code: str = ""


_KIND_LABELS = {"money": "金额", "percent": "比率", "score": "分值"}
_SKIPPED_FIELDS = frozenset({"note", "statement", "sections", "problems", "measures", "goals", "grade_bands",
                             "documents", "at", "deviation"})
_FIGURE, _STAT, _HEADCOUNT, _MODEL, _SEQUENCE, _OTHER = range(6)


@dataclass(frozen=True)
class _Plan:
    """How figure_rows walks a value of one type, worked out once per type."""

    kind: int
    fields: tuple[str, ...] = ()  # a model's fields, in order, less those never walked
    named: bool = False  # whether `name` and `code` may be set and so are read
    scoped: bool = False  # whether `scope` may be set
    type_name: str = ""


_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        if issubclass(cls, Figure):
            plan = _Plan(_FIGURE)
        elif issubclass(cls, Stat):
            plan = _Plan(_STAT)
        elif issubclass(cls, Headcount):
            plan = _Plan(_HEADCOUNT)
        elif hasattr(cls, "model_fields"):
            fields = tuple(cls.model_fields)
            # A closed model has no attribute but its fields: another name reads as None.
            plan = _Plan(_MODEL, tuple(f for f in fields if f not in _SKIPPED_FIELDS),
                         "name" in fields or hasattr(cls, "name"), "scope" in fields or hasattr(cls, "scope"),
                         cls.__name__)
        elif issubclass(cls, (list, tuple)):
            plan = _Plan(_SEQUENCE)
        else:
            plan = _Plan(_OTHER)
        _PLANS[cls] = plan
    return plan


def _precision_text(written: str) -> str:
    """The `precision` cell of a number written `written` by decimal_text, which writes a
    Decimal's every place and no more (818.40 is stated to 0.01, 100 and 1E+2 to 1)."""
    point = written.find(".")
    places = len(written) - point - 1 if point >= 0 else 0
    text = _PRECISIONS.get(places)
    if text is None:
        text = _PRECISIONS[places] = plain(Decimal(1).scaleb(-places))
    return text


_PRECISIONS: dict[int, str] = {}


def figure_rows(entry: DepartmentEntry, rf: ReportFile) -> Iterator[dict[str, Any]]:
    """Every figure of one report, one row per statement."""
    report = rf.report
    base = {"department": entry.slug, "year": rf.year}
    rows: list[dict[str, Any]] = []
    line_of = rf.line_of
    year = rf.year

    def emit(where: _Where, measure: str, path: tuple, kind: str, stated_value: Decimal, unit: str, at: str,
             statement: int, fiscal_year: int | None = None, value_override: Decimal | None = None) -> None:
        written = decimal_text(stated_value)
        money = unit in MONEY_UNITS
        if money:
            yuan = stated_value * MONEY_UNITS[unit]
            amount_yuan, amount_wan, value = plain(yuan), plain(yuan / WAN), ""
        else:
            amount_yuan = amount_wan = ""
            value = plain(value_override if value_override is not None else stated_value)
        rows.append({**base, "fiscal_year": fiscal_year or (year - 1 if measure == "prior" else year),
                     "section": where.section, "scope": where.scope, "breakdown": where.breakdown,
                     "item": " / ".join(where.items), "code": where.code, "measure": MEASURES.get(measure, measure),
                     "phase": PHASES.get(measure, "") if money else "", "value_type": "金额" if money else kind,
                     "amount_yuan": amount_yuan, "amount_wan": amount_wan, "value": value,
                     "stated": f"{written}{unit}", "unit_stated": unit, "precision": _precision_text(written),
                     "statement": statement, "at": at, "line": line_of(path), "field": field_path(path)})

    def walk(value, path: tuple, where: _Where, plan: _Plan) -> None:
        kind = plan.kind
        if kind == _FIGURE:
            label = _KIND_LABELS[value.kind]
            statements = value.statements
            several = len(statements) > 1
            measure = str(path[-1])
            for n, s in enumerate(statements):
                emit(where, measure, (*path, n) if several else path, label, s.value, s.unit, s.at or "", n + 1)
            return
        if kind == _STAT:
            here = _Where(where.section, where.scope, where.breakdown, (*where.items, value.name), where.code)
            emit(here, "数值", path, "数量", value.value, value.unit or "", value.at or "", 1, fiscal_year=value.year)
            for n, item in enumerate(value.items):
                walk(item, (*path, "items", n), here, (_PLANS.get(type(item)) or _plan(type(item))))  # noqa: F821 (pyflakes misreads `del walk` below)
            return
        if kind == _HEADCOUNT:
            here = _Where(where.section, where.scope, where.breakdown, (*where.items, value.name))
            emit(here, "人数", path, "数量", Decimal(value.count), "人", "", 1)
            for n, item in enumerate(value.items):
                walk(item, (*path, "items", n), here, (_PLANS.get(type(item)) or _plan(type(item))))  # noqa: F821 (pyflakes misreads `del walk` below)
            return
        if kind == _SEQUENCE:
            for n, item in enumerate(value):
                item_plan = (_PLANS.get(type(item)) or _plan(type(item)))
                if item_plan.kind != _OTHER:
                    walk(item, (*path, n), where, item_plan)  # noqa: F821 (pyflakes misreads `del walk` below)
            return
        if kind != _MODEL:
            return
        type_name = plan.type_name
        if plan.named:
            name = getattr(value, "name", None)
            if isinstance(name, str) and type_name not in ("Document",):
                where = _Where(where.section, where.scope, where.breakdown, (*where.items, name),
                               getattr(value, "code", None) or where.code)
        if type_name == "Account":
            scope = getattr(value, "scope", None) if plan.scoped else None
            where = _Where(where.section, scope or "", "", ())
        for field_name in plan.fields:
            child = getattr(value, field_name)
            if child is None:
                continue
            child_plan = _PLANS.get(type(child)) or _plan(type(child))
            counted = type(child) is not bool and isinstance(child, int) and field_name in COUNT_FIELDS
            if child_plan.kind == _OTHER and not counted:
                continue  # text, a date, a flag: nothing to walk
            if child_plan.kind == _SEQUENCE and not child:
                continue
            sub = where
            if not path:
                sub = _Where(SECTIONS.get(field_name, field_name))
            elif field_name in BREAKDOWNS:
                sub = _Where(where.section, where.scope, BREAKDOWNS[field_name] or where.breakdown, where.items,
                             where.code)
            elif type_name == "SanGong" and field_name in SANGONG_LABELS:
                sub = _Where(where.section, where.scope, "", (SANGONG_LABELS[field_name],))
            elif type_name == "Performance" and field_name == "evaluated_execution":
                sub = _Where(where.section, where.scope, "", (*where.items, FIGURES["evaluated_funds"].name))
            elif type_name == "Block" and field_name == "total":
                sub = _Where(where.section, where.scope, "", ("合计",))
            elif type_name == "Account" and field_name == "total":
                sub = _Where(where.section, where.scope, "合计", ())
            if counted:
                unit = "辆" if "vehicles" in field_name else "个" if "units" in field_name else "人"
                here = _Where(sub.section, "", "", (*sub.items, COUNT_FIELDS[field_name]))
                emit(here, "数量", (*path, field_name), "数量", Decimal(child), unit, "", 1)
                continue
            walk(child, (*path, field_name), sub, child_plan)  # noqa: F821 (pyflakes misreads `del walk` below)

    walk(report, (), _Where(), _plan(type(report)))
    # `walk` holds itself through its closure, and `emit` with it, and so the rows and the
    # report: without the name that cycle is gone, and they are freed once done with instead
    # of waiting for the garbage collector.
    del walk
    yield from rows


# --- other tables -------------------------------------------------------------------------------


def indicator_rows(entry: DepartmentEntry, rf: ReportFile) -> Iterator[dict[str, Any]]:
    report = rf.report
    evaluations: list[tuple[str, Performance, tuple[object, ...]]] = \
        [("部门整体支出", report.performance, ("performance",))] if report.performance else []
    evaluations += [(f"项目支出：{p.name or n + 1}", p, ("project_performance", n))
                    for n, p in enumerate(report.project_performance)]
    for label, perf, base in evaluations:
        for n, ind in enumerate(perf.indicators):
            yield {"department": entry.slug, "department_name": entry.department.name, "year": rf.year,
                   "evaluation": label, "row": n + 1, "level1": ind.level1, "level2": ind.level2 or "",
                   "level3": ind.name, "target": ind.target or "", "target_initial": ind.target_initial or "",
                   "actual": ind.actual or "", "prior": ind.prior or "",
                   "weight": plain(ind.weight.first.value) if ind.weight else "",
                   "score": plain(ind.score.first.value) if ind.score else "",
                   "score_rate": plain(ind.score_rate.first.value) if ind.score_rate else "",
                   "not_applicable": "true" if ind.not_applicable else "false",
                   "unmet": "true" if unmet(ind.target, ind.actual) else "false", "deviation": ind.deviation or "",
                   "file": rf.path, "line": rf.line_of((*base, "indicators", n))}


def finding_rows(names: dict[str, str], results: list[Result]) -> Iterator[dict[str, Any]]:
    for r in findings(results):
        yield {"department": r.slug, "department_name": names[r.slug], "year": r.year, "rule": r.rule,
               "rule_title": RULES[r.rule].title, "severity": SEVERITY_LABELS[r.severity], "subject": r.subject,
               "message": r.message, "computed": r.computed, "difference": r.difference, "tolerance": r.tolerance,
               "figures": "；".join(f"{t.label} {t.stated}（第{t.line}行）" for t in r.terms), "file": r.file,
               "line": r.line, "explanation": _explanation_text(r)}


def _explanation_text(r: Result) -> str:
    if r.explanation is None:
        return ""
    by = explained_by(r.explanation)
    return r.explanation.text.strip() + (f"（{by}）" if by else "")


def report_rows(site: Site, entry: DepartmentEntry, rf: ReportFile, results: list[Result]) -> Iterator[dict[str, Any]]:
    doc = rf.report.documents[0]
    perf = rf.report.performance
    score = perf.score.first.value if perf is not None and perf.score is not None else None
    yield {"department": entry.slug, "department_name": entry.department.name, "year": rf.year,
           "kinds": "、".join(d.kind for d in rf.report.documents), "title": doc.title,
           "issuer": doc.issuer or "", "written": doc.written.isoformat() if doc.written else "",
           "published": doc.published.isoformat() if doc.published else "", "index_no": doc.index_no or "",
           "original_url": doc.original_url or "", "retrieved": doc.retrieved.isoformat() if doc.retrieved else "",
           "unit": rf.report.unit, "score": plain(score) if score is not None else "",
           "grade": (perf.grade or "") if perf is not None else "", "grade_band": grade_band(score) or "",
           "findings": len(findings(results)), "file": rf.path,
           "url": f"{site.base_url}departments/{entry.slug}/{rf.year}/"}


def department_row(site: Site, entry: DepartmentEntry, place: Place | None) -> dict[str, Any]:
    d = entry.department
    return {"department": entry.slug, "department_name": d.name, **_region_values(place),
            "level": d.level or "", "type": d.type or "", "url": f"{site.base_url}departments/{entry.slug}/"}


# --- writing -------------------------------------------------------------------------------------


#: What Excel, WPS and LibreOffice read as the start of a formula in a CSV cell (OWASP, "CSV
#: Injection"): `=`, `+`, `-`, `@`, TAB and CR; a text cell starting with one gets a `'`.
#: Quotes already before one count too (`'=…` is written `''=…`), so dropping the one quote
#: added always gives the text back.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_FORMULA_FIRST = frozenset("'=+-@\t\r")
TEXT_NOTE = ("CSV 中，以 =、+、-、@、制表符或回车开头的文本，前面加一个半角单引号 '，免得 Excel、WPS 把它当作公式执行"
             "（OWASP“CSV 注入”的防范做法；原文已是单引号接这些字符开头的，也再加一个），"
             "取用时去掉开头这一个单引号即是原文。数值列照写，不加单引号；XLSX 中的文本存为文本单元格，也不加。")
FIELD_NOTE = "（以 =、+、-、@、制表符或回车开头时，CSV 中前加单引号 '，取用时去掉）"


def csv_text(value: str) -> str:
    """A text cell as a CSV holds it: with a `'` before what a spreadsheet would run as a formula."""
    return "'" + value if value[:1] in _FORMULA_FIRST and _FORMULA.match(value) else value


def as_text(cell: str) -> str:
    """A CSV text cell as the text it holds: `csv_text` undone (the `'` it added dropped)."""
    return cell[1:] if cell[:1] == "'" and _FORMULA.match(cell, 1) else cell


def _csv_lines(text: Sequence[bool], rows: Iterable[Sequence[Any]]) -> str:
    """The one place CSV text is made: CRLF line ends as RFC 4180 has them, and the cells of
    text columns (`text[i]`) written through `csv_text`. Numeric columns are written as they
    are: `-12.5` is a number there, and the data package types it so."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    texts = [i for i, t in enumerate(text) if t]
    rows = rows if isinstance(rows, list) else list(rows)
    # Which of the text columns' values a spreadsheet would run, found once per distinct
    # value: a row holding none of them is written as it is.
    if len(texts) == 1:
        only = texts[0]
        text_cells: Callable[[Sequence[Any]], Any] = lambda values: (values[only],)  # noqa: E731
    else:
        text_cells = operator.itemgetter(*texts) if texts else (lambda values: ())
    try:
        risky = {value for value in set(itertools.chain.from_iterable(map(text_cells, rows)))
                 if isinstance(value, str) and value[:1] in _FORMULA_FIRST}
    except TypeError:  # a cell that cannot be hashed: look at every row
        risky = None
    for values in rows:
        if risky is not None and risky.isdisjoint(text_cells(values)):
            writer.writerow(values)
            continue
        cells = list(values)
        for i in texts:
            value = cells[i]
            if isinstance(value, str) and value[:1] in _FORMULA_FIRST:
                cells[i] = csv_text(value)
        writer.writerow(cells)
    return out.getvalue()


def _text_columns(columns: Sequence[Column | str], numeric: Collection[str] = ()) -> list[bool]:
    return [c.type == "string" if isinstance(c, Column) else c not in numeric for c in columns]


def csv_bytes(columns: Sequence[Column | str], rows: list[dict[str, Any]], headers: bool = True,
              numeric: Collection[str] = ()) -> bytes:
    """CSV in UTF-8 with a BOM (so Excel reads Chinese). Columns named by a bare string are
    text unless listed in `numeric`."""
    names = [c.name if isinstance(c, Column) else c for c in columns]
    header = [names] if headers else []
    body = [[row.get(n, "") for n in names] for row in rows]
    return (BOM + _csv_lines([True] * len(names), header) + _csv_lines(_text_columns(columns, numeric), body)
            ).encode("utf-8")


@dataclass(frozen=True)
class TablePart:
    """A run of one table's rows, made once, as compressed pieces (xlsx.Deflated) that files are
    made of as they are: its CSV lines (no header), a piece of a zipped CSV's entry and
    inflated for a plain CSV; and, for a table the workbook holds, its XLSX rows, a piece of a
    sheet. A province's tables are gigabytes as text; these are kept for the whole build and in
    the build cache."""

    rows: int
    lines: Deflated
    sheet: Deflated

    @property
    def csv(self) -> bytes:
        return inflate(self.lines)

    def xlsx_rows(self) -> list[bytes]:
        """The rows as `Rows.template` made them."""
        return split_rows(inflate(self.sheet))


def row_values(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> list[list[Any]]:
    """Each row's values in the order of the columns, "" where a row has none."""
    names = [c.name for c in columns]
    return [list(map(row.get, names, itertools.repeat(""))) for row in rows]


def table_part(columns: tuple[Column, ...], rows: list[dict[str, Any]], xlsx: Rows | None = None,
               sheet: bool = True) -> TablePart:
    """A run of rows of a table (`values_part` of their `row_values`)."""
    return values_part(columns, row_values(columns, rows), xlsx, sheet)


def values_part(columns: tuple[Column, ...], values: list[list[Any]], xlsx: Rows | None = None,
                sheet: bool = True) -> TablePart:
    """A run of rows of a table, each row's values in the order of the columns (`row_values`);
    `sheet=False` for a table the workbook does not hold. The CSV lines are compressed at
    PIECE_LEVEL (a download), the sheet rows at 1 (as the workbook)."""
    lines = deflate(_csv_lines(_text_columns(columns), values).encode("utf-8"), PIECE_LEVEL)
    if not sheet:
        return TablePart(len(values), lines, EMPTY)
    xlsx = xlsx or Rows()
    # The XLSX holds text as written: a string cell is never evaluated. Whole-number columns
    # are numbers there, and decimal ones numbers written as their exact text and shown to
    # their places (xlsx.Number); each row is made as text and the part encoded once.
    integers = [n for n, c in enumerate(columns) if c.type == "integer"]
    decimals = [n for n, c in enumerate(columns) if c.type == "number"]
    row_text = xlsx._row_text
    templates = []
    for cells in values:
        if integers or decimals:
            cells = cells.copy()
            for n in integers:
                if cells[n] != "":
                    cells[n] = int(cells[n])
            for n in decimals:
                if cells[n] != "":
                    cells[n] = Number(cells[n])
        templates.append(row_text(cells))
    return TablePart(len(values), lines, deflate("".join(templates).encode("utf-8")))


#: The tables published once for the whole site; the others are published a file per year
#: (a province's figures run to hundreds of megabytes a year, and a correction rewrites one year's).
SITE_TABLES = ("departments",)
YEAR_TABLES = ("reports", "figures", "indicators", "findings")
#: The tables a year's workbook holds: not the figures, which are a year's zipped CSV (at a
#: province's scale they run past a sheet's 1,048,576 rows many times over) and each report's.
WORKBOOK_TABLES = ("departments", "reports", "indicators", "findings")
#: The year tables published as a CSV in a zip (figures.csv.zip holding figures.csv): the
#: tables of many rows a report, most of a year's bytes, which compress five- to sevenfold
#: (the indicators are in the workbook as well, for a reader with a spreadsheet).
ZIPPED_TABLES = ("figures", "indicators")
FIGURES_NOTE = ("报告所述的全部数字见同一年度的 figures.csv.zip（内为 figures.csv）与各报告页的 figures.csv.zip："
                "其行数常超过一张工作表的上限（1,048,576 行），本工作簿不重复收录。")
NUMBER_NOTE = ("数值列（类型为数值、整数）存为数字单元格，可直接求和、排序、筛选；"
               "小数照原文的位数显示（12.30 显示为 12.30）。Excel、WPS 以双精度浮点数保存数字，"
               "超过 15 位有效数字时不能精确保存：精确的记录以同年度的 CSV 为准。")
#: A column's type as the workbook's 字段说明 sheet names it.
TYPE_NAMES = {"string": "文本", "integer": "整数", "number": "数值", "boolean": "真假（true/false）"}
#: Columns of long text, given a wide column in the workbook (characters); others as wide as their header.
WIDE_COLUMNS = {"title": 40, "message": 40, "figures": 40, "explanation": 40, "deviation": 40, "subject": 24,
                "target": 20, "actual": 20, "level3": 24, "evaluation": 24, "department_name": 24, "issuer": 20,
                "rule_title": 24, "url": 40, "file": 32, "kinds": 16, "index_no": 20, "description": 60}


README_SHEET = "字段说明"
README_HEADER = ["表", "列名", "字段（CSV 列名）", "类型", "说明"]
README_WIDTHS = [14, 20, 20, 12, 80]


def readme_rows() -> list[list[str]]:
    """The workbook's 字段说明 sheet: each column of each sheet, its Chinese header, its name in
    the CSVs, its type and meaning; then where the figures are, and what a numeric cell holds."""
    rows = [[title, c.title, c.name, TYPE_NAMES[c.type], c.description]
            for name, (title, _, columns, _) in TABLES.items() if name in WORKBOOK_TABLES for c in columns]
    rows.append([TABLES["figures"][0], "", "", "", FIGURES_NOTE])
    rows.append(["（各表）", "", "", "数值", NUMBER_NOTE])
    return rows


def sheet_header(columns: Sequence[Column]) -> list[str]:
    """A table's header in the workbook: each column's Chinese title (the English names, as the
    CSVs have them, are in the 字段说明 sheet)."""
    return [c.title for c in columns]


def _display_width(text: str) -> int:
    """Characters of `text` as a spreadsheet measures a column: a CJK character counts two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def sheet_widths(columns: Sequence[Column | str]) -> list[int]:
    """Each column's width: a long-text column's from WIDE_COLUMNS, others fit their header."""
    out = []
    for c in columns:
        name, title = (c.name, c.title) if isinstance(c, Column) else (c, c)
        out.append(WIDE_COLUMNS.get(name) or max(8, min(_display_width(title) + 4, 30)))
    return out


@dataclass(frozen=True)
class DepartmentParts:
    """One department's rows of the site-wide tables: its row of `departments`, and for each
    year it reports, its rows of the year tables (one part per table) and, under
    DATABASE_PART, of the year's database (sqlite.ReportRows)."""

    department: TablePart
    years: dict[int, dict[str, Any]]


#: Where a report's rows of the year's database are kept beside its table parts.
DATABASE_PART = "database"


def department_parts(content: Content, entry: DepartmentEntry, checks: dict[tuple[str, int], list[Result]]
                     ) -> DepartmentParts:
    """`content` is the site scope (site, regions); its departments are not read."""
    place = places(content.regions).get(entry.department.region)
    xlsx = Rows()
    names = {entry.slug: entry.department.name}
    years: dict[int, dict[str, Any]] = {}
    from .sqlite import report_rows as database_rows

    for rf in entry.reports:
        results = checks.get((entry.slug, rf.year), [])
        # The large tables' rows as values once, for their CSV lines, sheet rows and database rows.
        large = {name: row_values(TABLES[name][2], list(rows)) for name, rows in (
            ("figures", figure_rows(entry, rf)), ("indicators", indicator_rows(entry, rf)),
            ("findings", finding_rows(names, results)))}
        years[rf.year] = {
            "reports": table_part(TABLES["reports"][2], list(report_rows(content.site, entry, rf, results)), xlsx),
            "figures": values_part(TABLES["figures"][2], large["figures"], sheet=False),
            "indicators": values_part(TABLES["indicators"][2], large["indicators"], xlsx),
            "findings": values_part(TABLES["findings"][2], large["findings"], xlsx),
        }
        years[rf.year][DATABASE_PART] = database_rows(entry.slug, large)
    return DepartmentParts(table_part(TABLES["departments"][2], [department_row(content.site, entry, place)], xlsx),
                           years)


@dataclass
class Tables:
    """Tables of the site's data, in parts: `parts(name)` gives a table's parts in order (a
    build reads them department by department from its store, so a province's tables are
    never held in memory whole), `counts` its rows. A year's tables hold the departments that
    report that year and the year's reports, figures, indicators and findings.

    `extents(name)`, if given, gives each part's row count and the extents (xlsx.Extent) of
    its CSV lines and its sheet rows, in the order of `parts(name)`, without reading the parts
    (a build keeps them beside the row counts); otherwise the parts are read for them."""

    parts: Callable[[str], Iterable[TablePart]]
    counts: dict[str, int]
    extents: Callable[[str], Iterable[tuple[int, Extent, Extent]]] | None = None

    def csv(self, name: str) -> Iterator[bytes]:
        """The table as CSV, in pieces: the header, then each part's lines."""
        yield csv_bytes(TABLES[name][2], [])
        for part in self.parts(name):
            yield part.csv

    def rows(self, name: str) -> int:
        return self.counts[name]

    def part_extents(self, name: str) -> Iterable[tuple[int, Extent, Extent]]:
        if self.extents is not None:
            return self.extents(name)
        return (part_extents(part) for part in self.parts(name))


def part_extents(part: TablePart) -> tuple[int, Extent, Extent]:
    """A part's rows and the extents of its CSV lines and of its sheet rows."""
    return part.rows, extent([part.lines]), extent([part.sheet])


#: A report's own figures are published as a CSV in a zip (figures.csv.zip holding figures.csv),
#: as its year's are: most of a report's bytes in a CSV of many rows, a seventh of them zipped.
REPORT_FIGURES = "figures.csv.zip"


def report_figures_zip(part: TablePart) -> bytes:
    """One report's figures (the lines it adds to its year's figures.csv, with the header) in a zip
    of its own, as `figures.csv`: made as its year's is (`_year_csv`), of the header's piece and
    the part's lines as they are compressed already, not inflated and compressed again."""
    out = io.BytesIO()
    entry = Entry(out, "figures.csv", _csv_header_piece("figures"), extent([part.lines]))
    entry.put(part.lines)
    entry.finish()
    return out.getvalue()


@functools.cache
def _csv_header_piece(name: str) -> Deflated:
    """A zipped table's CSV header (with the BOM), compressed as the first piece of its entry."""
    return deflate(csv_bytes(TABLES[name][2], []), PIECE_LEVEL)


def year_tables(by_department: Sequence[DepartmentParts], year: int) -> Tables:
    """One year's tables from the departments' parts in memory."""
    chosen = [d for d in by_department if year in d.years]

    def parts(name: str) -> list[TablePart]:
        return [d.department if name == "departments" else d.years[year][name] for d in chosen]

    return Tables(parts, {name: sum(p.rows for p in parts(name)) for name in TABLES})


def build_tables(content: Content, checks: dict[tuple[str, int], list[Result]]) -> dict[int | None, Tables]:
    """The site's tables in memory, for a whole loaded content (tests and tools; a build
    assembles them from each department's parts): by year, and under None the departments."""
    by_department = [department_parts(content, entry, checks) for entry in content.departments]
    years = sorted({y for d in by_department for y in d.years})
    every = [d.department for d in by_department]
    out: dict[int | None, Tables] = {None: Tables(lambda name: every, {"departments": sum(p.rows for p in every)})}
    for year in years:
        out[year] = year_tables(by_department, year)
    return out


#: Data rows per sheet: Excel's limit is 1,048,576 rows, the header included.
SHEET_ROWS = 1_000_000


def write_xlsx(tables: Tables, epoch: int, out) -> None:
    """The same tables as one workbook, a sheet each, with a sheet describing the columns,
    written into the binary file `out` (seekable)."""
    _write_year(tables, epoch, {}, out)


def xlsx_bytes(tables: Tables, epoch: int) -> bytes:
    out = io.BytesIO()
    write_xlsx(tables, epoch, out)
    return out.getvalue()


class _PlainCSV:
    """A year table's CSV written as its parts come: the header, then each part's lines
    (inflated). `put` and `finish` as xlsx.Entry, the same table zipped."""

    def __init__(self, out, name: str):
        self.out = out
        out.write(csv_bytes(TABLES[name][2], []))

    def put(self, lines: Deflated) -> None:
        self.out.write(inflate(lines))

    def finish(self) -> None:
        pass


def _year_csv(tables: Tables, name: str, out) -> _PlainCSV | Entry:
    """Where a year table's CSV is written into `out`: zipped (ZIPPED_TABLES), its entry laid
    out from the parts' extents and made of their pieces as they are, or plain."""
    if name not in ZIPPED_TABLES:
        return _PlainCSV(out, name)
    body = functools.reduce(joined, (e for _, e, _ in tables.part_extents(name)), Extent(0, 0, 0))
    return Entry(out, f"{name}.csv", _csv_header_piece(name), body)


def _write_year(tables: Tables, epoch: int, csvs: dict[str, _PlainCSV | Entry], out, database=None) -> None:
    """The workbook of `tables` into `out` and, in the same pass over the parts, the CSV of
    each table named in `csvs` (`_year_csv`) and, if given, the rows of the year's `database`
    (sqlite.Database): each department's parts are read once for all of them (a build reads
    them from its store, which costs more than writing them).

    The workbook is laid out first (xlsx.Book), from the parts' extents: each sheet's place and
    size is known before its rows, which are then written into it as the parts come."""
    import datetime as dt

    from .xlsx import Book

    rows = Rows()
    about = sheet_of(README_SHEET, README_HEADER, [rows.template(r) for r in readme_rows()], README_WIDTHS)
    sheets: list[Layout] = [Layout(about.name, about.header, about.extent, about.rows, about.widths)]
    places: dict[str, tuple[int, dict[int, list[tuple[int, Deflated | None]]]]] = {}
    for name in WORKBOOK_TABLES:
        title, _, columns, _ = TABLES[name]
        table_sheets, where = _table_sheets(tables, name, title, sheet_header(columns), sheet_widths(columns))
        places[name] = (len(sheets), where)
        sheets += table_sheets
    created = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    book = Book(out, sheets, "部门预算绩效公开平台", created)
    for piece in about.pieces:
        book.put(0, piece)
    names = list(TABLES)
    # The n-th part of every table, together: a department's rows of each (a year's tables
    # have a part per department in each), and its rows of the database.
    every = [tables.parts(name) for name in names]
    if database is not None:
        every.append(tables.parts(DATABASE_PART))
    for n, parts in enumerate(itertools.zip_longest(*every)):
        if database is not None:
            database.add(parts[-1])
        for name, part in zip(names, parts):
            if part is None:
                continue
            if database is not None:
                database.put(name, part)
            if name in csvs:
                csvs[name].put(part.lines)
            if name not in places:
                continue
            first, where = places[name]
            for sheet, remade in where.get(n, ()):
                book.put(first + sheet, part.sheet if remade is None else remade)
    book.finish()


def _table_sheets(tables: Tables, name: str, title: str, header: list[str], widths: Sequence[int] = ()
                  ) -> tuple[list[Layout], dict[int, list[tuple[int, Deflated | None]]]]:
    """A table's sheets (xlsx.Layout: name, header, extent and count of its rows, column widths),
    and where each part's rows go: part number → [(sheet, None for the part's piece as it is, or
    a piece of some of its rows)].

    A sheet holds at most 1,048,576 rows in Excel and WPS: a longer table goes on several
    sheets of SHEET_ROWS rows (the last one the rest), each with the header, named 数字 (1),
    数字 (2)… A sheet is its parts' XLSX pieces as they are, and its zip entry states its CRC
    and sizes before them: they are worked out from the parts' extents. A part that a sheet's
    end falls inside is made into pieces again (decompressed, cut between rows, compressed):
    read for that in a pass of its own over the parts, which only a table longer than a sheet
    needs."""
    # Which rows of which parts each sheet holds: (part number, first row, end row).
    plan: list[list[tuple[int, int, int]]] = [[]]
    counts: list[int] = []
    extents: list[Extent] = []
    filled = 0
    for n, (count, _, made) in enumerate(tables.part_extents(name)):
        counts.append(count)
        extents.append(made)
        first = 0
        while first < count:
            if filled == SHEET_ROWS:
                plan.append([])
                filled = 0
            take = min(count - first, SHEET_ROWS - filled)
            plan[-1].append((n, first, first + take))
            filled += take
            first += take
    cut: dict[int, list[tuple[int, int, int]]] = {}
    for piece in itertools.chain.from_iterable(plan):
        n, first, end = piece
        if first > 0 or end < counts[n]:
            cut.setdefault(n, []).append(piece)
    remade: dict[tuple[int, int, int], Deflated] = {}
    if cut:
        for n, part in enumerate(tables.parts(name)):
            if n in cut:
                rows = part.xlsx_rows()
                for piece in cut[n]:
                    remade[piece] = deflate(b"".join(rows[piece[1]:piece[2]]))

    def extent_of(piece: tuple[int, int, int]) -> Extent:
        made = remade.get(piece)
        return extents[piece[0]] if made is None else extent([made])

    where: dict[int, list[tuple[int, Deflated | None]]] = {}
    for k, sheet in enumerate(plan):
        for piece in sheet:
            where.setdefault(piece[0], []).append((k, remade.get(piece)))
    return ([Layout(title if len(plan) == 1 else f"{title} ({k + 1})", header,
                    functools.reduce(joined, map(extent_of, sheet), Extent(0, 0, 0)),
                    sum(end - first for _, first, end in sheet), widths) for k, sheet in enumerate(plan)],
            where)


def datapackage(downloads: Sequence[Download], base_url: str) -> bytes:
    """A Frictionless Tabular Data Package describing the CSVs, with Fiscal Data Package column types:
    the departments, and each year's tables as resources of their own (`figures-2023`…)."""
    resources = []
    for d in downloads:
        if d.format == "SQLite":
            # Not a table: a file described as it is (Frictionless validates its bytes and hash,
            # the zip's, as for a zipped CSV), zipped like the large CSVs, its one file named.
            resources.append({"name": f"database-{d.year}", "title": d.title, "description": d.description,
                              "path": d.path[len("data/"):], "profile": "data-resource", "format": "sqlite",
                              "mediatype": "application/vnd.sqlite3", "compression": d.compression,
                              "innerpath": d.path.rpartition("/")[2].removesuffix(".zip"),
                              "bytes": d.size, "hash": f"sha256:{d.digest}"})
            continue
        if d.format != "CSV":
            continue
        title, description, columns, key = TABLES[d.table]
        fields = []
        for c in columns:
            field: dict[str, Any] = {"name": c.name, "title": c.title, "type": c.type,
                                     "description": c.description + (FIELD_NOTE if c.type == "string" else "")}
            if c.type == "number":
                field["bareNumber"] = True
            if c.name in ("amount_yuan",):
                field["unit"] = "元"
            if c.name in ("amount_wan",):
                field["unit"] = "万元"
            if c.fdp:
                field["columnType"] = c.fdp
            fields.append(field)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": list(key)}
        if d.table == "reports":
            schema["foreignKeys"] = [{"fields": "department",
                                      "reference": {"resource": "departments", "fields": "department"}}]
        elif d.table != "departments":
            schema["foreignKeys"] = [{"fields": ["department", "year"],
                                      "reference": {"resource": f"reports-{d.year}", "fields": ["department", "year"]}}]
        resource = {"name": d.table if d.year is None else f"{d.table}-{d.year}", "title": d.title,
                    "description": description, "path": d.path[len("data/"):],
                    "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                    "encoding": "utf-8-sig", "bytes": d.size, "hash": f"sha256:{d.digest}", "schema": schema}
        if d.compression:
            # bytes and hash are the zip's, as frictionless reads them.
            resource.update(compression=d.compression, innerpath=f"{d.table}.csv")
        resources.append(resource)
    package = {
        "profile": "data-package",  # the databases are resources too, files but not tables
        "name": "disclosure-figures",
        "title": "部门决算与绩效自评报告数据",
        "description": "各部门公开报告所述的全部数字、绩效指标与数据核验结果，按年度分文件。数字照原文录入，不作更正。"
                       "列的 columnType 标注采用 Fiscal Data Package 的约定。" + TEXT_NOTE,
        "homepage": base_url,
        "licenses": [{"name": "other-open", "title": "政府信息公开，可自由使用，请注明来源"}],
        "resources": resources,
    }
    return (json.dumps(package, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def report_json(rf: ReportFile) -> bytes:
    """The validated model of one report, in the form of its YAML (amounts as exact decimal strings).

    Written by pydantic's own serializer, straight to JSON text: the same bytes json.dumps(…,
    ensure_ascii=False, separators=(",", ":")) wrote from model_dump(mode="json"), without the
    Python dicts between. Compact: a reader's browser shows it indented, and indented it was half
    again as large."""
    text = rf.report.model_dump_json(exclude_defaults=True, by_alias=True, context={"unit": rf.report.unit})
    return text.encode("utf-8") + b"\n"


# --- the tables of a page: each one's CSV, and all of them in one file ------------------------------
#
# Each table's 下载 CSV is made in the browser from the table (templates/static/table-csv.js); these
# functions are the reference it is tested against, and make tables.csv, the one file beside each
# page holding every table of it, which the links point to for readers without scripts.


def table_csv(table) -> bytes:
    """One figure table of a report page (views.FigureTable): money in exact yuan, rates as stated."""
    header = ["项目", "层级", *(["科目编码"] if table.has_code else []), *(c.csv for c in table.columns)]
    rows = []
    for row in table.rows:
        values = [row.label, str(row.depth), *([row.code or ""] if table.has_code else [])]
        for c in table.columns:
            figure = row.cells.get(c.key)
            if figure is None:
                values.append("")
            elif c.kind in ("money", "signed"):
                values.append(plain(figure.value))
            else:
                values.append(plain(figure.first.value))
        rows.append(dict(zip(header, values)))
    return csv_bytes(header, rows, numeric=[h for h in header if h not in ("项目", "科目编码")])


def stats_csv(rows) -> bytes:
    """A table of counts; with the columns of their change on last year when any states one (in the
    count's unit, 百分点 of a rate, as the page shows it)."""
    changes = any(s.change is not None or s.change_rate is not None for _, s in rows)
    header = ["事项", "层级", "数值", "单位", "约数说明", "年份",
              *(["比上年增减", "增减单位", "比上年增减率（%）"] if changes else []), "说明"]
    out = []
    for depth, s in rows:
        values = [s.name, str(depth), plain(s.value), s.unit or "", s.qualifier or "", str(s.year or "")]
        if changes:
            values += ["" if s.change is None else plain(s.change),
                       "" if s.change is None else "个百分点" if s.unit == "%" else s.unit or "",
                       "" if s.change_rate is None else plain(s.change_rate.first.value)]
        out.append(dict(zip(header, [*values, s.note or ""])))
    return csv_bytes(header, out, numeric=("层级", "数值", "年份", "比上年增减", "比上年增减率（%）"))


def indicators_csv(rows) -> bytes:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    out = []
    for r in rows:
        i = r.indicator
        out.append(dict(zip(header, [i.level1, i.level2 or "", i.name, i.target or "", i.actual or "",
                                     plain(i.weight.first.value) if i.weight else "",
                                     plain(i.score.first.value) if i.score else "", i.deviation or ""])))
    return csv_bytes(header, out, numeric=("分值", "得分"))


@dataclass(frozen=True)
class PageTable:
    """One table of a page: the name of its CSV (`<id>.csv`), its caption, its CSV bytes."""

    id: str
    caption: str
    csv: bytes


def page_tables(context: Mapping[str, Any]) -> list[PageTable]:
    """Every table of a report page's context with its CSV, in the order of the page
    (templates/report.html), named by the file its 下载 CSV link gives."""
    out: list[PageTable] = []
    charts = context["charts"]

    def chart(id: str) -> None:
        if id in charts:
            out.append(chart_table(charts[id]))

    def figures(table) -> None:
        out.append(PageTable(table.id, table.caption, table_csv(table)))

    def stats(id: str, caption: str, rows) -> None:
        if rows:
            out.append(PageTable(id, caption, stats_csv(rows)))

    if context["changes"]:  # as the page shows it: each figure with its unit, computed changes signed
        rf = context["rf"]
        header = ["项目", f"{rf.year}年", f"{rf.year - 1}年", "增减额（计算）", "增减率（计算）"]
        out.append(PageTable("year-changes", "与上年比较", csv_bytes(header, [
            dict(zip(header, (c["label"], c["this"], c["last"], c["change"], c["rate"])))
            for c in context["changes"]])))
    if context["income"] or context["expenditure"]:
        chart("chart-income-expenditure")
        for group in (*context["income"], *context["expenditure"]):
            for table in group["tables"]:
                figures(table)
        for id, c in charts.items():
            if id.startswith("chart-expenditure-") or id == "chart-basic-composition":
                out.append(chart_table(c))
    if context["sangong"] is not None:
        chart("chart-sangong")
        figures(context["sangong"])
    stats("sangong-stats", "“三公”经费相关数量", context["sangong_stats"])
    for group in context["projects"]:
        chart(f"chart-{group['id']}")
        if group["table"] is not None:
            figures(group["table"])
        for table in group["sources"]:
            figures(table)
        stats(f"{group['id']}-stats", f"{group['caption']}：项目相关数量", group["stats"])
    if context["performance"] or context["project_performance"]:
        chart("chart-scores")
        perf = context["performance"]
        evaluations = [("indicators", "", perf, context["indicator_rows"])] if perf else []
        evaluations += [(f"project-indicators-{n + 1}", f"项目支出绩效自评：{perf.name or ''}：", perf, rows)
                        for n, (perf, rows) in enumerate(context["project_performance"])]
        for name, heading, perf, rows in evaluations:
            if perf.budget_execution is not None:
                out.append(PageTable(f"{name}-budget-execution", f"{heading}预算执行情况",
                                     budget_execution_csv(perf.budget_execution)))
                if (progress := budget_progress_csv(perf.budget_execution)) is not None:
                    out.append(PageTable(f"{name}-budget-progress", f"{heading}预算支出进度", progress))
            if perf.goals:
                out.append(PageTable(f"{name}-goals", f"{heading}年度总体目标", csv_bytes(
                    ["年初目标设定", "全年实际完成情况"],
                    [{"年初目标设定": g.target, "全年实际完成情况": g.result or ""} for g in perf.goals])))
            if rows:
                weight = perf.indicators_weight
                weight = f"（绩效指标 {decimal_text(weight.first.value)} 分）" if weight else ""
                out.append(PageTable(name, f"{heading}绩效自评表{weight}", indicators_csv(rows)))
    for block in context["blocks"]:
        if block["table"] is not None:
            figures(block["table"])
        stats(f"{block['id']}-stats", f"{block['caption']}相关数量", block["stats"])
    for n, table in enumerate(context["report"].tables, 1):
        if table.rows:
            caption = " ".join(v for v in (table.label, table.title) if v)
            out.append(PageTable(f"pt-{n}", caption, published_csv(table)))
    organization = context["organization"]
    if organization is not None and organization.stats:
        from ..site.views import stats_rows

        stats("org-stats", "机构相关数量", stats_rows(organization.stats))
    stats("work-stats-table", "报告所述工作数据", context["stats"])
    return out


def published_csv(table) -> bytes:
    """A 决算 table as published (model.PublishedTable) as the page shows it: 科目编码 where the
    table has codes, 项目, then each column (its unit after its name where it has one); a number
    written plainly, a dash as printed, an empty cell empty."""
    coded = any(row.code for row in table.rows)
    columns = [f"{c.name}（{c.unit}）" if c.unit else c.name for c in table.columns]
    header = (["科目编码"] if coded else []) + ["项目"] + columns
    rows = []
    for row in table.rows:
        values = {"科目编码": row.code or "", "项目": row.name}
        for name, value in zip(columns, row.values):
            # cell by cell, as the page's script writes it: a number as it is, a dash as text
            values[name] = "" if value is None else plain(value) if isinstance(value, Decimal) else csv_text(value)
        rows.append(values)
    return csv_bytes(header, rows, numeric=columns)


def chart_table(chart) -> PageTable:
    return PageTable(chart.id, f"{chart.title}：数据表", chart_csv(chart))


def tables_csv(tables: Iterable[PageTable]) -> bytes:
    """Every table of a page in one CSV file (UTF-8 with one BOM): each table's caption on a line
    of its own, then its CSV as its own download has it (header and rows), then a blank line."""
    parts = [BOM.encode("utf-8")]
    for table in tables:
        parts.append(_csv_lines([True], [[table.caption]]).encode("utf-8"))
        parts.append(table.csv.removeprefix(BOM.encode("utf-8")))
        parts.append(b"\r\n")
    return b"".join(parts)


def chart_csv(chart) -> bytes:
    """A chart's data table as CSV, as the page shows it: formatted text (`1,234.56`, `—`), all columns."""
    return csv_bytes(list(chart.columns), [dict(zip(chart.columns, row)) for row in chart.rows])


def budget_execution_csv(be) -> bytes:
    """The page's 预算执行 table: its 年中调整数 column only when a row states one, as on the page."""
    lines = [i for i, _ in budget_execution_rows(be)]
    adjusted = any(x.adjustment is not None for x in (be, *lines))
    header = ["项目", "年初预算数（元）", *([FIGURES["adjustment"].heading("元")] if adjusted else []),
              "全年预算数（元）", "全年执行数（元）", "分值", "执行率（%）", "得分"]

    def money(figure) -> str:
        return plain(figure.value) if figure is not None else ""

    def number(figure) -> str:
        return plain(figure.first.value) if figure is not None else ""

    def initial(x) -> list[str]:
        return [money(x.budget_initial), *([money(x.adjustment)] if adjusted else [])]

    rows = [[be.name or "预算执行", *initial(be), money(be.budget_full or be.budget), money(be.actual),
             number(be.weight), number(be.execution_rate), number(be.score)]]
    rows += [[i.name, *initial(i), money(i.budget_full or i.budget), money(i.actual), "",
              number(i.execution_rate), ""] for i in lines]
    return csv_bytes(header, [dict(zip(header, row)) for row in rows], numeric=header[1:])


def budget_progress_csv(be) -> bytes | None:
    """The page's 预算支出进度 table (None when the block states no progress): a row a point of the
    year, the columns some point fills, money in 元 and rates in %."""
    rows, columns = progress_rows(be)
    if not rows:
        return None
    heads = {"spent": "当期支出（元）", "spent_to_date": "累计支出（元）", "rate": "支出进度（%）",
             "required": "序时进度要求（%）", "weight": "分值", "score": "得分"}
    header = ["项目", "时段", *(heads[key] for key, _ in columns)]

    def cell(point, key: str) -> str:
        figure = getattr(point, key)
        if figure is None:
            return ""
        return plain(figure.value if key in ("spent", "spent_to_date") else figure.first.value)

    body = [[name, point.name, *(cell(point, key) for key, _ in columns)] for name, point in rows]
    return csv_bytes(header, [dict(zip(header, row)) for row in body], numeric=header[2:])


# --- the download set ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    """One file of the /data/ page: what it is and how big."""

    path: str
    title: str
    description: str
    format: str
    size: int
    rows: int | None
    table: str = ""  # the table a CSV holds
    year: int | None = None  # the year a file is for; None for the whole site
    digest: str = ""  # SHA-256 of the file
    compression: str = ""  # "zip": a CSV (ZIPPED_TABLES) or the database in a zip of its own


def year_path(year: int, name: str) -> str:
    """Where a year table is published: data/<year>/<name>.csv, or .csv.zip if zipped."""
    return f"data/{year}/{name}.csv" + (".zip" if name in ZIPPED_TABLES else "")


def department_data(tables: Tables, files) -> list[Download]:
    """The site-wide departments table, written through `files` (generator/engine/write.py `Output`)."""
    title, description, _, _ = TABLES["departments"]
    size, digest = files.write_chunks("data/departments.csv", tables.csv("departments"))
    return [Download("data/departments.csv", title, description, "CSV", size, tables.rows("departments"),
                     "departments", None, digest)]


def year_data(year: int, tables: Tables, epoch: int, files) -> list[Download]:
    """One year's tables, as CSVs (ZIPPED_TABLES zipped) and a workbook, written through `files`
    as they are made, in pieces (a province's are hundreds of megabytes a year), with their
    descriptions. All five files are written in one pass over the departments' parts
    (`_write_year`); a zipped CSV is its parts' compressed pieces as they are, like a sheet."""
    from .sqlite import Database, database_file, database_path

    made: dict[str, tuple[int, str]] = {}
    xlsx_path = f"data/{year}/disclosures.xlsx"
    sqlite_path = database_path(year)
    database = Database()

    def fill(names: Sequence[str], outs: dict[str, Any]) -> None:
        # Each file opened in the one before's `fill`: all five are open while the parts are read.
        if names:
            name, rest = names[0], names[1:]

            def write(out) -> None:
                target = _year_csv(tables, name, out)
                fill(rest, {**outs, name: target})
                target.finish()

            path = year_path(year, name)
            made[path] = files.write_file(path, write)
        else:
            made[xlsx_path] = files.write_file(xlsx_path, lambda out: _write_year(tables, epoch, outs, out, database))

    try:
        fill(YEAR_TABLES, {})
        made[sqlite_path] = files.write_file(sqlite_path, lambda out: database.finish(out, database_file(year)))
    finally:
        database.close()
    downloads: list[Download] = []
    for name in YEAR_TABLES:
        title, description, _, _ = TABLES[name]
        path = year_path(year, name)
        size, digest = made[path]
        downloads.append(Download(path, f"{title}（{year}年度）", description, "CSV", size, tables.rows(name), name,
                                  year, digest, "zip" if name in ZIPPED_TABLES else ""))
    size, digest = made[xlsx_path]
    downloads.append(Download(xlsx_path, f"报告、指标与核验表格（{year}年度，Excel）",
                              "本年度的报告、绩效指标、数据核验发现各表与部门表合成一个工作簿，每表一页"
                              "（部门页只列本年度有报告的部门），表头为中文列名，首行冻结、可筛选；"
                              "“字段说明”页列出各列的中文列名、CSV 列名、类型与含义。"
                              "数值为数字单元格，照原文小数位显示（Excel 以双精度保存，精确记录以 CSV 为准）；"
                              "全部数字行数太多，只在上面的 figures.csv.zip 中。",
                              "XLSX", size, None, "", year, digest))
    size, digest = made[sqlite_path]
    downloads.append(Download(sqlite_path, f"全部表格（{year}年度，SQLite 数据库）",
                              SQLITE_DESCRIPTION.format(file=database_file(year)), "SQLite", size, None, "", year,
                              digest, "zip"))
    return downloads


SQLITE_DESCRIPTION = ("本年度的部门、报告、全部数字、绩效指标与数据核验发现五表合成一个 SQLite 数据库，压缩为 ZIP，"
                      "解压即得 {file}；行序与 CSV 相同，有列类型、主键与外键"
                      "（全部数字、指标与核验发现按 department、year 指向 reports），"
                      "meta_tables 与 meta_columns 两表列出各表各列的中文名与说明；"
                      "可用 sqlite3、DB Browser for SQLite 或 Datasette 打开。"
                      "数值列为 REAL（双精度），其旁 _exact 列为与 CSV 相同的精确小数文本；空格为 NULL。")


def package_data(downloads: list[Download], base_url: str, files) -> Download:
    package = datapackage(downloads, base_url)
    files.write("data/datapackage.json", package)
    return Download("data/datapackage.json", "数据包描述（Frictionless）",
                    "按 Frictionless Tabular Data Package 描述以上各年度的 CSV：字段类型、主键、外键与单位；"
                    "列上标注 Fiscal Data Package 的 columnType。", "JSON", len(package), None)


def datasette_data(downloads: list[Download], base_url: str, files) -> Download:
    """Datasette's metadata.json for the years' databases (sqlite.datasette_metadata)."""
    from .sqlite import datasette_metadata

    metadata = datasette_metadata(sorted({d.year for d in downloads if d.format == "SQLite" and d.year is not None},
                                         reverse=True), base_url)
    files.write("data/metadata.json", metadata)
    return Download("data/metadata.json", "数据库说明（Datasette）",
                    "Datasette 的 metadata.json：各年度 SQLite 数据库中各表、各列的中文名与说明，"
                    "用法：先解压，再以 Datasette 打开："
                    "unzip 2023/disclosures-2023.sqlite.zip && datasette disclosures-2023.sqlite -m metadata.json。",
                    "JSON", len(metadata), None)


def site_data(content: Content, tables: dict[int | None, Tables], epochs: dict[int, int], files) -> list[Download]:
    """Every site-wide data file for tables already in hand (tests and tools; a build makes
    each year's files only when that year changed): departments, each year's, the package."""
    downloads = department_data(tables[None], files)
    for year in sorted((y for y in tables if y is not None), reverse=True):
        downloads += year_data(year, tables[year], epochs.get(year, 0), files)
    return [*downloads, package_data(downloads, content.site.base_url, files),
            datasette_data(downloads, content.site.base_url, files)]


class MemoryFiles:
    """`site_data`'s files kept in memory (tests and tools)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, path: str, data: bytes) -> None:
        self.files[path] = data

    def write_chunks(self, path: str, chunks: Iterable[bytes]) -> tuple[int, str]:
        import hashlib

        data = self.files[path] = b"".join(chunks)
        return len(data), hashlib.sha256(data).hexdigest()

    def write_file(self, path: str, fill: Callable[[Any], None]) -> tuple[int, str]:
        out = io.BytesIO()
        fill(out)
        return self.write_chunks(path, [out.getvalue()])
