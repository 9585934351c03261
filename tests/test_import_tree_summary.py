"""A summary of project self-evaluations that keeps the budget system's 一级项目 / 二级项目 tree and
splits each project's score into its 一级指标 parts (自评得分 › 预算执行（10分） · 产出（50分） ·
效益（30分） · 满意度（10分） · 总分), as a Word document saved as plain text writes it: a cell a
line after a tab, a blank line after each row, a cell spanning columns written once."""

from __future__ import annotations

from generator.content.load import parse_report
from generator.importer import draft, strip_unplaced
from generator.importer.read import read_text

HEADER = [["序号", "一级项目", "二级项目", "全年预算数", "全年执行数", "执行率", "自评得分", "自评等级"],
          ["", "", "", "", "", "", "预算执行（10分）", "产出（50分）", "效益（30分）", "满意度（10分）", "总分", ""]]
ROWS = [["1", "农田建设", "高标准农田管护", "80.00", "76.00", "95.00%", "9.50", "47", "28", "9.2", "93.7", "优"],
        ["2", "", "农田水利维修", "40.00", "34.00", "85.00%", "8.50", "42", "26.5", "9", "86", "良"],
        ["3", "农业技术推广", "基层农技推广补助", "25.50", "25.50", "100.00%", "10.00", "49", "29", "9.6", "97.6",
         "优"],
        ["", "合计", "145.50", "135.50", "93.13%", "—", "—", "—", "—", "—", "—"]]


def _word_text(rows: list[list[str]]) -> str:
    """Rows as Word's 纯文本 writes a table: each cell on a line after a tab, a blank line after a row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


def _report(rows: list[list[str]] = ROWS, analysis: str = ""):
    text = ("某县农业农村局2023年度项目支出绩效自评情况\n一、总体情况\n我局对3个二级项目开展了绩效自评。\n"
            "表1 项目支出绩效自评结果汇总表\n单位：万元\n" + _word_text(HEADER + rows)
            + (f"二、自评结果分析\n{analysis}" if analysis else "") + "三、下一步工作\n继续加强管理。\n")
    result = draft(read_text(text), 2023)
    return result, parse_report(strip_unplaced(result.yaml))


def test_a_tree_summary_reads_each_second_level_project_under_its_first_level():
    result, report = _report()
    (table,) = report.projects
    assert table.name == "表1 项目支出绩效自评结果汇总表"  # (its caption over the unit line)
    assert [p.name for p in table.items] == ["农田建设", "农业技术推广"]
    assert [p.name for p in table.items[0].items] == ["高标准农田管护", "农田水利维修"]
    repair = table.items[0].items[1]
    assert (str(repair.budget_full.first.value), str(repair.actual.first.value)) == ("40.00", "34.00")
    assert str(repair.execution_rate.value) == "85.00" and str(repair.score.value) == "86" and repair.grade == "良"
    # the 合计 written once over the 一级 and 二级 columns: its money where its columns are
    assert (str(table.total.budget_full.first.value), str(table.total.actual.first.value)) == ("145.50", "135.50")
    assert "—" not in [u.text for u in result.loose]


def test_a_tree_summary_gives_each_project_its_score_parts_with_the_headers_weights():
    _, report = _report()
    names = [p.name for p in report.project_performance]
    assert names == ["农田建设 / 高标准农田管护", "农田建设 / 农田水利维修", "农业技术推广 / 基层农技推广补助"]
    repair = report.project_performance[1]
    assert repair.kind == "项目支出" and str(repair.score.value) == "86"
    assert [(w.name, str(w.weight.value), str(w.score.value)) for w in repair.weights] == [
        ("预算执行率", "10", "8.50"), ("产出指标", "50", "42"), ("效益指标", "30", "26.5"), ("满意度指标", "10", "9")]


ANALYSIS = ("（一）农田水利维修项目自评得分86分，等级为“良”。产出指标得分42分，主要是部分泵站维修推迟。\n"
            "（二）基层农技推广补助项目执行率100.00%，产出指标得分49分。\n")


def test_the_analysis_of_a_project_the_summary_lists_is_its_own_self_evaluations():
    """The text names a project by its 二级 name (with 项目 or not): its score and its parts' scores
    are restatements of that project's self-evaluation in the summary, not another's nor the
    department's; a paragraph that opens with the project's rate is the project's too."""
    _, report = _report(analysis=ANALYSIS)
    names = [p.name for p in report.project_performance]
    assert names == ["农田建设 / 高标准农田管护", "农田建设 / 农田水利维修", "农业技术推广 / 基层农技推广补助"]
    repair = report.project_performance[1]
    assert [str(s.value) for s in repair.score.statements] == ["86", "86"]
    output = repair.weights[1]
    assert output.name == "产出指标" and [str(s.value) for s in output.score.statements] == ["42", "42"]
    extension = report.project_performance[2].weights[1]
    assert [str(s.value) for s in extension.score.statements] == ["49", "49"]
    assert report.performance is None or not report.performance.weights


def test_a_paragraph_of_two_listed_projects_is_neither_ones():
    _, report = _report(analysis="农田水利维修项目执行率85.00%，产出指标得分42分；"
                                 "基层农技推广补助项目执行率100.00%。\n")
    assert [p.name for p in report.project_performance][3:] == []
    assert all(len(w.score.statements) == 1 for p in report.project_performance for w in p.weights)


def test_a_project_filed_under_two_first_level_ones_is_the_drafts_one_finding():
    """heldout21 123: “雪亮工程”视频监控运维 under two 一级项目, its 合计 counting it twice (the text's
    1,325.50 counts it once): sum.duplicate says so, and nothing else of the draft fails."""
    from pathlib import Path

    from generator.checks.checker import check_report
    from generator.content.load import ReportFile, parse
    from generator.content.model import YearReport
    from generator.importer.read import read_path

    folder = Path(__file__).parent / "fixtures" / "import" / "heldout21" / "123-report"
    _, blocks = read_path(next(folder.glob("*.txt")))
    model, marks, problems = parse(YearReport, strip_unplaced(draft(blocks, 2019).yaml), "t.yaml")
    assert problems == [], problems
    failed = [r for r in check_report(ReportFile("t", 2019, model, "t.yaml", marks)) if r.passed is not True]
    assert [(r.rule, r.subject) for r in failed] == [
        ("sum.duplicate", "表1 项目支出绩效自评结果汇总表·“雪亮工程”视频监控运维")]
    assert "只计一次为 1325.5万元，与所述自评涉及资金（全年预算）1325.5万元 相符" in failed[0].message
    assert "只计一次为 1290.15万元，与所述自评涉及资金（决算/执行）1290.15万元 相符" in failed[0].message
