"""One article with two reports under one title, as Hunan counties publish a 部门整体支出及项目支出
绩效评价报告: the 部门整体 report, then a line 项目支出绩效评价报告 and each project's own report
under it (（一）name, 1、项目基本情况 …). The project reports' figures are those projects'
self-evaluations (`project_performance`), not the department's; the department's list of its
projects' money is its project lines; and a project's line and its own report's 实际支出 are
compared (same.project_execution)."""

from __future__ import annotations

import pytest

from generator.content.load import ReportFile, parse, parse_report
from generator.content.model import YearReport
from generator.importer import draft_text, strip_unplaced


def _article(listed: str = "16.8", spent: str = "16.8", rate: str = "84", part: str = "项目支出绩效评价报告") -> str:
    return (
        "某县工商业联合会部门整体支出及项目支出绩效评价报告\n"
        "部门整体支出绩效评价报告\n"
        "一、基本情况\n"
        "（一）部门整体支出概况。\n"
        "1、收入：318.46万元。同比上年度增加34.31万元，增加12.07%。其中：财政拨款收入312.26万元，"
        "同比上年度增加33.71万元，增加12.1%；其他收入6.2万元。\n"
        "2、支出：321.9万元。其中：人员经费支出196.38万元，公用经费支出41.7万元，项目支出83.82万元。\n"
        "（二）部门整体支出或项目实施情况分析。\n"
        f"项目支出包括理想信念教育实践活动经费22.5万元，光彩事业及商会建设经费{listed}万元，"
        "营商环境监测经费44.52万元。\n"
        "二、综合评价结论\n"
        "经评价，县工商联2021年度部门整体支出绩效综合评分为96分。\n"
        "三、改进措施\n"
        "加强预算执行管理。\n"
        f"{part}\n"
        "（一）光彩事业及商会建设经费\n"
        f"1、项目基本情况。该项目为经常性项目，年初预算20万元，全年实际支出{spent}万元，预算执行率{rate}%。\n"
        "2、绩效目标完成情况。全年补助基层商会4个。\n"
        "3、评价结论。该项目自评得分95分。\n"
        "（二）营商环境监测经费\n"
        "1、项目基本情况。年初预算50万元，全年实际支出44.52万元，预算执行率89.04%。\n"
        "3、评价结论。该项目自评得分92.5分。\n")


def _values(figure) -> list[str]:
    return [str(s.value) for s in figure.statements] if figure is not None else []


@pytest.mark.parametrize("part", ["项目支出绩效评价报告", "四、项目支出绩效评价报告", "项目绩效自评报告"])
def test_each_project_report_after_the_departments_is_that_projects_self_evaluation(part):
    """Under the line 项目支出绩效评价报告 (numbered as the department's parts, or not), each
    （一）name block is that project's report: its budget, spending, rate and score are its
    self-evaluation's; the department's own self-evaluation keeps only its own score."""
    report = parse_report(strip_unplaced(draft_text(_article(part=part), 2021).yaml))
    assert report.performance is not None and _values(report.performance.score) == ["96"]
    assert report.performance.budget_execution is None
    named = {p.name: p for p in report.project_performance}
    assert list(named) == ["光彩事业及商会建设经费", "营商环境监测经费"]
    first = named["光彩事业及商会建设经费"]
    assert first.budget_execution is not None
    assert (_values(first.budget_execution.budget_initial), _values(first.budget_execution.actual),
            _values(first.budget_execution.execution_rate)) == (["20"], ["16.8"], ["84"])
    assert _values(first.score) == ["95"]
    assert _values(named["营商环境监测经费"].score) == ["92.5"]


def test_the_departments_list_of_its_projects_money_is_its_project_lines():
    """“项目支出包括A22.5万元，B16.8万元，…”: the row named before 包括 heads the list, each part a
    project line (not one project named 项目支出A)."""
    report = parse_report(strip_unplaced(draft_text(_article(), 2021).yaml))
    (group,) = report.projects
    assert group.name == "项目支出"
    assert [(p.name, _values(p.actual)) for p in group.items] == [
        ("理想信念教育实践活动经费", ["22.5"]), ("光彩事业及商会建设经费", ["16.8"]), ("营商环境监测经费", ["44.52"])]


def test_a_change_worded_tongbi_is_the_rows_and_a_parts_after_the_totals_is_the_parts():
    """“同比上年度增加34.31万元，增加12.07%”: the change and its rate of the row before (once a row
    named “同”); after the total's change, “其中：财政拨款收入…，同比上年度增加33.71万元” is the part's."""
    report = parse_report(strip_unplaced(draft_text(_article(), 2021).yaml))
    (income,) = report.income
    assert income.total is not None
    assert (_values(income.total.change), _values(income.total.change_rate)) == (["34.31"], ["12.07"])
    (fiscal, other) = income.by_source
    assert (fiscal.name, _values(fiscal.change), _values(fiscal.change_rate)) == ("财政拨款收入", ["33.71"], ["12.1"])
    assert not income.total.change_reasons


def _project_execution(text: str) -> list:
    from generator.checks.checker import check_report

    model, marks, problems = parse(YearReport, strip_unplaced(draft_text(text, 2021).yaml), "t.yaml")
    assert problems == [], problems
    rf = ReportFile(slug="t", year=2021, report=model, path="t.yaml", marks=marks)
    return [r for r in check_report(rf) if r.rule == "same.project_execution"]


@pytest.mark.parametrize("listed, spent, rate, failed", [
    ("16.8", "16.8", "84", []),
    # the department's list and the project's own report differ
    ("16.8", "19.4", "97", ["光彩事业及商会建设经费·决算/执行"]),
])
def test_a_projects_line_and_its_own_reports_spending_are_compared(listed, spent, rate, failed):
    """The department lists a project's spending; the project's own report on the same page states its
    实际支出: the two are compared (the one project whose report gives the money both ways)."""
    results = _project_execution(_article(listed, spent, rate))
    assert [r.subject for r in results] == ["光彩事业及商会建设经费·决算/执行", "营商环境监测经费·决算/执行"]
    assert [r.subject for r in results if not r.passed] == failed
    if failed:
        (bad,) = [r for r in results if not r.passed]
        assert "项目清单所列 16.8万元，该项目自评 19.4万元，相差 2.6万元" in bad.message
