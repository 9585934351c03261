"""A project's money by source or level of government (Project.by_source), as the importer drafts it."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import parse_report
from generator.importer import draft, draft_text, strip_unplaced
from generator.importer.read import read_path
from generator.importer.sources import column_stage, listed_source, same_source, source_name

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _draft(text: str, year: int = 2023):
    result = draft_text(text, year)
    return result, parse_report(strip_unplaced(result.yaml))


def _fixture(folder: str, prefix: str):
    path = next(p for p in (FIXTURES / folder).iterdir() if p.name.startswith(prefix))
    report_file = next(p for p in path.iterdir() if p.name != "key.yaml")
    _, blocks = read_path(report_file)
    return parse_report(strip_unplaced(draft(blocks, 2023).yaml))


def _sources(project) -> dict[str, dict[str, list[str]]]:
    return {s.name: {k: [str(x.value) for x in getattr(s, k).statements]
                     for k in ("budget", "budget_full", "arrived", "arrival_rate", "actual") if getattr(s, k)}
            for s in project.by_source}


def test_names_of_sources_and_the_stages_of_their_columns():
    assert source_name("中央财政资金") and source_name("县级配套资金") and source_name("市（州）级财政资金")
    assert source_name("其他资金") and source_name("群众自筹资金")
    assert not source_name("中央") and not source_name("县") and not source_name("项目管理")
    assert listed_source("中央") and listed_source("市（州）级") and listed_source("中央水利发展资金")
    assert not listed_source("商品有机肥补贴")
    assert same_source("中央", "中央财政资金") and same_source("市(州)级", "市（州）级财政资金")
    assert not same_source("县级财政资金", "县级配套资金")  # two names in full: kept apart
    headers = ("资金计划（万元）", "资金到位情况（万元）", "到位率", "到位时效", "全年执行数")
    assert [column_stage(h) for h in headers] == ["budget", "arrived", "arrival_rate", None, "actual"]


def test_a_projects_money_listed_by_level_after_its_allocation_is_its_sources_at_that_stage():
    """下达项目资金1800.00万元，其中：中央…，省级…: the project's budget and each level's; a level's
    arrival named in full later is the same line's; a rate after a level listed after 其中 is left
    unplaced (the project's or the level's, the words do not say)."""
    text = ("涪安县2023年高标准农田建设项目支出绩效自评报告\n"
            "一、项目资金申报及使用情况\n"
            "经省级批复，下达项目资金1800.00万元，其中：中央1080.00万元，省级360.00万元，市（州）级120.00万元，"
            "县级240.00万元。\n"
            "截至2023年12月31日，实际到位资金1776.00万元，其中县级财政资金到位216.00万元，资金到位率98.67%。\n")
    result, report = _draft(text)
    (group,) = report.projects
    (project,) = group.items
    assert str(project.budget.first.value) == "1800.00" and str(project.arrived.first.value) == "1776.00"
    assert _sources(project) == {"中央": {"budget": ["1080.00"]}, "省级": {"budget": ["360.00"]},
                                 "市（州）级": {"budget": ["120.00"]},
                                 "县级财政资金": {"budget": ["240.00"], "arrived": ["216.00"]}}
    assert project.items == ()
    assert any(item.text == "98.67%" for item in result.loose)


def test_a_source_alone_with_no_stage_and_no_project_money_above_it_stays_unplaced():
    text = ("某县2023年困难群众救助补助资金绩效自评报告\n"
            "一、资金来源\n"
            "下达困难群众救助补助资金（13,664.40万元），中央财政补助8,426.00万元，占61.66%。\n")
    result, report = _draft(text)
    assert all(not p.by_source for g in report.projects for p in g.items)
    assert any(item.text.startswith("8,426.00") for item in result.loose)


def test_a_table_of_a_projects_money_by_level_fills_its_sources_and_its_total_the_project():
    """项目名称 · 中央、省、市（州）、县级财政资金 · 资金计划 · 资金到位情况 · 到位率 · 到位时效 (heldout22/128):
    each level a line of the project's sources, the 合计 the project's own money; the text's short
    names (中央1080.00万元) and the table's full ones are one line each."""
    report = _fixture("heldout22", "128")
    project = report.projects[0].items[0]
    sources = _sources(project)
    assert list(sources) == ["中央财政资金", "省级财政资金", "市（州）级财政资金", "县级财政资金"]
    assert sources["县级财政资金"] == {"budget": ["240.00", "240.00"], "arrived": ["216.00", "216.00"],
                                  "arrival_rate": ["90.00"]}
    assert [str(s.value) for s in project.budget.statements] == ["1800.00", "1800.00", "1800.00"]


def test_a_summary_of_projects_one_source_a_row_is_no_table_of_sources():
    """序号 · 项目名称 · 资金来源 · 年初预算数 … · 自评得分 (heldout19/113): each row a project with its one
    source; the summary reader keeps it, the projects with their scores."""
    report = _fixture("heldout19", "113")
    projects = [p for g in report.projects for p in g.items]
    assert projects and all(not p.by_source for p in projects) and all(p.score is not None for p in projects)

