"""What the search indexes: the text of each report and department, filter labels, grade bands.

The text is built from the model, not from the rendered pages: what a reader finds on a page
without its navigation, footers or chart tables. `generator.outputs.searchindex` makes the index.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..content.figures import Figure
from ..content.labels import qualified
from ..content.numbers import decimal_text
from .format import stated

#: The score bands of 财预〔2020〕10号 used for the 自评等级 filter.
GRADE_BANDS = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"))


def grade_band(score: Decimal | None) -> str | None:
    if score is None:
        return None
    for floor, grade in GRADE_BANDS:
        if score >= floor:
            return grade
    return "差"


#: Filter keys and their labels on the search page, in display order.
FILTERS = (("type", "页面"), ("year", "年度"), ("province", "省"), ("city", "市"), ("county", "县（区）"),
           ("department", "部门"), ("kind", "报告类型"), ("grade", "自评等级"))


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")


def _markdown_text(text: str) -> str:
    """Markdown source as plain text for the index (escapes dropped)."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


_FIGURE, _SECTION, _TEXT, _MODEL, _SEQUENCE, _OTHER, _STAT, _HEADCOUNT = range(8)
#: How report_text walks a value of each type: its kind, and a model's field names.
_PLANS: dict[type, tuple[int, tuple[str, ...]]] = {}


def _plan(cls: type) -> tuple[int, tuple[str, ...]]:
    from ..content.model import Headcount, Section, Stat

    plan = _PLANS.get(cls)
    if plan is None:
        if issubclass(cls, Stat):
            plan = (_STAT, ())
        elif issubclass(cls, Headcount):
            plan = (_HEADCOUNT, ())
        elif issubclass(cls, Figure):
            plan = (_FIGURE, ())
        elif issubclass(cls, Section):
            plan = (_SECTION, ())
        elif issubclass(cls, str):
            plan = (_TEXT, ())
        elif hasattr(cls, "model_fields"):
            plan = (_MODEL, tuple(cls.model_fields))
        elif issubclass(cls, (list, tuple)):
            plan = (_SEQUENCE, ())
        else:
            plan = (_OTHER, ())
        _PLANS[cls] = plan
    return plan


def report_text(report, department) -> str:
    """The text of a report page as the index holds it."""
    parts: list[str] = [d.title for d in report.documents] + [department.name]
    append = parts.append
    plans = _PLANS

    def walk(value, plan: tuple[int, tuple[str, ...]]) -> None:
        kind = plan[0]
        if kind == _MODEL or kind == _SEQUENCE:
            children = (getattr(value, name) for name in plan[1]) if kind == _MODEL else value
            for child in children:
                child_plan = plans.get(type(child)) or _plan(type(child))
                if child_plan[0] == _TEXT:
                    append(_markdown_text(child))
                elif child_plan[0] != _OTHER:
                    walk(child, child_plan)
        elif kind == _FIGURE:
            append(" ".join([stated(s) for s in value.statements]))
        elif kind == _SECTION:
            append(value.title)
            append(_markdown_text(value.body))
            for sub in value.sections:
                walk(sub, plans.get(type(sub)) or _plan(type(sub)))
        elif kind == _STAT:
            append(stat_sentence(value))
            if value.note:
                append(_markdown_text(value.note))
            for item in value.items:
                walk(item, plan)
        elif kind == _HEADCOUNT:
            append(f"{value.name} {value.count}" + (f"（{value.note}）" if value.note else ""))
            for item in value.items:
                walk(item, plan)
        elif kind == _TEXT:
            append(_markdown_text(value))

    walk(report, _plan(type(report)))
    return "\n".join([p for p in parts if p])


def stat_sentence(stat) -> str:
    """A statistic as the report says it, one line: “跨省通办事项58项”, “现场处理工单1200余次”
    (its qualifier in its place, `labels.qualified`, as the report page's table shows it), its
    year when not the report's."""
    year = f"（{stat.year}年）" if stat.year else ""
    return f"{stat.name}{year}{qualified(decimal_text(stat.value), stat.unit, stat.qualifier)}"


def department_text(department) -> str:
    parts = [department.name, department.short_name or "", *department.aliases, department.level or "",
             department.type or "", department.founded or "", *map(_markdown_text, department.functions),
             *department.internal_units, *(f"{h.date} {h.event}" for h in department.history)]
    return "\n".join(p for p in parts if p)
