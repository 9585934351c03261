"""A summary of project self-evaluations turned round in Word: a project a column, the measures
(资金来源, 年初预算数, 全年预算数, 全年执行数, 执行率, 自评得分, 自评等级, 主要产出及效果) down
the side, a 合计 column with dashes where a total means nothing; and the opening paragraph that
counts the projects, their money and their grades."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.content.load import parse_report
from generator.importer import draft, strip_unplaced
from generator.importer.read import read_path

OPENING = ("根据县财政局的通知要求，我局对2023年度实施的3个项目全部开展了绩效自评，涉及全年预算资金1,250,000.00元，"
           "全年执行1,190,500.00元，执行率95.24%。自评结果为“优”的2个、“良”的1个，具体如下表。")


def _document(tmp_path: Path, rows: list[list[str]], opening: str = OPENING) -> Path:
    document = docx.Document()
    document.add_paragraph("某县某局2023年度项目支出绩效自评结果")
    document.add_paragraph(opening)
    document.add_paragraph("表1 项目支出绩效自评结果")
    document.add_paragraph("金额单位：元")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("某县某局财务股")
    path = tmp_path / "项目支出绩效自评结果.docx"
    document.save(str(path))
    return path


TURNED = [
    ["项目", "乡村道路养护补助", "农村饮水安全维修", "防汛物资储备", "合计"],
    ["资金来源", "县级财政", "省级补助", "县级财政", "—"],
    ["年初预算数（元）", "600,000.00", "400,000.00", "150,000.00", "1,150,000.00"],
    ["全年预算数（元）", "650,000.00", "450,000.00", "150,000.00", "1,250,000.00"],
    ["全年执行数（元）", "640,000.00", "420,500.00", "130,000.00", "1,190,500.00"],
    ["执行率", "98.46%", "93.44%", "86.67%", "95.24%"],
    ["自评得分", "97.50", "92.00", "86.40", "—"],
    ["自评等级", "优", "优", "良", "—"],
    ["主要产出及效果", "养护农村公路126公里，群众满意度95.5%", "维修供水站9处，受益群众8200人", "储备编织袋3000条", "—"],
]


def test_a_summary_turned_round_is_read_project_by_project(tmp_path):
    result = draft(read_path(_document(tmp_path, TURNED))[1], 2023)
    report = parse_report(strip_unplaced(result.yaml))
    (table,) = report.projects
    assert [p.name for p in table.items] == ["乡村道路养护补助", "农村饮水安全维修", "防汛物资储备"]
    first, second, third = table.items
    assert (str(first.budget_initial.first.value), str(first.budget_full.first.value),
            str(first.actual.first.value)) == ("600000.00", "650000.00", "640000.00")
    assert str(first.execution_rate.value) == "98.46" and str(first.score.value) == "97.50" and first.grade == "优"
    assert third.grade == "良" and str(third.score.value) == "86.40"
    # the results in words: the project's note, its counts its stats
    assert first.note == "养护农村公路126公里，群众满意度95.5%"
    assert [(s.name, str(s.value), s.unit) for s in second.stats] == [("维修供水站", "9", "处"),
                                                                       ("受益群众", "8200", "人")]
    # the 合计 column is the group's total; its dashes say nothing and are not listed
    assert (str(table.total.budget_initial.first.value), str(table.total.budget_full.first.value),
            str(table.total.actual.first.value), str(table.total.execution_rate.value)) == \
        ("1150000.00", "1250000.00", "1190500.00", "95.24")
    assert "—" not in [item.text for item in result.loose]


def test_the_opening_paragraph_gives_the_funds_evaluated_and_the_projects_by_grade(tmp_path):
    """涉及全年预算资金…，全年执行…，执行率… is the funds the self-evaluation covers, stage by stage
    (evaluated_execution, not the stage-less evaluated_funds), none of it made into a project; “良”的1个
    is the projects graded 良."""
    result = draft(read_path(_document(tmp_path, TURNED))[1], 2023)
    report = parse_report(strip_unplaced(result.yaml))
    funds = report.performance.evaluated_execution
    assert (str(funds.budget_full.first.value), str(funds.actual.first.value), str(funds.execution_rate.value)) == \
        ("1250000.00", "1190500.00", "95.24")
    assert funds.budget_initial is None and report.performance.evaluated_funds is None
    assert [p.name for p in report.projects] == ["表1 项目支出绩效自评结果"]  # the table's only, by its caption
    assert not [item for item in result.loose if item.text in ("1,250,000.00元", "1,190,500.00元", "95.24%")]
    assert [(s.name, str(s.value)) for s in report.work_stats][-1] == ("等级为良的项目", "1")


@pytest.mark.parametrize(("words", "stage"), [
    ("涉及年初预算资金", "budget_initial"), ("涉及全年预算数", "budget_full"), ("涉及调整后预算资金", "budget_full")])
def test_the_funds_evaluated_are_kept_at_the_stage_the_sentence_names(tmp_path, words, stage):
    opening = f"我局对2023年度实施的3个项目全部开展了绩效自评，{words}1,250,000.00元，全年执行1,190,500.00元。"
    report = parse_report(strip_unplaced(draft(read_path(_document(tmp_path, TURNED, opening))[1], 2023).yaml))
    funds = report.performance.evaluated_execution
    assert str(getattr(funds, stage).first.value) == "1250000.00" and str(funds.actual.first.value) == "1190500.00"


def test_funds_evaluated_said_with_no_stage_stay_the_stage_less_amount_and_their_spending_is_listed(tmp_path):
    """涉及资金… names no stage: the amount is evaluated_funds, and what follows of its spending has
    no stage to go with, so it is listed with its reason."""
    opening = "我局对2023年度实施的3个项目全部开展了绩效自评，涉及资金1,250,000.00元，全年执行1,190,500.00元，执行率95.24%。"
    result = draft(read_path(_document(tmp_path, TURNED, opening))[1], 2023)
    report = parse_report(strip_unplaced(result.yaml))
    assert str(report.performance.evaluated_funds.first.value) == "1250000.00"
    assert report.performance.evaluated_execution is None
    reasons = {item.text: item.why for item in result.loose}
    assert reasons["1,190,500.00元"] == reasons["95.24%"] == "自评涉及资金的执行数或执行率，年度文件没有对应的字段"


def test_a_table_of_years_across_the_top_is_no_summary_turned_round(tmp_path):
    """项目 · 2022年 · 2023年 over 年初预算数, 全年预算数, 全年执行数: the columns are years, not
    projects, and the table is not read as a summary."""
    rows = [["项目", "2022年", "2023年"],
            ["年初预算数（元）", "500,000.00", "600,000.00"],
            ["全年预算数（元）", "520,000.00", "650,000.00"],
            ["全年执行数（元）", "510,000.00", "640,000.00"],
            ["执行率", "98.08%", "98.46%"]]
    result = draft(read_path(_document(tmp_path, rows, "我局全年工作有序开展。"))[1], 2023)
    report = parse_report(strip_unplaced(result.yaml))
    assert not any(p.name in ("2022年", "2023年") for g in report.projects for p in g.items)


def test_the_text_after_the_table_names_a_listed_project_as_its_line(tmp_path):
    """“从自评情况看，防汛物资储备执行率86.67%”: a project the summary lists, named in the text after
    it, is that project's line (a second statement of its 执行率), not a row the templates lack."""
    path = _document(tmp_path, TURNED)
    document = docx.Document(str(path))
    document.add_paragraph("从自评情况看，防汛物资储备执行率86.67%，主要是部分物资按合同约定在次年结算。")
    document.save(str(path))
    result = draft(read_path(path)[1], 2023)
    report = parse_report(strip_unplaced(result.yaml))
    third = report.projects[0].items[2]
    assert [str(s.value) for s in third.execution_rate.statements] == ["86.67", "86.67"]
    assert "86.67%" not in [item.text for item in result.loose]


def _scorer():
    import importlib.util
    import sys

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("benchmarks_import_quality", root / "benchmarks" / "import_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("stage", "column", "ok"), [
    ("budget_full", "全年预算数", True), ("actual", "全年执行数", True), ("execution_rate", "执行率", True),
    ("budget_full", "年初预算数", False), ("budget_initial", "全年预算数", False)])
def test_the_scorer_takes_the_funds_evaluated_at_a_stage_for_the_key_row_at_that_stages_column(stage, column, ok):
    """performance.evaluated_execution.<stage> means the key's row for the funds evaluated (开展绩效自评的
    项目资金) at the column its stage names, as evaluated_funds means that row."""
    scorer = _scorer()
    tree = {"performance": {"evaluated_execution": {stage: ["1"]}}}
    row, measure = scorer._meaning(("performance", "evaluated_execution", stage, 0), tree)
    where = {"part": "某局项目支出绩效自评结果", "row": "开展绩效自评的项目资金", "column": column}
    assert scorer._means(row, measure, where) is ok
    assert scorer._means(row, measure, {**where, "row": "合计"}) is False
