"""The Sichuan 一体化 system's 部门预算项目支出绩效自评表 as a county portal prints it (an HTML table):
the project's code before its name, 预算执行情况（10分） over 年度预算数（万元）, 年初预算 · 调整后预算数 ·
预算执行数 · 预算执行率 · 权重 · 得分 · 原因 (the 原因 cell holding the template's 填表说明), the goals
under 项目年度目标 | 年度目标完成情况, and a 完成值 written in words."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import parse_report
from generator.importer import draft, strip_unplaced
from generator.importer.read import read_path


def _row(*cells: str | tuple[str, int]) -> str:
    out = []
    for cell in cells:
        text, span = cell if isinstance(cell, tuple) else (cell, 1)
        out.append(f'<td colspan="{span}">{text}</td>' if span > 1 else f"<td>{text}</td>")
    return "<tr>" + "".join(out) + "</tr>\n"


_NOTE = "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）"

_FORM = (
    _row("项目名称", ("51092323T000004125526-档案数字化", 10))
    + _row("主管部门", ("某县自然资源局部门", 4), ("实施单位（盖章）", 2), ("某县档案中心", 4))
    + '<tr><td rowspan="3">项目基本情况</td><td colspan="2" rowspan="2">1.项目年度目标完成情况</td>'
      '<td colspan="4">项目年度目标</td><td colspan="4">年度目标完成情况</td></tr>\n'
    + _row(("完成档案数字化20万页。", 4), ("完成档案数字化21.5万页。", 4))
    + _row(("2.项目实施内容及过程概述", 2), ("按季度验收，分3次支付。", 8))
    + '<tr><td rowspan="6">预算执行情况（10分）</td><td colspan="2">年度预算数（万元）</td><td>年初预算</td>'
      '<td>调整后预算数</td><td>预算执行数</td><td>预算执行率</td><td>权重</td><td>得分</td>'
      '<td colspan="2">原因</td></tr>\n'
    + _row(("总额", 2), "40.00", "45.00", "43.20", "96.00%", "10", "9.60", (_NOTE, 2))
    + _row(("其中：财政资金", 2), "40.00", "45.00", "43.20", "96.00%", "/", "/", ("", 2))
    + _row(("财政专户管理资金", 2), "0.00", "0.00", "0.00", "0.00%", "/", "/", ("", 2))
    + _row(("单位资金", 2), "0.00", "0.00", "0.00", "0.00%", "/", "/", ("", 2))
    + _row(("其他资金", 2), "", "", "", "", "/", "/", ("", 2))
    + _row("绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值",
           "权重", "得分", "未完成原因分析")
    + _row("", "产出指标", "数量指标", "数字化页数", "≥", "20", "万页", "21.5", "50", "50", "")
    + _row("", "", "时效指标", "服务期", "=", "12", "月", "完成", "20", "20", "")
    + _row("", "效益指标", "社会效益指标", "档案保护能力", "定性", "有效保障", "/", "有效保障", "20", "20", "")
    + _row(("合计", 8), "100", "99.60", "")
)


def _page(tmp_path: Path) -> Path:
    page = tmp_path / "form.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>自评表</title></head><body><div class='article-content'>"
        "<p>附件2</p><p>部门预算项目支出绩效自评表（2023年度）</p>"
        f"<table border='1'><tbody>{_FORM}</tbody></table></div></body></html>", encoding="utf-8")
    return page


def _draft(tmp_path: Path):
    text, blocks = read_path(_page(tmp_path))
    result = draft(blocks, 2023, "form.html")
    return result, parse_report(strip_unplaced(result.yaml))


def _values(figure) -> list[str]:
    return [str(s.value) for s in figure.statements] if figure is not None else []


def test_the_funding_block_under_its_amounts_column_is_read(tmp_path):
    result, report = _draft(tmp_path)
    (project,) = report.project_performance
    be = project.budget_execution
    assert be is not None and be.name == "总额"
    assert (_values(be.budget_initial), _values(be.budget_full), _values(be.actual), _values(be.execution_rate)) == (
        ["40.00"], ["45.00"], ["43.20"], ["96.00"])
    assert _values(be.weight) == ["10", "10"] and _values(be.score) == ["9.60"]  # 预算执行情况（10分） and 权重
    assert [(i.name, _values(i.budget_full)) for i in be.items] == [
        ("财政资金", ["45.00"]), ("财政专户管理资金", ["0.00"]), ("单位资金", ["0.00"])]
    # the 填表说明 in the 原因 cell is no reason and its thresholds no figures
    assert "90%" not in result.yaml.split("unplaced:")[-1]


def test_the_project_code_before_its_name_is_not_the_name_nor_a_figure(tmp_path):
    result, report = _draft(tmp_path)
    (project,) = report.project_performance
    assert project.name == "档案数字化"
    code_lines = [line for line in result.yaml.split("unplaced:")[-1].splitlines() if "text: \"51092323\"" in line]
    assert len(code_lines) == 1 and "项目编码" in code_lines[0]


def test_the_goals_under_their_own_heads_are_read_and_the_next_row_is_not_a_goal(tmp_path):
    _, report = _draft(tmp_path)
    (project,) = report.project_performance
    assert [(g.target, g.result) for g in project.goals] == [("完成档案数字化20万页。", "完成档案数字化21.5万页。")]


def test_a_value_in_words_takes_no_unit(tmp_path):
    _, report = _draft(tmp_path)
    (project,) = report.project_performance
    by_name = {i.name: i for i in project.indicators}
    assert (by_name["数字化页数"].target, by_name["数字化页数"].actual) == ("≥20万页", "21.5万页")
    assert (by_name["服务期"].target, by_name["服务期"].actual) == ("=12月", "完成")
    assert (by_name["档案保护能力"].target, by_name["档案保护能力"].actual) == ("有效保障", "有效保障")


# --- the 决算's text as a Word file pasted into a portal's editor ------------------------------------

_PASTED = """2023年度某县档案中心单位决算
目　录
第一部分　单位概况 PAGEREF _Toc25831 h 3
第二部分　2023年度单位决算情况说明 PAGEREF _Toc2776 h 4
一、一般公共预算财政拨款基本支出决算情况说明 PAGEREF _Toc31935 h 5
公开日期：2024919
第一部分　单位概况
本单位为公益一类事业单位。
第二部分　2023年度单位决算情况说明
一、一般公共预算财政拨款基本支出决算情况说明
2023年一般公共预算财政拨款基本支出451.81万元，其中：人员经费415.47万元，主要包括基本工资；公用经费36.34万元，主要包括办公费。
"""


def test_a_pasted_table_of_contents_ends_where_its_headings_begin_and_its_fields_are_no_figures():
    from generator.importer import draft_text

    result = draft_text(_PASTED, 2023)
    report = parse_report(strip_unplaced(result.yaml))
    titles = [s.title for s in report.sections]
    assert "第二部分　2023年度单位决算情况说明" in titles
    # the part's heading names the scope: the basic spending and its parts are that scope's
    (account,) = [a for a in report.expenditure if a.scope == "一般公共预算财政拨款"]
    (basic,) = account.by_nature
    assert _values(basic.actual) == ["451.81"]
    assert [(i.name, _values(i.actual)) for i in basic.items] == [("人员经费", ["415.47"]), ("公用经费", ["36.34"])]
    tail = result.yaml.split("unplaced:")[-1]
    for number in ("25831", "2776", "31935"):
        (line,) = [x for x in tail.splitlines() if f'text: "{number}"' in x]
        assert "域代码" in line
    (line,) = [x for x in tail.splitlines() if 'text: "2024919"' in x]
    assert "日期" in line


# --- the Sichuan 2023 决算 text's sentences ---------------------------------------------------------

_SENTENCES = """2023年度某县档案中心单位决算
第二部分　2023年度单位决算情况说明
五、一般公共预算财政拨款支出决算情况说明
（三）一般公共预算财政拨款支出决算具体情况
1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为38.62万元，完成预算100.00%。决算数与预算数持平。
七、财政拨款“三公”经费支出决算情况说明
（一）“三公”经费财政拨款支出决算总体情况说明
2023年“三公”经费财政拨款支出决算为2.28万元，完成预算87.69%，决算数小于预算数的主要原因是严格控制公务接待。
（二）“三公”经费财政拨款支出决算具体情况说明
2023年“三公”经费财政拨款支出决算中，公务接待费0.42万元，完成预算70.00%，共接待6批次38人次，主要是接待上级部门业务检查指导。
十、其他重要事项的情况说明
（二）一般性支出情况
2023年本单位开支会议费0万元；开支培训费0.80万元，开展业务培训2次，培训64人次；举办节庆、晚会、论坛、赛事活动开支费用0万元。
（五）预算绩效管理情况
组织对2023年度一般公共预算项目支出全面开展绩效自评，共涉及项目3个，资金413.74万元，占一般公共预算财政拨款支出总额的81.14%。
"""


def test_the_sichuan_sentences_place_their_rates_counts_and_general_spending():
    from generator.importer import draft_text

    result = draft_text(_SENTENCES, 2023)
    report = parse_report(strip_unplaced(result.yaml))
    (account,) = [a for a in report.expenditure if a.scope == "一般公共预算财政拨款"]
    (cls,) = account.by_function
    (item,) = cls.items[0].items  # a 项 named down from its 类 and 款, however long the path
    assert (item.name, _values(item.actual), _values(item.execution_rate)) == (
        "机关事业单位基本养老保险缴费支出", ["38.62"], ["100.00"])
    assert _values(report.sangong.total.execution_rate) == ["87.69"]  # 完成预算87.69%
    assert _values(report.sangong.reception.execution_rate) == ["70.00"]
    stats = [(s.name, str(s.value), s.unit) for s in report.work_stats]
    assert ("公务接待", "6", "批次") in stats and ("公务接待", "38", "人次") in stats
    assert ("绩效自评涉及项目", "3", "个") in stats
    assert [(i.name, _values(i.actual)) for i in report.sangong.related] == [
        ("会议费", ["0"]), ("培训费", ["0.80"]), ("节庆、晚会、论坛、赛事活动费用", ["0"])]
    assert _values(report.performance.evaluated_funds) == ["413.74"]
    # its share is of all the 一般公共预算 spending, not of 项目支出 as the field's is: left to the reviewer
    assert report.performance.evaluated_funds_share is None
    (line,) = [x for x in result.yaml.split("unplaced:")[-1].splitlines() if '"81.14%"' in x]
    assert "不是占项目支出的比例" in line


_UNIT = """2023年度某县档案中心单位决算
第一部分　单位概况
二、机构设置
本单位内设2个股室。核定事业编制34人，年末实有在职人员31人。
第二部分　2023年度单位决算情况说明
十、其他重要事项的情况说明
（一）机关运行经费支出情况
本单位为公益一类事业单位，不属于机关运行经费统计范围。
第四部分　附件
附件1
某县档案中心2023年度单位整体支出绩效自评报告
一、基本情况。本单位2023年全年预算数521.60万元（含上年结转12.30万元），全年执行数511.17万元，预算执行率98.00%。
"""


def test_a_unit_of_one_kind_of_staff_an_out_of_scope_item_and_an_annexed_self_evaluation():
    from generator.importer import draft_text

    report = parse_report(strip_unplaced(draft_text(_UNIT, 2023).yaml))
    staffing = report.staffing
    # 核定事业编制34人 and no other kind: the whole 编制, and of what kind
    assert staffing.authorized == 34
    assert [(h.name, h.count) for h in staffing.authorized_items] == [("事业编制", 34)]
    # “不属于机关运行经费统计范围”: the report says why there is nothing to state
    assert report.operating_costs is not None and "不属于" in (report.operating_costs.statement or "")
    # the annex's own title (…单位整体支出绩效自评报告) says its figures are the self-evaluation's
    be = report.performance.budget_execution
    assert (_values(be.budget_full), _values(be.actual), _values(be.execution_rate)) == (
        ["521.60"], ["511.17"], ["98.00"])


_PROJECT_REPORT = """某县2023年高标准农田建设项目
项目支出绩效自评报告
一、项目概况
（一）项目基本情况
项目由某县农业农村局组织实施。
二、项目资金申报及使用情况
截至2023年12月31日，项目实际支出1734.62万元，预算执行率96.37%。
"""


def test_a_title_set_as_the_projects_name_over_the_genre_names_the_project_once():
    from generator.importer import draft_text

    report = parse_report(strip_unplaced(draft_text(_PROJECT_REPORT, 2023).yaml))
    (line,) = report.projects[0].items
    assert (line.name, _values(line.actual), _values(line.execution_rate)) == (
        "某县2023年高标准农田建设项目", ["1734.62"], ["96.37"])
    assert [p.name for p in report.project_performance] in ([], ["某县2023年高标准农田建设项目"])


_PLACES = """某县2023年高标准农田建设项目支出绩效自评报告
一、项目概况
（一）项目基本情况
2023年我县在石桥、龙凤、永兴3个镇9个村实施高标准农田建设1.2万亩。
（二）项目自评步骤及方法
评价从决策、过程、产出、效益4个一级指标开展，共查阅项目资料46份。
"""


def test_the_count_of_the_places_listed_before_it_is_no_work_figure_but_a_count_named_after_it_is():
    from generator.importer import draft_text

    result = draft_text(_PLACES, 2023)
    stats = [(s.name, str(s.value)) for s in parse_report(strip_unplaced(result.yaml)).work_stats]
    assert ("实施高标准农田建设", "1.2") in stats  # (the villages' 村 no part of its name)
    assert [n for n, v in stats if v == "4"][0].endswith("一级指标开展") and ("查阅项目资料", "46") in stats
    assert not [s for s in stats if s[1] in ("3", "9")]
    unplaced = result.yaml.split("unplaced:")[-1]
    assert unplaced.count("所列地点或单位的个数") == 2


def _spending_table(tmp_path: Path, head: str) -> str:
    from docx import Document

    document = Document()
    document.add_heading("某县2023年高标准农田建设项目支出绩效自评报告", 0)
    document.add_heading("二、项目资金申报及使用情况", 1)
    document.add_paragraph("截至2023年12月31日，项目实际支出1734.62万元，预算执行率96.37%。")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("项目名称", head, "支付进度")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("某县2023年高标准农田建设项目", "截至2023年12月31日支出1743.62万元",
                                               "97.67%")):
        cell.text = text
    path = tmp_path / "report.docx"
    document.save(path)
    _, blocks = read_path(path)
    return draft(blocks, 2023).yaml


def test_the_projects_spending_told_in_its_own_table_is_a_statement_of_its_actual_beside_the_texts(tmp_path):
    report = parse_report(strip_unplaced(_spending_table(tmp_path, "县统计资金支出情况")))
    (line,) = report.projects[0].items
    assert _values(line.actual) == ["1734.62", "1743.62"]  # (same.restated sets them against each other)
    # a column of its budget or its progress is no statement of its spending
    for head in ("预算支出数", "支付进度"):
        report = parse_report(strip_unplaced(_spending_table(tmp_path, head)))
        assert _values(report.projects[0].items[0].actual) == ["1734.62"]
