"""Chart specs: Plotly figure JSON written from the model as plain data.

No plotly.graph_objects here: a chart is a dict of traces and layout built directly, with
its data table and a one-line summary, so every chart can be read without the chart.
Money is in 万元 (the site's unit); values are exact decimals scaled without float
arithmetic and written as JSON numbers.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..content.figures import Figure
from ..content.model import SANGONG_LABELS, STAGES, Line, YearReport
from ..content.numbers import MONEY_UNITS, decimal_text
from . import format as fmt
from .views import _main_account, nature_line, stated_actuals

STAGE_NAMES = STAGES
MICRO = Decimal("0.000001")

FONT = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", '
        '"WenQuanYi Micro Hei", sans-serif')

#: One colour per concept, the same on every page.
COLOURS = {
    "budget_initial": "#8fb8de",
    "budget_full": "#4a86c5",
    "budget": "#6f9fcf",
    "actual": "#0b4f8a",
    "prior": "#8c959f",
    "income": "#0b4f8a",
    "expenditure": "#0e7c66",
    "基本支出": "#2f6f9f",
    "项目支出": "#d9822b",
    "人员经费": "#4c8cc4",
    "公用经费": "#a2c4e4",
    "sangong": "#8250df",
    "weight": "#c5ced8",
    "score": "#0b4f8a",
    "per_staff": "#6e7781",
    "other": "#57606a",
}
STAGE_ORDER = ("budget_initial", "budget_full", "budget", "actual")

CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "locale": "zh-CN",
    "modeBarButtons": [["toImage"]],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


@dataclass(frozen=True)
class Chart:
    """A figure with what makes it readable without the figure."""

    id: str
    title: str
    summary: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    figure: dict[str, Any]


def wan(yuan: Decimal, unit: str = "万元") -> Decimal:
    """Yuan to the display unit as a JSON number: an exact decimal, scaled in Decimal (the page
    writes it in digits, render.json_script)."""
    return yuan / MONEY_UNITS[unit]


def _layout(y_title: str, *, horizontal: bool = False, height: int = 320, barmode: str = "group",
            categories: int = 0) -> dict[str, Any]:
    value_axis = {"title": {"text": y_title}, "tickformat": ",~f", "gridcolor": "#e5e9ef", "zerolinecolor": "#9aa4ad",
                  "automargin": True, "fixedrange": True, "rangemode": "tozero"}
    category_axis = {"automargin": True, "fixedrange": True, "tickfont": {"size": 12}}
    if horizontal:
        height = max(150, 90 + 36 * categories)
        category_axis["autorange"] = "reversed"
    return {
        "height": height,
        "barmode": barmode,
        "bargap": 0.25 if horizontal or categories > 2 else 0.55,
        "xaxis": value_axis if horizontal else category_axis,
        "yaxis": category_axis if horizontal else value_axis,
    }


#: What every chart of the site shares: written once on a page that has charts (the block
#: `chart-theme`), not in each chart's figure. charts.js gives Plotly each chart's layout over
#: `layout` (its own keys win, objects merged key by key) and `config`.
THEME = {
    "layout": {
        "font": {"family": FONT, "size": 13, "color": "#1f2328"},
        "separators": ".,",
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "hoverlabel": {"font": {"family": FONT}},
    },
    "config": CONFIG,
}


def _esc(text: str) -> str:
    """Plotly reads a few HTML tags in labels (<b>, <a href>, <br>): content text must not be one."""
    return html.escape(str(text), quote=False)


#: Characters a line does not start with (Chinese line-breaking rules), and brackets.
_NO_LINE_START = frozenset(")）]】」』》〉、，。；：！？%％·")
_OPENING = "(（[【「『《〈"


def _wrap(name: str, width: int = 9) -> str:
    """A long category name over several lines, so phones keep room for the bars: lines of
    at most `width` characters, broken before a bracketed part the line would split
    (“社会保障和就业” / “(类)”, not “社会保障和就业(类” / “)”), and no line starting with a
    closing bracket or punctuation."""
    if len(name) <= width:
        return _esc(name)
    lines = []
    rest = name
    while len(rest) > width:
        cut = width
        opened = max(rest.rfind(ch, 0, cut) for ch in _OPENING)
        if opened > 0 and not any(ch in _NO_LINE_START for ch in rest[opened:cut]):
            cut = opened  # the bracket would close on the next line: begin that line with it
        while cut < len(rest) and rest[cut] in _NO_LINE_START:
            cut += 1  # a closing mark stays at the end of its line
        lines.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        lines.append(rest)
    return "<br>".join(_esc(line) for line in lines)


def _wrap_ticks(layout: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """Show wrapped names on the category axis of a horizontal chart; the data keep the names."""
    layout["yaxis"].update(tickmode="array", tickvals=[_esc(n) for n in names], ticktext=[_wrap(n) for n in names])
    return layout


def _bar(name: str, categories: list[str], values: Sequence[Decimal | None], colour: str, unit: str,
         horizontal: bool = False, hover_unit: str | None = None, **extra: Any) -> dict[str, Any]:
    fmt_spec = ",.2f" if unit in ("万元", "元") else ",~f"
    label = _esc(hover_unit if hover_unit is not None else unit)
    name = _esc(name)
    categories = [_esc(c) for c in categories]
    trace: dict[str, Any] = {
        "type": "bar",
        "name": name,
        "marker": {"color": colour},
        "hovertemplate": f"%{{{'y' if horizontal else 'x'}}}<br>{name}：%{{{'x' if horizontal else 'y'}:{fmt_spec}}} "
                         f"{label}<extra></extra>",
    }
    if horizontal:
        trace.update(orientation="h", y=categories, x=values)
    else:
        trace.update(x=categories, y=values)
    trace.update(extra)
    return trace


def _money_cell(figure: Figure | None, unit: str) -> str:
    return fmt.money(figure.value, unit) if figure is not None else "—"


def _chart(id: str, title: str, summary: str, columns: Iterable[str], rows: Iterable[Iterable[str]],
           data: list[dict[str, Any]], layout: dict[str, Any]) -> Chart:
    return Chart(id, title, summary, tuple(columns), tuple(tuple(r) for r in rows),
                 {"data": data, "layout": layout})


# --- report page -------------------------------------------------------------------------------


def _stages_of(line: Line | None) -> dict[str, Figure]:
    if line is None:
        return {}
    return {s: getattr(line, s) for s in STAGE_ORDER if getattr(line, s) is not None}


def income_expenditure_by_stage(report: YearReport, unit: str) -> Chart | None:
    income = _main_account(report.income)
    spending = _main_account(report.expenditure)
    series = {"收入": _stages_of(income.total if income else None),
              "支出": _stages_of(spending.total if spending else None)}
    stages = [s for s in STAGE_ORDER if any(s in v for v in series.values())]
    if not stages:
        return None
    labels = [STAGE_NAMES[s] for s in stages]
    data = [_bar(name, labels, [wan(v[s].value, unit) if s in v else None for s in stages],
                 COLOURS["income" if name == "收入" else "expenditure"], unit)
            for name, v in series.items() if v]
    rows = [(STAGE_NAMES[s], *(_money_cell(v.get(s), unit) for v in series.values() if v)) for s in stages]
    names = [n for n, v in series.items() if v]
    summary = "；".join(f"{n}{STAGE_NAMES[s]} {fmt.money(v[s].value, unit)} {unit}"
                       for n, v in series.items() for s in stages if s in v)
    return _chart("chart-income-expenditure", "收入与支出（按预算、决算阶段）", summary,
                  ("阶段", *(f"{n}（{unit}）" for n in names)), rows, data, _layout(unit, categories=len(stages)))


def _headline_stage(lines: Iterable[Line]) -> str | None:
    """The one stage every line states, preferring 决算: a composition compares like with like."""
    lines = list(lines)
    for stage in ("actual", "budget_full", "budget", "budget_initial"):
        if lines and all(getattr(line, stage) is not None for line in lines):
            return stage
    return None


def composition(id: str, title: str, lines: tuple[Line, ...], unit: str, colour_by_name: bool = False
                ) -> Chart | None:
    """Parts of a total at one stage, largest first; parts stated as 0 stay in the table."""
    stage = _headline_stage(lines)
    if stage is None or len(lines) < 2:
        return None
    parts = [(line.name, getattr(line, stage)) for line in lines]
    shown = sorted([p for p in parts if p[1].value != 0], key=lambda p: (-p[1].value, p[0]))
    if not shown:
        return None
    names = [n for n, _ in shown]
    colours = [COLOURS.get(n, COLOURS["actual"]) if colour_by_name else COLOURS[stage] for n in names]
    data = [_bar(STAGE_NAMES[stage], names, [wan(f.value, unit) for _, f in shown], COLOURS[stage], unit,
                 horizontal=True, marker={"color": colours})]
    rows = [(n, _money_cell(f, unit)) for n, f in parts]
    zeros = [n for n, f in parts if f.value == 0]
    summary = "、".join(f"{n} {fmt.money(f.value, unit)}" for n, f in shown) + f" {unit}（{STAGE_NAMES[stage]}）"
    if zeros:
        summary += f"；为 0 的 {len(zeros)} 项见数据表"
    layout = _wrap_ticks(_layout(unit, horizontal=True, categories=len(names)), names)
    layout["showlegend"] = False
    return _chart(id, title, summary, ("项目", f"{STAGE_NAMES[stage]}（{unit}）"), rows, data, layout)


def expenditure_composition(report: YearReport, unit: str) -> list[Chart]:
    charts = []
    ordered = sorted(report.expenditure, key=lambda a: a.scope != "部门全部资金")
    seen: set[str] = set()
    for account in ordered:
        for key, label, by_name in (("by_nature", "按支出性质", True), ("by_economic", "按经济分类", False),
                                    ("by_function", "按功能分类", False)):
            if key in seen:
                continue
            lines = tuple(line for line in getattr(account, key)
                          if line.name != "上缴上级支出、经营支出、对附属单位补助支出"
                          or any(getattr(line, s) for s in STAGE_ORDER))
            chart = composition(f"chart-expenditure-{key.replace('_', '-')}", f"支出构成：{label}（{account.scope}）",
                                lines, unit, by_name)
            if chart:
                charts.append(chart)
                seen.add(key)
    basic, scope = nature_line(report, "基本支出")
    if basic is not None:
        chart = composition("chart-basic-composition", f"基本支出构成（{scope}）", basic.items, unit, True)
        if chart:
            charts.append(chart)
    return charts


SANGONG_ITEMS = tuple((key, SANGONG_LABELS[key]) for key in ("overseas", "vehicle_purchase", "vehicle_operation",
                                                              "reception"))


def sangong_chart(report: YearReport, unit: str) -> Chart | None:
    sangong = report.sangong
    if sangong is None:
        return None
    items = [(label, getattr(sangong, key)) for key, label in SANGONG_ITEMS if getattr(sangong, key) is not None]
    if not any(k in ("vehicle_purchase", "vehicle_operation") for k, _ in SANGONG_ITEMS
               if getattr(sangong, k) is not None) and sangong.vehicles is not None:
        items.insert(1, (SANGONG_LABELS["vehicles"], sangong.vehicles))
    if not items:
        return None
    stages = [s for s in ("budget_initial", "budget_full", "budget", "actual", "prior")
              if any(getattr(a, s) is not None for _, a in items)]
    if not stages:
        return None
    names = [label for label, _ in items]
    data = [_bar(STAGE_NAMES[s], names, [wan(getattr(a, s).value, unit) if getattr(a, s) is not None else None
                                         for _, a in items], COLOURS[s], unit)
            for s in stages]
    rows = [(label, *(_money_cell(getattr(a, s), unit) for s in stages)) for label, a in items]
    total = sangong.total
    head = "；".join(f"合计{STAGE_NAMES[s]} {fmt.money(getattr(total, s).value, unit)} {unit}"
                    for s in stages if total is not None and getattr(total, s) is not None)
    summary = head or "“三公”经费各项" + "、".join(names)
    return _chart("chart-sangong", f"“三公”经费各项（{'、'.join(STAGE_NAMES[s] for s in stages)}）", summary,
                  ("项目", *(f"{STAGE_NAMES[s]}（{unit}）" for s in stages)), rows, data, _layout(unit))


def projects_chart(report: YearReport, unit: str) -> list[Chart]:
    charts = []
    for i, group in enumerate(report.projects):
        projects = list(group.items)
        stages = [s for s in ("budget_initial", "budget_full", "budget", "actual")
                  if any(getattr(p, s) is not None for p in projects)]
        if not projects or not stages:
            continue
        names = [p.name for p in projects]
        data = [_bar(STAGE_NAMES[s], names, [wan(getattr(p, s).value, unit) if getattr(p, s) is not None else None
                                             for p in projects], COLOURS[s], unit, horizontal=True)
                for s in stages]
        rows = [(p.name, *(_money_cell(getattr(p, s), unit) for s in stages)) for p in projects]
        summary = f"{group.name}共 {len(projects)} 项"
        largest_stage = stages[-1]
        stated = [p for p in projects if getattr(p, largest_stage) is not None]
        if stated:
            top = max(stated, key=lambda p: (getattr(p, largest_stage).value, p.name))
            summary = (f"{group.name}共 {len(projects)} 项；{STAGE_NAMES[largest_stage]}最大的是{top.name}"
                       f"（{fmt.money(getattr(top, largest_stage).value, unit)} {unit}）")
        layout = _wrap_ticks(_layout(unit, horizontal=True, categories=len(names) * len(stages)), names)
        charts.append(_chart(f"chart-projects-{i + 1}", f"项目预算与执行：{group.name}", summary,
                             ("项目", *(f"{STAGE_NAMES[s]}（{unit}）" for s in stages)), rows, data, layout))
    return charts


def scores_chart(report: YearReport) -> Chart | None:
    perf = report.performance
    if perf is None or not perf.indicators:
        return None
    groups: dict[str, list[Decimal]] = {}
    for ind in perf.indicators:
        weight = ind.weight.value if ind.weight else Decimal(0)
        score = ind.score.value if ind.score else Decimal(0)
        total = groups.setdefault(ind.level1, [Decimal(0), Decimal(0)])
        total[0] += weight
        total[1] += score
    be = perf.budget_execution
    if be and be.weight:
        groups = {"预算执行率": [be.weight.value, be.score.value if be.score else Decimal(0)], **groups}
    names = list(groups)
    data = [
        _bar("分值", names, [w for w, _ in groups.values()], COLOURS["weight"], "分"),
        _bar("得分", names, [s for _, s in groups.values()], COLOURS["score"], "分"),
    ]
    rows = [(n, fmt.number(w), fmt.number(s)) for n, (w, s) in groups.items()]
    lost = [(n, w - s) for n, (w, s) in groups.items() if s < w]
    summary = "各一级指标得分与分值（按自评表各行合计）" + (
        "；失分：" + "、".join(f"{n} {fmt.number(d)} 分" for n, d in lost) if lost else "；无失分")
    layout = _layout("分")
    layout["yaxis"]["tickformat"] = ",~f"
    return _chart("chart-scores", "绩效自评：各一级指标得分与分值", summary, ("一级指标", "分值", "得分"), rows, data,
                  layout)


def report_charts(report: YearReport, unit: str) -> list[Chart]:
    charts: list[Chart | None] = [income_expenditure_by_stage(report, unit)]
    charts += expenditure_composition(report, unit)
    charts.append(sangong_chart(report, unit))
    charts += projects_chart(report, unit)
    charts.append(scores_chart(report))
    return [c for c in charts if c is not None]


# --- across years, departments and the site ----------------------------------------------------


@dataclass(frozen=True)
class Point:
    year: int
    figure: Figure
    stage: str
    from_prior: bool  # a prior-year figure stated in the next year's report


def department_series(reports: list[YearReport]) -> dict[str, list[Point]]:
    """Headline figures by year: each report's own, plus the prior-year figures reports state."""
    from .views import headline

    series: dict[str, list[Point]] = {}
    for report in reports:
        heads = headline(report)
        lines = _headline_lines(report)
        for key, (figure, stage) in heads.items():
            if figure is not None:
                series.setdefault(key, []).append(Point(report.year, figure, stage, False))
            line = lines.get(key)
            if line is not None and line.prior is not None:
                series.setdefault(key, []).append(Point(report.year - 1, line.prior, "上年", True))
        perf = report.performance
        if perf and perf.score:
            series.setdefault("score", []).append(Point(report.year, perf.score, "自评", False))
    own_years = {key: {p.year for p in points if not p.from_prior} for key, points in series.items()}
    # A year's own report wins over the prior-year figure another report gives for it.
    return {key: sorted((p for p in points if not (p.from_prior and p.year in own_years[key])),
                        key=lambda p: (p.year, p.from_prior)) for key, points in series.items()}


def _headline_lines(report: YearReport) -> dict[str, Any]:
    income = _main_account(report.income)
    spending = _main_account(report.expenditure)
    return {
        "income": income.total if income else None,
        "expenditure": spending.total if spending else None,
        "basic": nature_line(report, "基本支出")[0],
        "project": nature_line(report, "项目支出")[0],
        "sangong": report.sangong.total if report.sangong else None,
    }


SERIES = (("income", "收入合计", "income"), ("expenditure", "支出合计", "expenditure"),
          ("basic", "基本支出", "基本支出"), ("project", "项目支出", "项目支出"), ("sangong", "“三公”经费", "sangong"))


def department_charts(reports: list[YearReport], unit: str) -> list[Chart]:
    series = department_series(reports)
    charts = []
    money = [(key, label, colour) for key, label, colour in SERIES if series.get(key)]
    groups = (("chart-dept-totals", "历年收入与支出", ("income", "expenditure")),
              ("chart-dept-nature", "历年基本支出与项目支出", ("basic", "project")),
              ("chart-dept-sangong", "历年“三公”经费", ("sangong",)))
    for id, title, keys in groups:
        chosen = [(k, label, colour) for k, label, colour in money if k in keys]
        if not chosen:
            continue
        years = sorted({p.year for k, _, _ in chosen for p in series[k]})
        if len(years) < 2:
            continue  # one year is no trend: the page's table shows it
        data, rows = [], []
        for key, label, colour in chosen:
            points = series[key]
            data.append({
                "type": "scatter", "mode": "lines+markers", "name": _esc(label),
                "x": [str(p.year) for p in points], "y": [wan(p.figure.value, unit) for p in points],
                "line": {"color": COLOURS[colour], "width": 2},
                "marker": {"color": COLOURS[colour], "size": 9,
                           "symbol": ["circle-open" if p.from_prior else "circle" for p in points]},
                "customdata": [f"{p.stage}（据{p.year + 1}年报告所述上年数）" if p.from_prior else p.stage
                               for p in points],
                "hovertemplate": f"%{{x}}年<br>{_esc(label)}：%{{y:,.2f}} {unit}<br>%{{customdata}}<extra></extra>",
            })
        for year in years:
            row = [str(year)]
            for key, _, _ in chosen:
                point = next((p for p in series[key] if p.year == year), None)
                row.append("—" if point is None else f"{fmt.money(point.figure.value, unit)}（{point.stage}"
                           f"{'，据次年报告' if point.from_prior else ''}）")
            rows.append(row)
        layout = _layout(unit)
        layout["xaxis"]["type"] = "category"
        summary = "；".join(f"{label}：" + "、".join(f"{p.year}年 {fmt.money(p.figure.value, unit)}"
                                                   f"{'（上年数）' if p.from_prior else ''}" for p in series[key])
                           for key, label, _ in chosen)
        charts.append(_chart(id, title, summary, ("年度", *(f"{label}（{unit}）" for _, label, _ in chosen)), rows,
                             data, layout))
    if len({p.year for p in series.get("score") or []}) >= 2:
        points = series["score"]
        data = [_bar("自评得分", [str(p.year) for p in points], [p.figure.value for p in points],
                     COLOURS["score"], "分")]
        layout = _layout("分")
        layout["xaxis"]["type"] = "category"
        layout["showlegend"] = False
        charts.append(_chart("chart-dept-score", "历年绩效自评得分",
                             "、".join(f"{p.year}年 {fmt.score(p.figure)} 分" for p in points),
                             ("年度", "自评得分"), [(str(p.year), fmt.score(p.figure)) for p in points], data, layout))
    return charts


#: A year's charts compare departments bar by bar up to this many; beyond it (a province's year
#: has thousands) each amount chart shows the largest this many, said so in its title, and the
#: scores are shown as how many departments fall in each band. The page's table keeps them all.
YEAR_CHART_MAX = 30

#: Score bands of the distribution, each from its lower bound (inclusive) to the next: the
#: grade bands of 财预〔2020〕10号 (优 from 90, 良 from 80, 中 from 60), 优 split in three, for
#: most self-evaluations score above 90.
SCORE_BANDS = ((Decimal(100), "100分"), (Decimal(95), "95分至100分"), (Decimal(90), "90分至95分"),
               (Decimal(80), "80分至90分"), (Decimal(60), "60分至80分"), (None, "60分以下"))


#: How many departments the summary of a chart of the largest `YEAR_CHART_MAX` names: a
#: summary is a line to read, the chart's table lists them all.
SUMMARY_NAMES = 5


def _top(items: list, count: int, title: str, measure: str) -> tuple[list, str, str, list]:
    """The first `YEAR_CHART_MAX` of `items` (sorted largest first), the chart's title, the note
    its summary starts with when some were left out, and the items the summary names."""
    if count <= YEAR_CHART_MAX:
        return items, title, "", items
    return (items[:YEAR_CHART_MAX], f"{measure}最高的{YEAR_CHART_MAX}个部门",
            f"共 {count} 个部门，图中为最高的 {YEAR_CHART_MAX} 个（见其数据表），全部见各部门主要数据表；"
            f"最高的 {SUMMARY_NAMES} 个：", items[:SUMMARY_NAMES])


def year_charts(rows: list[Any], unit: str) -> list[Chart]:
    """Departments of one year side by side; `rows` are pages.Headline entries."""
    charts = []
    for key, title, colour in (("expenditure", "支出合计", "expenditure"), ("sangong", "“三公”经费", "sangong")):
        stated = [(h.name, *h.figures[key]) for h in rows if h.figures[key][0] is not None]
        if not stated:
            continue
        stated.sort(key=lambda r: (-r[1], r[0]))
        shown, heading, note, named = _top(stated, len(stated), f"各部门{title}", title)
        # the stage beside each name only where they differ (else on the axis): a name and its
        # stage ran to three lines on a phone, over the next bar's
        stages = {stage for _, _, stage in shown}
        names = [n if len(stages) == 1 else f"{n}（{stage}）" for n, _, stage in shown]
        axis = f"{unit}（{next(iter(stages))}）" if len(stages) == 1 else unit
        data = [_bar(title, names, [wan(v, unit) for _, v, _ in shown], COLOURS[colour], unit,
                     horizontal=True)]
        layout = _wrap_ticks(_layout(axis, horizontal=True, categories=len(names)), names)
        layout["showlegend"] = False
        charts.append(_chart(f"chart-year-{key}", heading, note + "、".join(
            f"{n} {fmt.money(v, unit)}（{stage}）" for n, v, stage in named) + f"，单位{unit}",
            ("部门", "阶段", f"{title}（{unit}）"), [(n, stage, fmt.money(v, unit)) for n, v, stage in shown],
            data, layout))
    per_staff = [(h.name, h.figures["expenditure"][0], h.figures["expenditure"][1], h.staff,
                  h.staff_label) for h in rows if h.figures["expenditure"][0] is not None and h.staff]
    if per_staff:
        computed = sorted(((n, v / staff, stage, staff, label) for n, v, stage, staff, label in per_staff),
                          key=lambda r: (-r[1], r[0]))
        computed, heading, note, named = _top(computed, len(computed), "人均支出", "人均支出")
        names = [n for n, *_ in computed]
        # A quotient has 28 digits; the bars need none beyond 0.000001 of the unit (0.01 元 in 万元).
        bars = [wan(v, unit).quantize(MICRO) for _, v, *_ in computed]
        data = [_bar("人均支出", names, bars, COLOURS["per_staff"], unit, horizontal=True)]
        layout = _wrap_ticks(_layout(f"{unit}/人", horizontal=True, categories=len(names)), names)
        layout["showlegend"] = False
        charts.append(_chart("chart-year-per-staff", f"{heading}（计算值：支出合计 ÷ 人数）", note + "、".join(
            f"{n} {fmt.money(v, unit)}" for n, v, *_ in named) + f"，单位{unit}/人；按报告所述支出与人数计算",
            ("部门", f"人均支出（{unit}/人）", "支出阶段", "人数"),
            [(n, fmt.money(v, unit), stage, f"{staff}（{label}）") for n, v, stage, staff, label in computed],
            data, layout))
    scored = [(h.name, h.score) for h in rows if h.score is not None]
    if scored and len(scored) > YEAR_CHART_MAX:
        charts.append(_score_bands([s for _, s in scored], len(rows)))
    elif scored:
        scored.sort(key=lambda r: (-r[1], r[0]))
        data = [_bar("自评得分", [n for n, _ in scored], [s for _, s in scored], COLOURS["score"],
                     "分", horizontal=True)]
        layout = _wrap_ticks(_layout("分", horizontal=True, categories=len(scored)), [n for n, _ in scored])
        layout["showlegend"] = False
        charts.append(_chart("chart-year-score", "绩效自评得分",
                             "、".join(f"{n} {decimal_text(s)} 分" for n, s in scored),
                             ("部门", "自评得分"), [(n, decimal_text(s)) for n, s in scored], data, layout))
    rates = [h.rate for h in rows if h.rate is not None]
    if len(rates) > YEAR_CHART_MAX:  # fewer are in the page's table, sortable, one row each
        charts.append(_bands("chart-year-rate", "预算执行率分布", rates, RATE_BANDS, len(rows), "列明预算执行率",
                             "执行率区间"))
    return charts


#: Bands of the 预算执行率 distribution, each from its lower bound (inclusive, in per cent): most
#: departments spend above 90% of the budget, so the top is split finer, as the score bands are.
RATE_BANDS = ((Decimal(100), "100%及以上"), (Decimal(95), "95%至100%"), (Decimal(90), "90%至95%"),
              (Decimal(80), "80%至90%"), (Decimal(60), "60%至80%"), (None, "60%以下"))


def band_of(value: Decimal, bands: tuple[tuple[Decimal | None, str], ...]) -> int:
    """The index of the band (`SCORE_BANDS`, `RATE_BANDS`) `value` falls in."""
    return next(i for i, (low, _) in enumerate(bands) if low is None or value >= low)


def _bands(id: str, title: str, values: list[Decimal], bands: tuple[tuple[Decimal | None, str], ...], total: int,
           stating: str, column: str) -> Chart:
    """How many departments' `values` fall in each band, over the `total` departments of the year."""
    counts = [0] * len(bands)
    for value in values:
        counts[band_of(value, bands)] += 1
    labels = [label for _, label in bands]
    data = [_bar("部门数", labels, [Decimal(n) for n in counts], COLOURS["score"], "个", hover_unit="个部门")]
    layout = _layout("部门数")
    layout["xaxis"]["type"] = "category"
    layout["showlegend"] = False
    head = f"共 {len(values)} 个部门" if len(values) == total else f"{total} 个部门中 {len(values)} 个{stating}"
    return _chart(id, title, f"{head}；" + "、".join(f"{label} {n} 个" for label, n in zip(labels, counts)),
                  (column, "部门数"), [(label, str(n)) for label, n in zip(labels, counts)], data, layout)


def _score_bands(scores: list[Decimal], total: int) -> Chart:
    """How many departments' self-evaluation scores fall in each band (`SCORE_BANDS`)."""
    return _bands("chart-year-score", "绩效自评得分分布", scores, SCORE_BANDS, total, "列明自评得分", "得分区间")


def totals_chart(id: str, title: str, by_year: dict[int, list[Any]], unit: str,
                 keys: tuple[str, ...] = ("income", "expenditure"), min_years: int = 1) -> Chart | None:
    """Totals by year across departments (pages.Headline of each report, by year): the stated
    决算 totals under `keys`, summed, with how many departments each adds up. None where fewer
    than `min_years` years have any."""
    years = sorted(by_year)
    if not years:
        return None
    sums: dict[str, list[tuple[Decimal, int]]] = {key: [] for key in keys}
    for year in years:
        for key in sums:
            stated = stated_actuals(by_year[year], key)
            sums[key].append((sum(stated, Decimal(0)), len(stated)))
    # a year no department states a 决算 total for is no bar of 0 (it is left out)
    keep = [i for i in range(len(years)) if any(sums[key][i][1] for key in sums)]
    if not keep or len(keep) < min_years:
        return None
    years = [years[i] for i in keep]
    sums = {key: [values[i] for i in keep] for key, values in sums.items()}
    names = {"income": "收入", "expenditure": "支出"}

    def shown(total: Decimal, n: int) -> str:
        return f"{fmt.money(total, unit)}（{n} 个部门）" if n else "—"

    data = [_bar(f"{names[key]}合计（决算）", [str(y) for y in years],
                 [wan(total, unit) if n else None for total, n in values], COLOURS[key], unit,
                 customdata=[f"{n} 个部门" for _, n in values],
                 hovertemplate=f"%{{x}}年<br>{names[key]}合计（决算）：%{{y:,.2f}} {unit}"
                               f"<br>%{{customdata}}<extra></extra>")
            for key, values in sums.items()]
    layout = _layout(unit)
    layout["xaxis"]["type"] = "category"
    if len(keys) == 1:
        layout["showlegend"] = False
    rows = [(str(y), *(shown(*sums[key][i]) for key in keys)) for i, y in enumerate(years)]
    told = "expenditure" if "expenditure" in sums else keys[0]
    summary = "；".join(f"{y}年{names[told]} {fmt.money(sums[told][i][0], unit)} {unit}"
                       f"（{sums[told][i][1]} 个部门）" for i, y in enumerate(years) if sums[told][i][1])
    return _chart(id, title, summary, ("年度", *(f"{names[key]}合计（{unit}）" for key in keys)), rows, data, layout)


def home_chart(by_year: dict[int, list[Any]], unit: str) -> Chart | None:
    """Totals by year across departments: stated 决算 expenditure and income, summed, with counts."""
    return totals_chart("chart-home-totals", "各年度收入与支出合计（各部门决算数相加；各年相加的部门不同，见部门数）",
                        by_year, unit)


# --- region pages ------------------------------------------------------------------------------

#: The grade of each of `SCORE_BANDS` (财预〔2020〕10号: 优 from 90, 良 from 80, 中 from 60),
#: and its colour: blues for 优, warm colours below.
BAND_GRADES = ("优", "优", "优", "良", "中", "差")
BAND_COLOURS = ("#0b4f8a", "#2f6f9f", "#8fb8de", "#d9822b", "#c4572b", "#a40e26")


def grades_by_year(id: str, by_year: dict[int, list[Any]]) -> Chart | None:
    """How many reports of each year score in each band (`SCORE_BANDS`, named by grade), stacked
    by year, over the reports that state a score; a trend, so only with two years or more."""
    counts = {}
    for year in sorted(by_year):
        scores = [h.score for h in by_year[year] if h.score is not None]
        if scores:
            counts[year] = [0] * len(SCORE_BANDS)
            for score in scores:
                counts[year][band_of(score, SCORE_BANDS)] += 1
    if len(counts) < 2:
        return None
    years = list(counts)
    used = [i for i in range(len(SCORE_BANDS)) if any(counts[y][i] for y in years)]
    labels = [f"{BAND_GRADES[i]}（{SCORE_BANDS[i][1]}）" for i in used]
    data = [_bar(label, [str(y) for y in years], [Decimal(counts[y][i]) for y in years], BAND_COLOURS[i], "个",
                 hover_unit="份报告") for label, i in zip(labels, used)]
    layout = _layout("报告数", barmode="stack", categories=len(years))
    layout["xaxis"]["type"] = "category"
    layout["legend"] = {"traceorder": "normal"}  # the bands from the top, as the table's columns
    rows = [(str(y), *(str(counts[y][i]) for i in used), str(sum(counts[y]))) for y in years]
    # in one line: the bands over all the years (each year's are in the table)
    summary = (f"{years[0]}—{years[-1]}年共 {sum(sum(counts[y]) for y in years)} 份报告列明得分：" + "、".join(
        f"{label} {sum(counts[y][i] for y in years)} 份" for label, i in zip(labels, used)) + "；各年见数据表")
    return _chart(id, "各年度绩效自评等级分布（按报告所述得分划分）", summary,
                  ("年度", *labels, "列明得分的报告"), rows, data, layout)


def sub_region_chart(id: str, children: list[Any], under: dict[str, list[Any]], unit: str) -> Chart | None:
    """The sub-regions' stated 决算 spending added up, side by side, in the one year most of the
    region's reports are for (the latest of equals): years are not added together, and each bar
    says over how many departments it is. None unless two sub-regions state one that year."""
    heads = {place.region.code: [h for d in under.get(place.region.code, []) for h in d.heads] for place in children}
    per_year = Counter(h.year for hs in heads.values() for h in hs)
    if not per_year:
        return None
    year = max(per_year, key=lambda y: (per_year[y], y))
    entries = []
    for place in children:
        of_year = [h for h in heads[place.region.code] if h.year == year]
        spent = stated_actuals(of_year, "expenditure")
        entries.append((place.region.name, sum(spent, Decimal(0)), len(spent), len(of_year)))
    shown = sorted((e for e in entries if e[2]), key=lambda e: (-e[1], e[0]))
    if len(shown) < 2:
        return None
    names = [n for n, *_ in shown]
    data = [_bar(f"{year}年支出合计（决算）", names, [wan(total, unit) for _, total, _, _ in shown],
                 COLOURS["expenditure"], unit, horizontal=True, customdata=[f"{n} 个部门" for _, _, n, _ in shown],
                 hovertemplate=f"%{{y}}<br>{year}年支出合计（决算）：%{{x:,.2f}} {unit}<br>%{{customdata}}"
                               f"<extra></extra>")]
    layout = _wrap_ticks(_layout(unit, horizontal=True, categories=len(names)), names)
    layout["showlegend"] = False
    rows = [(name, str(reports), str(n), fmt.money(total, unit) if n else "—") for name, total, n, reports in entries]
    summary = (f"按{year}年比较（本地区该年报告最多，{per_year[year]} 份）：" + "、".join(
        f"{name} {fmt.money(total, unit)}（{n} 个部门）" for name, total, n, _ in shown) + f"，单位{unit}")
    return _chart(id, f"{year}年各下辖地区支出合计（各部门决算数相加）", summary,
                  ("地区", f"{year}年报告数", "列明决算数的部门", f"支出合计（{unit}）"), rows, data, layout)


def region_charts(departments: list[Any], children: list[Any], under: dict[str, list[Any]], unit: str) -> list[Chart]:
    """A region's charts (pages.Summary of each department under it): its totals and grades year
    by year, and its sub-regions side by side."""
    by_year: dict[int, list[Any]] = {}
    for d in departments:
        for h in d.heads:
            by_year.setdefault(h.year, []).append(h)
    made = [totals_chart("chart-region-totals", "各年度支出合计（各部门决算数相加；各年相加的部门不同，见部门数）",
                         by_year, unit, ("expenditure",), min_years=2),
            grades_by_year("chart-region-grades", by_year),
            sub_region_chart("chart-region-sub-regions", children, under, unit) if children else None]
    return [c for c in made if c is not None]


@dataclass(frozen=True)
class Change:
    """One headline figure of a year against the year before, the change computed (never stated)."""

    key: str
    label: str
    this: Point
    last: Point
    change: Decimal
    rate: Decimal | None  # None when last year's figure is 0


def year_changes(reports: list[YearReport], year: int) -> list[Change]:
    """The headline figures of `year` against the year before, where both are known: last
    year's from its own report, or else as this year's report states it (上年数). Computed from
    the figures as stated, labelled so, and never put in place of a stated change."""
    series = department_series(reports)
    labels = {key: label for key, label, _ in SERIES} | {"score": "绩效自评得分"}
    out = []
    for key, label in labels.items():
        points = series.get(key) or []
        this = next((p for p in points if p.year == year and not p.from_prior), None)
        last = next((p for p in points if p.year == year - 1), None)
        if this is None or last is None:
            continue
        change = this.figure.value - last.figure.value
        rate = (change / last.figure.value * 100).quantize(Decimal("0.01")) if last.figure.value else None
        out.append(Change(key, label, this, last, change, rate))
    return out
