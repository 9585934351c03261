"""What the search indexes: the text of each report and department, filter labels, grade bands.

The text is built from the model, not from the rendered pages: what a reader finds on a page
without its navigation, footers or chart tables. `generator.searchindex` makes the index.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .figures import Figure
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
    return _ESCAPED.sub(r"\1", text)


def report_text(report, department) -> str:
    """The text of a report page as the index holds it."""
    from .model import Section

    parts: list[str] = [d.title for d in report.documents] + [department.name]

    def walk(value) -> None:
        if isinstance(value, Figure):
            parts.append(" ".join(stated(s) for s in value.statements))
            return
        if isinstance(value, Section):
            parts.append(value.title)
            parts.append(_markdown_text(value.body))
            for sub in value.sections:
                walk(sub)
            return
        if isinstance(value, str):
            parts.append(_markdown_text(value))
            return
        if hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(report)
    return "\n".join(p for p in parts if p)


def department_text(department) -> str:
    parts = [department.name, department.short_name or "", *department.aliases, department.level or "",
             department.type or "", department.founded or "", *map(_markdown_text, department.functions),
             *department.internal_units, *(f"{h.date} {h.event}" for h in department.history)]
    return "\n".join(p for p in parts if p)
