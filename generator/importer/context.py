"""What a section's headings say about the figures under them: area, scope of funds, stage."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import mentions_budget, scope_of, stage_in
from .structure import Section
from .text import norm

# Heading words naming the part of the year file a section's figures belong to; first match wins.
_AREAS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"三公"), "sangong"),
    # (机构运行经费: the name the 2022 决算 templates give 机关运行经费)
    (re.compile(r"(机关|机构)运行经费"), "operating_costs"),
    (re.compile(r"国有资产|资产占用"), "assets"),
    (re.compile(r"政府采购"), "procurement"),
    (re.compile(r"人员(情况|编制)|编制情况|人员和车辆"), "staffing"),
    (re.compile(r"机构设置|决算单位构成|部门设置"), "organization"),
    (re.compile(r"收入"), "income"),
    (re.compile(r"项目支出|项目资金|专项资金|项目经费"), "projects"),
    (re.compile(r"支出"), "expenditure"),
]


@dataclass(frozen=True)
class Context:
    """The surroundings of a paragraph: its section's label and titles, and what they imply."""

    at: str
    titles: tuple[str, ...]  # innermost first
    area: str | None
    scope: str | None
    stage: str | None
    budget_words: bool  # a heading speaks of budgets, so an unmarked amount is not sure to be 决算
    kind: str  # the document's kind: 绩效自评报告 | 部门决算 | 部门预算


def context_of(section: Section, kind: str) -> Context:
    titles = tuple(section.titles())
    return Context(
        at=section.label(),
        titles=titles,
        area=_area(titles),
        scope=next((s for s in (scope_of(t) for t in titles) if s), None),
        stage=next((s for s in (_title_stage(t) for t in titles) if s), None),
        # (a heading on 预算执行 speaks of what came of the budget: its amounts are no more budgets than actuals)
        budget_words=any(mentions_budget(re.sub(r"预算执行(情况)?", "", t)) for t in titles),
        kind=kind,
    )


def area_of(title: str) -> str | None:
    """The part of the year file a heading (or a paragraph's topic) names."""
    return _area((title,))


def _area(titles: tuple[str, ...]) -> str | None:
    for title in titles:
        text = norm(title)
        for pattern, area in _AREAS:
            if pattern.search(text):
                return area
    return None


#: A heading comparing the year with the last (与上年对比情况) names no stage: its figures are
#: this year's and last year's side by side, each said so where it stands.
_COMPARING = re.compile(r"(与|和|同|较|比)(上年|上一年|去年|上年度)(度)?(同期)?(对比|相比|比较|变化)?"
                        r"|同比|增减(变化)?情况")


def _title_stage(title: str) -> str | None:
    head = norm(re.sub(r"[:：].*$", "", title))
    if _COMPARING.search(head) or re.search(r"预算执行|执行情况|收支", head):
        return None  # (收支和预算执行情况: budgets and what came of them, side by side)
    stage, _ = stage_in(head)
    return stage


def is_performance(ctx: Context) -> bool:
    return any("绩效" in t for t in ctx.titles)
