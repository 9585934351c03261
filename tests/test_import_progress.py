"""预算支出进度 through the year: a form's 分季度执行数 and 累计支出进度, a table of the year's progress
(一季度末 … 年末 × 累计支出 · 支出进度 · 序时进度要求), drafted as `progress`, shown, downloaded and checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.load import load_content, parse_report
from generator.engine.pipeline import TEMPLATES
from generator.importer import draft, strip_unplaced
from generator.importer.read import read_path
from generator.outputs.render import Renderer
from tests.seeds import CONTENT


@pytest.fixture(scope="module")
def env():
    return Renderer(TEMPLATES, load_content(CONTENT).site, {}).env


def _html(tmp_path: Path, body: str, year: int = 2023):
    path = tmp_path / "report.html"
    path.write_text(f"<html><head><meta charset=utf-8><title>x</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    _, blocks = read_path(path)
    return parse_report(strip_unplaced(draft(blocks, year).yaml))


FORM = ("<p>某县统计局2023年度项目支出绩效自评表</p>"
        "<table border=1><tr><td>项目名称</td><td colspan=9>统计调查经费</td></tr>"
        "<tr><td rowspan=5>项目资金（万元）</td><td rowspan=2>资金来源</td><td rowspan=2>全年预算数</td>"
        "<td colspan=4>分季度执行数</td><td rowspan=2>全年执行数</td><td rowspan=2>执行率</td></tr>"
        "<tr><td>一季度</td><td>二季度</td><td>三季度</td><td>四季度</td></tr>"
        "<tr><td>合计</td><td>100.00</td><td>10.00</td><td>20.00</td><td>30.00</td><td>36.00</td>"
        "<td>96.00</td><td>96.00%</td></tr>"
        "<tr><td>县级财政资金</td><td>100.00</td><td>10.00</td><td>20.00</td><td>30.00</td><td>36.00</td>"
        "<td>96.00</td><td>96.00%</td></tr>"
        "<tr><td>累计支出进度</td><td>—</td><td>10.00%</td><td>30.00%</td><td>60.00%</td><td>96.00%</td>"
        "<td>—</td><td>—</td></tr>"
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td>"
        "<td>得分</td><td></td><td></td></tr>"
        "<tr><td>产出指标</td><td>数量指标</td><td>调查户数</td><td>≥60户</td><td>64户</td><td>90</td><td>90</td>"
        "<td></td><td></td></tr>"
        "</table>")


def test_a_forms_quarterly_spending_and_cumulative_progress_are_the_blocks_progress(tmp_path):
    """分季度执行数 / 一季度 … : each quarter's own spending, of the whole and of each source; the row
    累计支出进度 under the quarters: the whole's rate by each quarter's end."""
    (perf,) = _html(tmp_path, FORM).project_performance
    execution = perf.budget_execution
    assert [(p.name, str(p.spent.first.value), str(p.rate.first.value)) for p in execution.progress] == [
        ("一季度", "10.00", "10.00"), ("二季度", "20.00", "30.00"), ("三季度", "30.00", "60.00"),
        ("四季度", "36.00", "96.00")]
    assert all(p.spent_to_date is None and p.required is None for p in execution.progress)
    (source,) = execution.items
    assert source.name == "县级财政资金"
    assert [str(p.spent.first.value) for p in source.progress] == ["10.00", "20.00", "30.00", "36.00"]
    assert all(p.rate is None for p in source.progress)


TABLE = ("<p>某县某局2023年度部门整体支出绩效自评报告</p><p>一、部门基本情况</p>"
         "<p>全年预算500.00万元，全年支出490.00万元，预算执行率98.00%。</p>"
         "<p>表2 2023年度预算支出进度情况表</p>"
         "<table border=1><tr><td>时间节点</td><td>累计支出（万元）</td><td>支出进度（%）</td><td>序时进度要求（%）</td>"
         "<td>进度差异（个百分点）</td></tr>"
         "<tr><td>一季度末</td><td>100.00</td><td>20.00</td><td>25</td><td>-5.00</td></tr>"
         "<tr><td>二季度末</td><td>240.00</td><td>48.00</td><td>50</td><td>-2.00</td></tr>"
         "<tr><td>年末</td><td>490.00</td><td>98.00</td><td>100</td><td>-2.00</td></tr></table>")


def test_a_table_of_the_years_progress_is_the_departments_progress(tmp_path):
    """Rows 一季度末 … 年末: the money spent by then, its share of the budget and the share required;
    the 进度差异 column no field holds stays unplaced."""
    path = tmp_path / "report.html"
    path.write_text(f"<html><head><meta charset=utf-8><title>x</title></head><body>{TABLE}</body></html>",
                    encoding="utf-8")
    _, blocks = read_path(path)
    result = draft(blocks, 2023)
    progress = parse_report(strip_unplaced(result.yaml)).performance.budget_execution.progress
    assert [(p.name, str(p.spent_to_date.first.value), str(p.rate.first.value), str(p.required.first.value))
            for p in progress] == [("一季度末", "100.00", "20.00", "25"), ("二季度末", "240.00", "48.00", "50"),
                                   ("年末", "490.00", "98.00", "100")]
    assert all(p.spent is None for p in progress)
    assert "5.00" in {item.text for item in result.loose}  # (the 进度差异 -5.00)


def test_a_table_whose_rows_are_not_points_of_the_year_is_no_progress(tmp_path):
    """支出进度 columns over rows that are projects, not periods: not the year's progress."""
    body = TABLE.replace("一季度末", "办公楼维修").replace("二季度末", "信息化建设").replace("<td>年末", "<td>合计")
    report = _html(tmp_path, body)
    execution = report.performance.budget_execution if report.performance else None
    assert execution is None or execution.progress == ()


def test_the_progress_is_shown_under_the_budget_execution_and_downloaded(env):
    from generator.content.load import parse
    from generator.content.model import YearReport
    from generator.outputs.data import budget_progress_csv
    from tests.helpers import year_head

    text = year_head("万元", 2024, "绩效自评报告") + (
        "performance:\n  budget_execution:\n    name: 年度资金总额\n    budget_full: 100.00\n    actual: 96.00\n"
        "    progress:\n      - {name: 一季度末, spent_to_date: 10.00, rate: 10.00%, required: 25%}\n"
        "      - {name: 年末, spent_to_date: 96.00, rate: 96.00%, required: 100%}\n")
    model, _, problems = parse(YearReport, text, "t.yaml")
    assert problems == []
    html = env.get_template("_performance.html").render(perf=model.performance, money_unit="万元", indicator_rows=[],
                                                        indicator_csv="x")
    assert "<caption>预算支出进度" in html
    table = html[html.index("budget-progress"):]
    assert re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', table)[:5] == [
        "项目", "时段", "累计支出", "支出进度", "序时进度要求"]
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r'<td class="num">(.*?)</td>', table)]
    assert cells[:3] == ["10.00", "10.00%", "25%"]
    lines = budget_progress_csv(model.performance.budget_execution).decode("utf-8-sig").splitlines()
    assert lines[0] == "项目,时段,累计支出（元）,支出进度（%）,序时进度要求（%）"
    assert lines[1] == "年度资金总额,一季度末,100000,10,25"
    plain = YearReport.model_validate({**model.model_dump(), "performance": {"budget_execution": {
        "name": "年度资金总额", "budget_full": "100.00"}}})
    assert budget_progress_csv(plain.performance.budget_execution) is None
    html = env.get_template("_performance.html").render(perf=plain.performance, money_unit="万元", indicator_rows=[],
                                                        indicator_csv="x")
    assert "预算支出进度" not in html


def test_the_progress_figures_are_named_in_the_figures_download():
    from generator.content.load import ReportFile, parse
    from generator.content.model import YearReport
    from generator.outputs.data import figure_rows
    from tests.helpers import year_head

    entry = load_content(CONTENT).departments[0]
    text = year_head("万元", 2024, "绩效自评报告") + (
        "performance:\n  budget_execution:\n    name: 年度资金总额\n"
        "    progress:\n      - {name: 一季度末, spent: 5.00, spent_to_date: 10.00, rate: 10.00%, required: 25%}\n")
    model, marks, problems = parse(YearReport, text, "t.yaml")
    assert problems == []
    rows = [(r["item"], r["measure"], r["stated"])
            for r in figure_rows(entry, ReportFile(slug="t", year=2024, report=model, path="t.yaml", marks=marks))]
    assert rows == [("年度资金总额 / 一季度末", "当期支出", "5.00万元"), ("年度资金总额 / 一季度末", "累计支出", "10.00万元"),
                    ("年度资金总额 / 一季度末", "支出进度", "10.00%"), ("年度资金总额 / 一季度末", "序时进度要求", "25%")]


HEAD = "某县某局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n（三）部门预算收支情况\n"


def _report(text: str, year: int = 2023):
    from generator.importer.read import read_text

    return parse_report(strip_unplaced(draft(read_text(text), year).yaml))


def test_the_spending_by_a_quarters_end_said_with_its_progress_is_the_departments_progress():
    """一季度末累计支出…，支出进度…%: spent to date and the rate; a quarter's spending said without 末 or
    累计 may be the quarter's own: not taken."""
    execution = _report(HEAD + "全年预算500.00万元，全年支出490.00万元，预算执行率98.00%。从支出进度看，"
                               "一季度末累计支出100.00万元，支出进度20.00%；二季度末累计支出240.00万元，支出进度48.00%。"
                               "三季度支出120.00万元，支出进度72.00%。\n").performance.budget_execution
    assert [(p.name, str(p.spent_to_date.first.value), str(p.rate.first.value)) for p in execution.progress] == [
        ("一季度末", "100.00", "20.00"), ("二季度末", "240.00", "48.00")]


def test_the_four_quarters_spending_said_in_one_sentence_is_each_quarters_own():
    """第一至第四季度分别支出a、b、c、d万元: each quarter's spending, in order."""
    execution = _report(HEAD + "全年预算500.00万元，全年支出490.00万元，预算执行率98.00%。分季度看，"
                               "第一至第四季度分别支出100.00万元、120.00万元、130.00万元、140.00万元。\n"
                        ).performance.budget_execution
    assert [(p.name, str(p.spent.first.value)) for p in execution.progress] == [
        ("第一季度", "100.00"), ("第二季度", "120.00"), ("第三季度", "130.00"), ("第四季度", "140.00")]


def test_a_forms_note_giving_the_budget_score_by_quarter_scores_each_quarters_progress(tmp_path):
    """注：…本项目预算执行得分…，其中一季度…分、二季度…分: the form's own scores, each quarter's progress;
    the rule's numbers before it stay the form's rules, and a part that is no quarter's is left."""
    note = ("<p>注：一、二季度末累计支出进度分别达到序时进度25%、50%的各得2分。"
            "本项目预算执行得分8.50分，其中一季度0.80分、二季度1.20分、全年执行率6.50分。</p>")
    result_path = tmp_path / "report.html"
    result_path.write_text(f"<html><head><meta charset=utf-8><title>x</title></head><body>{FORM}{note}</body></html>",
                           encoding="utf-8")
    _, blocks = read_path(result_path)
    result = draft(blocks, 2023)
    (perf,) = parse_report(strip_unplaced(result.yaml)).project_performance
    assert [(p.name, str(p.score.first.value) if p.score else None) for p in perf.budget_execution.progress] == [
        ("一季度", "0.80"), ("二季度", "1.20"), ("三季度", None), ("四季度", None)]
    assert {"6.50分", "25%"} <= {item.text for item in result.loose}


def test_a_sentence_giving_the_budget_score_by_quarter_scores_each_quarters_progress():
    execution = _report(HEAD + "全年预算500.00万元，全年支出490.00万元，预算执行率98.00%。\n"
                               "预算执行得分9.20分，其中一季度进度得分1.50分、二季度进度得分1.70分。\n"
                        ).performance.budget_execution
    assert [(p.name, str(p.score.first.value)) for p in execution.progress] == [("一季度", "1.50"), ("二季度", "1.70")]
