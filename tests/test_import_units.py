"""A department broken down by its budget units: 表1 部门预算执行情况（分单位）, a row per unit
under a 合计, is kept cell by cell as the report's own table (`tables:`); its 合计 is the
department's whole, which the self-evaluation states again as its 年度资金总额 (same.table_total);
the units' own scores (表2) are not the department's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.content.load import parse_report
from generator.importer import draft_text, strip_unplaced


def _grid(*rows: tuple[str, ...]) -> str:
    """A table in the tab layout of a Word export: a line a cell, a blank line after each row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


def _draft(text: str, year: int = 2022):
    result = draft_text(text, year)
    return result, parse_report(strip_unplaced(result.yaml))


BY_UNIT = _grid(
    ("单位名称", "年初预算数", "全年预算数", "全年执行数", "其中", "", "执行率"),
    ("", "", "", "", "基本支出", "项目支出", ""),
    ("合计", "600.00", "{full}", "{actual}", "400.00", "{projects}", "{rate}"),
    ("局机关（本级）", "400.00", "440.00", "430.00", "260.00", "170.00", "97.73%"),
    ("县文化馆", "200.00", "{unit_full}", "{unit_actual}", "140.00", "{unit_projects}", "96.67%"),
)

REPORT = ("某县文化和旅游局2022年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
          "2022年度本部门年初预算600.00万元，全年预算650.00万元，全年执行630.00万元，预算执行率96.92%。"
          "各预算单位执行情况见表1。\n表1 部门预算执行情况（分单位）\n单位：万元\n{table}"
          "四、自评结论\n所属事业单位的自评结果见表2。\n表2 所属单位整体支出绩效自评结果\n"
          + _grid(("序号", "单位名称", "自评得分", "自评等级"), ("1", "县文化馆", "94.60", "优"),
                  ("2", "县图书馆", "86.70", "良")))


def _report(full="650.00", actual="630.00", projects="230.00", rate="96.92%", unit_full="210.00",
            unit_actual="200.00", unit_projects="60.00") -> str:
    return REPORT.format(table=BY_UNIT.format(full=full, actual=actual, projects=projects, rate=rate,
                                              unit_full=unit_full, unit_actual=unit_actual,
                                              unit_projects=unit_projects))


def test_a_table_of_the_department_by_budget_unit_is_kept_cell_by_cell():
    """Each unit's money, 基本支出 and 项目支出 under the two-level head included, stands in the
    report's own table; no unit is taken for a project, and the units' own scores (表2, with a
    column of grades) are not the department's."""
    result, report = _draft(_report())
    (table,) = report.tables
    assert (table.label, table.title, table.unit) == ("表1", "部门预算执行情况（分单位）", "万元")
    assert [c.name for c in table.columns] == ["年初预算数", "全年预算数", "全年执行数", "其中 / 基本支出",
                                               "其中 / 项目支出", "执行率"]
    assert table.columns[-1].unit == "%"
    assert [r.name for r in table.rows] == ["合计", "局机关（本级）", "县文化馆"]
    assert table.rows[1].values == tuple(Decimal(v) for v in ("400.00", "440.00", "430.00", "260.00", "170.00",
                                                               "97.73"))
    assert not report.projects
    assert report.performance is None or report.performance.score is None
    scores = [item for item in result.loose if item.text in ("94.60", "86.70")]
    assert len(scores) == 2 and all("所属单位各自的自评得分" in item.why for item in scores)


def _checked(text: str) -> list:
    """The draft's same.table_total results, as `build.py check` makes them."""
    from generator.checks.checker import check_report
    from generator.content.load import ReportFile, parse
    from generator.content.model import YearReport

    model, marks, problems = parse(YearReport, strip_unplaced(draft_text(text, 2022).yaml), "t.yaml")
    assert problems == [], problems
    rf = ReportFile(slug="t", year=2022, report=model, path="t.yaml", marks=marks)
    return [r for r in check_report(rf) if r.rule == "same.table_total"]


@pytest.mark.parametrize("full, actual, unit_full, unit_actual, unit_projects, projects, failed", [
    ("650.00", "630.00", "210.00", "200.00", "60.00", "230.00", []),
    # a sum passed from the 局机关 to the 文化馆 counted in both rows: the 合计 30.00 over the department's
    ("680.00", "660.00", "240.00", "230.00", "90.00", "260.00", ["全年预算数", "全年执行数"]),
])
def test_a_unit_tables_total_is_the_self_evaluations_whole(full, actual, unit_full, unit_actual, unit_projects,
                                                           projects, failed):
    found = _checked(_report(full=full, actual=actual, projects=projects, unit_full=unit_full,
                             unit_actual=unit_actual, unit_projects=unit_projects))
    assert {r.subject.split("·")[-1] for r in found} == {"年初预算数", "全年预算数", "全年执行数"}
    wrong = [r for r in found if r.passed is False]
    assert [r.subject.split("·")[-1] for r in wrong] == failed
    for r in wrong:
        assert "相差 30万元" in r.message and r.terms[0].path.startswith("tables[0].rows[0]")


def test_a_table_of_projects_is_not_the_departments_whole():
    """A table of projects' execution (项目 in its title) totals only the projects: not compared."""
    from generator.checks.checker import check_report
    from tests.test_checks import report as loaded

    body = """performance:
  budget_execution:
    name: 年度资金总额
    budget_full: 650.00
    actual: 630.00
tables:
  - label: 表1
    title: 项目预算执行情况
    columns: [{name: 全年预算数}, {name: 全年执行数}]
    rows:
      - {name: 合计, values: [230.00, 220.00]}
"""
    assert not [r for r in check_report(loaded(body)) if r.rule == "same.table_total"]
