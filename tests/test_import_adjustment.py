"""The budget's change during the year (年中调整数, 年中追加数): drafted as `adjustment` where a
column or the words say so, signed as printed, and never from additions and cuts stated apart."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import parse_report
from generator.importer import draft, strip_unplaced
from generator.importer.read import read_path, read_text


def _report(text: str, year: int = 2023):
    return parse_report(strip_unplaced(draft(read_text(text), year).yaml))


def _html(tmp_path: Path, body: str, year: int = 2023):
    path = tmp_path / "report.html"
    path.write_text(f"<html><head><meta charset=utf-8><title>x</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    _, blocks = read_path(path)
    return parse_report(strip_unplaced(draft(blocks, year).yaml))


HEAD = "某县某局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n（三）部门预算收支情况\n"


def test_the_years_addition_said_between_its_budgets_is_the_budget_executions_adjustment():
    """年初预算…，年中追加…，全年预算…: the addition is the change between the two budgets."""
    execution = _report(HEAD + "2023年年初预算486.20万元，年中追加62.40万元，全年预算548.60万元。"
                               "全年支出531.46万元，预算执行率96.88%。\n").performance.budget_execution
    assert [str(execution.budget_initial.value), str(execution.adjustment.value), str(execution.budget_full.value)] \
        == ["4862000.00", "624000.00", "5486000.00"]


def test_a_cut_during_the_year_is_negative():
    execution = _report(HEAD + "2023年年初预算500.00万元，年中调减20.00万元，全年预算480.00万元。"
                               "全年支出470.00万元，预算执行率97.92%。\n").performance.budget_execution
    assert execution.adjustment.first.value < 0 and execution.adjustment.value == -200000


def test_additions_and_cuts_stated_apart_are_not_taken_for_the_net_change():
    """年中追加1360.00万元、调减268.20万元: two figures, the model's one change their net: neither drafted."""
    result = draft(read_text(HEAD + "2023年年初预算4826.50万元，年中追加1360.00万元、调减268.20万元，"
                                    "全年预算5918.30万元。全年执行5689.47万元，预算执行率96.13%。\n"), 2023)
    execution = parse_report(strip_unplaced(result.yaml)).performance.budget_execution
    assert execution.adjustment is None and str(execution.budget_full.first.value) == "5918.30"
    assert "1360.00万元" in {item.text for item in result.loose}


def test_a_named_addition_is_not_the_whole_budgets_change():
    """年中追加第五次全国经济普查经费48.60万元: the part added, not the 年度资金总额's change."""
    execution = _report(HEAD + "2023年度部门年初预算386.40万元，年中追加第五次全国经济普查经费48.60万元，"
                               "全年预算435.00万元。全年实际支出421.37万元，预算执行率96.87%。\n"
                        ).performance.budget_execution
    assert execution.adjustment is None


def test_a_project_forms_adjustment_column_is_read_with_its_sign(tmp_path):
    """A 项目支出绩效自评表 whose money block has 年初预算数 · 年中调整数 · 全年预算数 · 全年执行数; a cut
    in brackets, (20.00), is negative."""
    form = ("<table border=1><tr><td>项目名称</td><td colspan=6>科技特派员行动</td></tr>"
            "<tr><td rowspan=4>项目资金（万元）</td><td>资金来源</td><td>年初预算数</td><td>年中调整数</td>"
            "<td>全年预算数</td><td>全年执行数</td><td>执行率</td></tr>"
            "<tr><td>合计</td><td>70.00</td><td>30.00</td><td>100.00</td><td>97.00</td><td>97.00%</td></tr>"
            "<tr><td>中央财政资金</td><td>0.00</td><td>50.00</td><td>50.00</td><td>50.00</td><td>100.00%</td></tr>"
            "<tr><td>县级财政资金</td><td>70.00</td><td>(20.00)</td><td>50.00</td><td>47.00</td><td>94.00%</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td>"
            "<td>得分</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td><td>选派人数</td><td>≥60人</td><td>64人</td><td>90</td><td>90</td></tr>"
            "</table>")
    report = _html(tmp_path, "<p>某县科学技术局2023年度项目支出绩效自评表</p>" + form)
    (perf,) = report.project_performance
    execution = perf.budget_execution
    assert str(execution.adjustment.first.value) == "30.00"
    assert [(i.name, str(i.adjustment.first.value)) for i in execution.items] == [
        ("中央财政资金", "50.00"), ("县级财政资金", "-20.00")]


def test_a_summary_of_projects_reads_its_adjustment_column(tmp_path):
    """项目支出绩效自评结果汇总表 with 年初预算数 · 年中调整数 · 全年预算数 · 全年执行数 under one head."""
    table = ("<table border=1><tr><td rowspan=2>序号</td><td rowspan=2>项目名称</td><td colspan=4>预算执行情况（万元）</td>"
             "<td rowspan=2>执行率</td><td rowspan=2>自评得分</td></tr>"
             "<tr><td>年初预算数</td><td>年中调整数</td><td>全年预算数</td><td>全年执行数</td></tr>"
             "<tr><td>1</td><td>耕地保护和占补平衡</td><td>120.00</td><td>18.00</td><td>138.00</td><td>131.46</td>"
             "<td>95.26%</td><td>96.80</td></tr>"
             "<tr><td>2</td><td>地质灾害防治</td><td>180.00</td><td>65.00</td><td>245.00</td><td>238.64</td>"
             "<td>97.40%</td><td>97.20</td></tr>"
             "<tr><td>合计</td><td></td><td>300.00</td><td>83.00</td><td>383.00</td><td>370.10</td><td>96.63%</td>"
             "<td></td></tr></table>")
    report = _html(tmp_path, "<p>某县自然资源局2023年度项目支出绩效自评结果汇总表</p>" + table)
    (group,) = report.projects
    assert str(group.total.adjustment.first.value) == "83.00"
    assert [(p.name, str(p.adjustment.first.value)) for p in group.items] == [
        ("耕地保护和占补平衡", "18.00"), ("地质灾害防治", "65.00")]
